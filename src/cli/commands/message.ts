/** `afterview message record`: a note sent outside Afterview, or a reply received. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { invalid } from '../../core/errors';
import { MESSAGE_KINDS, type MessageKind } from '../../core/types';
import { recordMessage } from '../../features/messages/message.service';
import { formatLocal } from '../format';
import { present } from '../output';
import type { CommandKit } from '../program';
import { resolveId } from '../resolve';

export function registerMessageCommands(program: Command, kit: CommandKit): void {
  const message = program.command('message').description('notes sent and replies received');
  message
    .command('record')
    .description(
      'record a note you sent outside Afterview (--to) or a reply you received (--from, kind reply)',
    )
    .option('--to <contactId>', 'the person you wrote to')
    .option('--from <contactId>', 'the person who wrote to you')
    .requiredOption('--kind <kind>', MESSAGE_KINDS.join(' | '))
    .option('--at <iso>', 'when (default: now)')
    .option('--subject <text>', 'subject line')
    .option('--file <path>', 'a file holding the body')
    .action(
      (
        o: { to?: string; from?: string; kind: string; at?: string; subject?: string; file?: string },
        cmd: Command,
      ) =>
        kit.run(cmd, async (s) => {
          if (Boolean(o.to) === Boolean(o.from)) throw invalid('Give exactly one of --to or --from.', 'to');
          if (!(MESSAGE_KINDS as readonly string[]).includes(o.kind)) {
            throw invalid(`--kind: "${o.kind}" is not one of ${MESSAGE_KINDS.join(', ')}.`, 'kind');
          }
          const body = o.file ? await readBody(resolve(s.io.cwd, o.file)) : undefined;
          const recorded = await recordMessage(s.ctx, {
            direction: o.to ? 'out' : 'in',
            contactId: await resolveId(s.ctx, 'person', (o.to ?? o.from) as string, o.to ? 'to' : 'from'),
            kind: o.kind as MessageKind,
            at: o.at,
            subject: o.subject,
            body,
          });
          present(
            s,
            recorded,
            () =>
              `Recorded ${recorded.direction === 'out' ? 'sent' : 'received'} ${recorded.kind} ${recorded.id} at ${formatLocal(recorded.sentAt as string, s)}.`,
          );
        }),
    );
}

async function readBody(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw invalid(`--file: cannot read ${path}.`, 'file');
  }
}
