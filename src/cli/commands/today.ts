/** `afterview today` (the plan) and `done` / `dismiss` / `snooze` (decisions about one action). */
import type { Command } from 'commander';
import type { Action } from '../../core/types';
import type { Today } from '../../features/plan/plan.service';
import { decide, getToday } from '../../features/plan/plan.service';
import { formatLocal, relative } from '../format';
import { present } from '../output';
import type { CommandKit } from '../program';
import type { Session } from '../session';

/** The stable JSON contract of `today --json` (DESIGN.md). */
function todayJson(today: Today) {
  return {
    actions: today.actions.map((a) => ({
      key: a.key,
      rule: a.rule,
      due: a.due,
      urgency: a.urgency,
      title: a.title,
      reason: a.reason,
      start: a.start,
      opportunityId: a.opportunityId,
      interviewId: a.interviewId,
      contactId: a.contactId,
    })),
    nextStart: today.nextStart,
  };
}

const MARK: Record<Action['urgency'], string> = { overdue: '!', due: '*', upcoming: ' ' };

function todayText(s: Session, today: Today): string {
  const now = s.ctx.now;
  const open = today.actions.filter((a) => a.urgency !== 'upcoming');
  const lines: string[] = [];
  if (open.length === 0) {
    lines.push(
      today.nextStart
        ? `Nothing to do until ${formatLocal(today.nextStart, s.timeZone)}. No news is normal until then.`
        : 'Nothing to do. Add an opportunity to get started: afterview opportunity add --company NAME --role TITLE',
    );
  }
  for (const group of ['overdue', 'due', 'upcoming'] as const) {
    const items = today.actions.filter((a) => a.urgency === group);
    if (items.length === 0) continue;
    lines.push('', group.toUpperCase());
    for (const a of items) {
      const when =
        group === 'upcoming'
          ? `from ${formatLocal(a.start, s.timeZone)}`
          : `due ${formatLocal(a.due, s.timeZone)} (${relative(a.due, now)})`;
      lines.push(`${MARK[a.urgency]} ${a.title}`, `    ${when} · ${a.reason}`, `    key: ${a.key}`);
    }
  }
  return lines.join('\n').replace(/^\n/, '');
}

export function registerTodayCommands(program: Command, kit: CommandKit): void {
  program
    .command('today')
    .description('the plan: what to do now and what comes next')
    .action((_o: unknown, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const today = await getToday(s.ctx);
        present(s, todayJson(today), () => todayText(s, today));
      }),
    );

  const decideCommand = (name: 'done' | 'dismiss', decision: 'done' | 'dismissed', description: string) =>
    program
      .command(name)
      .description(description)
      .argument('<key>', 'action key from `afterview today`')
      .action((key: string, _o: unknown, cmd: Command) =>
        kit.run(cmd, async (s) => {
          const action = await decide(s.ctx, key, decision);
          present(s, action, () => `${decision === 'done' ? 'Done' : 'Dismissed'}: ${action.title}`);
        }),
      );
  decideCommand('done', 'done', 'mark an action done');
  decideCommand('dismiss', 'dismissed', 'dismiss an action you will not do');
  program
    .command('snooze')
    .description('hide an action until a later time')
    .argument('<key>', 'action key from `afterview today`')
    .requiredOption('--until <iso>', 'when it should come back')
    .action((key: string, o: { until: string }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const action = await decide(s.ctx, key, 'snoozed', o.until);
        present(s, action, () => `Snoozed until ${o.until}: ${action.title}`);
      }),
    );
}
