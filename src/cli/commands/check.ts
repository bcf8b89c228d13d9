/** `afterview check [FILE|-] --to CONTACT_ID [--kind KIND]`: the note checker on a text. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Finding } from '../../core/checker/types';
import { invalid } from '../../core/errors';
import { MESSAGE_KINDS, type MessageKind } from '../../core/types';
import { present } from '../output';
import { type CommandKit, EXIT } from '../program';
import { resolveId } from '../resolve';

/** 1-based line and column of an offset, for messages people can find in their editor. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

export function formatFindings(text: string, findings: Finding[]): string {
  if (findings.length === 0) return 'No problems found.';
  return findings
    .map((f) => {
      const excerpt = f.end > f.start ? ` "${text.slice(f.start, Math.min(f.end, f.start + 60))}"` : '';
      return `${lineCol(text, f.start)}  ${f.severity.padEnd(7)}  ${f.rule.padEnd(18)}  ${f.message}${excerpt ? ` —${excerpt}` : ''}`;
    })
    .join('\n');
}

export function registerCheckCommands(program: Command, kit: CommandKit): void {
  program
    .command('check')
    .description('check a note before it goes out (exit 1 when an error is found)')
    .argument('[file]', 'the note, or - for standard input', '-')
    .requiredOption('--to <contactId>', 'the recipient')
    .option('--kind <kind>', MESSAGE_KINDS.join(' | '), 'thank-you')
    .option('--subject <text>', 'the subject line')
    .option('--at <iso>', 'when it would be sent (default: now)')
    .action((file: string, o: { to: string; kind: string; subject?: string; at?: string }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        if (!(MESSAGE_KINDS as readonly string[]).includes(o.kind)) {
          throw invalid(`--kind: "${o.kind}" is not one of ${MESSAGE_KINDS.join(', ')}.`, 'kind');
        }
        let body: string;
        try {
          body = file === '-' ? await s.io.readStdin() : await readFile(resolve(s.io.cwd, file), 'utf8');
        } catch {
          throw invalid(`cannot read ${file}.`, 'file');
        }
        // Loaded on use: the checker, speller and templates stay off every other command's start-up.
        const { checkText } = await import('../../features/checks/check.service');
        const result = await checkText(s.ctx, {
          body,
          subject: o.subject,
          contactId: await resolveId(s.ctx, 'person', o.to, 'to'),
          kind: o.kind as MessageKind,
          sendAt: o.at,
        });
        present(s, { findings: result.findings }, () => formatFindings(body, result.findings));
        return result.blocked ? EXIT.checkFailed : EXIT.ok;
      }),
    );
}
