/** `afterview debrief`: the walk-to-the-car notes that feed the drafts. */
import type { Command } from 'commander';
import { invalid } from '../../core/errors';
import { plural } from '../../core/plural';
import { saveDebrief } from '../../features/debriefs/debrief.service';
import { present } from '../output';
import type { CommandKit } from '../program';
import { resolveId, resolveOptionalId } from '../resolve';

interface DebriefOptions {
  interview: string;
  contact?: string;
  memorable?: string;
  topics?: string;
  problem?: string;
  feeling?: string;
  wentWell?: string;
  improve?: string;
  promise?: string;
}

export function registerDebriefCommands(program: Command, kit: CommandKit): void {
  program
    .command('debrief')
    .description('write down how it went, per interviewer what was memorable, what you promised')
    .requiredOption('--interview <id>', 'interview id')
    .option('--contact <id>', 'the interviewer the --memorable/--topics/--problem notes are about')
    .option('--memorable <text>', 'something this interviewer said or cared about')
    .option('--topics <text>', 'what you talked about with them')
    .option('--problem <text>', 'a problem they raised (a follow-up idea)')
    .option('--feeling <text>', 'how it went overall')
    .option('--went-well <text>', 'what went well')
    .option('--improve <text>', 'what you wish you had answered better')
    .option('--promise <text>', 'what you promised to send')
    .action((o: DebriefOptions, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const perPerson = o.memorable !== undefined || o.topics !== undefined || o.problem !== undefined;
        if (perPerson && !o.contact)
          throw invalid('--contact is required with --memorable, --topics or --problem.', 'contact');
        const contactId = await resolveOptionalId(s.ctx, 'person', o.contact, 'contact');
        const saved = await saveDebrief(s.ctx, await resolveId(s.ctx, 'interview', o.interview), {
          feeling: o.feeling,
          wentWell: o.wentWell,
          improve: o.improve,
          promises: o.promise,
          notes: contactId
            ? [{ contactId, memorable: o.memorable, topics: o.topics, problem: o.problem }]
            : [],
        });
        present(
          s,
          saved,
          () => `Debrief saved (notes on ${plural(saved.notes.length, 'interviewer')} so far).`,
        );
      }),
    );
}
