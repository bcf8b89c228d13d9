/** `afterview interview add`, `afterview interviews`. */
import type { Command } from 'commander';
import type { Contact, Interview } from '../../core/types';
import { listContacts } from '../../features/contacts/contact.service';
import { addInterview, listInterviews } from '../../features/interviews/interview.service';
import { formatLocal } from '../format';
import { present, table } from '../output';
import type { CommandKit } from '../program';
import { resolveId, resolveOptionalId } from '../resolve';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerInterviewCommands(program: Command, kit: CommandKit): void {
  const interview = program.command('interview').description('record an interview and who was in the room');
  interview
    .command('add')
    .description('add an interview')
    .requiredOption('--opportunity <id>', 'opportunity id')
    .requiredOption('--start <iso>', 'start, e.g. 2026-12-08T10:00 (read in --tz, else your zone)')
    .requiredOption('--end <iso>', 'end')
    .option('--tz <zone>', 'IANA zone of the interview, e.g. America/Los_Angeles')
    .option('--round <name>', 'round name, e.g. "System design"')
    .option('--location <text>', 'address or meeting link')
    .option('--interviewer <address>', '"Name <email>", or just "Name" (repeatable)', collect, [])
    .action(
      (
        o: {
          opportunity: string;
          start: string;
          end: string;
          tz?: string;
          round?: string;
          location?: string;
          interviewer: string[];
        },
        cmd: Command,
      ) =>
        kit.run(cmd, async (s) => {
          const created = await addInterview(s.ctx, {
            opportunityId: await resolveId(s.ctx, 'opportunity', o.opportunity),
            start: o.start,
            end: o.end,
            timeZone: o.tz,
            round: o.round,
            location: o.location,
            interviewers: o.interviewer,
          });
          const people = await listContacts(s.ctx);
          present(s, { ...created, people: peopleOf(created, people) }, () =>
            [
              `Added interview ${created.id}: ${created.round}, ${formatLocal(created.start, { timeZone: created.timeZone, locale: s.locale })} (${created.timeZone})`,
              ...peopleOf(created, people).map(
                (p) => `  ${p.id}  ${p.displayName}  ${p.emails[0] ?? '(no email yet)'}`,
              ),
            ].join('\n'),
          );
        }),
    );

  program
    .command('interviews')
    .description('list interviews with their ids')
    .option('--opportunity <id>', 'only this opportunity')
    .action((o: { opportunity?: string }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const all = await listInterviews(s.ctx, await resolveOptionalId(s.ctx, 'opportunity', o.opportunity));
        const people = await listContacts(s.ctx);
        present(s, { interviews: all }, () =>
          all.length === 0
            ? 'No interviews yet. Add one with: afterview interview add --opportunity ID --start ISO --end ISO'
            : table([
                ['ID', 'OPPORTUNITY', 'ROUND', 'START', 'INTERVIEWERS'],
                ...all.map((i) => [
                  i.id,
                  i.opportunityId,
                  i.status === 'cancelled' ? `${i.round} (cancelled)` : i.round,
                  formatLocal(i.start, s),
                  peopleOf(i, people)
                    .map((p) => p.displayName)
                    .join(', '),
                ]),
              ]),
        );
      }),
    );
}

function peopleOf(interview: Interview, people: Contact[]): Contact[] {
  return interview.participants.flatMap((p) => people.filter((c) => c.id === p.contactId));
}
