/** `afterview draft --interview ID` (a thank-you per interviewer) or `--action KEY` (any note). */
import type { Command } from 'commander';
import { firstNameOf } from '../../core/drafts/render';
import { invalid } from '../../core/errors';
import { listContacts } from '../../features/contacts/contact.service';
import type { DraftResult } from '../../features/drafts/draft.service';
import { present } from '../output';
import type { CommandKit } from '../program';
import { resolveId } from '../resolve';
import { formatFindings } from './check';

export function registerDraftCommands(program: Command, kit: CommandKit): void {
  program
    .command('draft')
    .description('draft notes from your debrief: a thank-you per interviewer, or the note an action asks for')
    .option('--interview <id>', 'draft a thank-you to each interviewer of this interview')
    .option(
      '--action <key>',
      'draft the note for this action (check-in, thanks-for-consideration, reconnect)',
    )
    .action((o: { interview?: string; action?: string }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        if (Boolean(o.interview) === Boolean(o.action))
          throw invalid('Give exactly one of --interview or --action.');
        // Loaded on use: templates (liquidjs) and the checker stay off every other command's start-up.
        const { draftForAction, draftThankYous } = await import('../../features/drafts/draft.service');
        const results: DraftResult[] = o.interview
          ? await draftThankYous(s.ctx, await resolveId(s.ctx, 'interview', o.interview), s.dataDir)
          : [
              await draftForAction(
                s.ctx,
                await resolveId(s.ctx, 'action', o.action as string, 'action'),
                s.dataDir,
              ),
            ];
        const people = new Map((await listContacts(s.ctx)).map((c) => [c.id, c]));
        present(
          s,
          {
            drafts: results.map((r) => ({
              ...r.message,
              findings: r.check.findings,
              hints: r.hints,
              kept: r.kept,
            })),
          },
          () =>
            results.length === 0
              ? 'Nothing to draft: every interviewer has been thanked already.'
              : results
                  .map((r) => {
                    const to = people.get(r.message.contactIds[0] ?? '');
                    return [
                      `── Draft ${r.message.id} to ${to?.displayName ?? '?'} <${to?.emails[0] ?? 'no email yet'}>`,
                      // Drafting again never overwrites words the user saved on Compose.
                      ...(r.kept
                        ? [
                            `Kept your edited draft to ${to ? firstNameOf(to.displayName) : 'them'}; not redrafted.`,
                          ]
                        : []),
                      `Subject: ${r.message.subject}`,
                      '',
                      r.message.body,
                      '',
                      `Check: ${formatFindings(r.message.body, r.check.findings).replaceAll('\n', '\n       ')}`,
                      // "Set your name in Settings to sign your notes", a line left in the third person...
                      ...r.hints.map(
                        (h) =>
                          `Note:  ${h.startsWith('Set your name in Settings') ? `${h} (afterview config set name "Your Name")` : h}`,
                      ),
                    ].join('\n');
                  })
                  .join('\n\n'),
        );
      }),
    );
}
