/** `afterview today` (the plan) and `done` / `dismiss` / `snooze` / `undo` (decisions about one action). */
import { join } from 'node:path';
import type { Command } from 'commander';
import { reasonText } from '../../core/plan/reason';
import type { Action, DecisionKind } from '../../core/types';
import type { Today } from '../../features/plan/plan.service';
import { decide, getAction, getToday } from '../../features/plan/plan.service';
import { withZoneCache } from '../../features/plan/zone-cache';
import { formatLocal, formatPlainDate, relative } from '../format';
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
      reasonDate: a.reasonDate ?? null,
      start: a.start,
      opportunityId: a.opportunityId,
      interviewId: a.interviewId,
      contactId: a.contactId,
    })),
    nextStart: today.nextStart,
  };
}

const MARK: Record<Action['urgency'], string> = { overdue: '!', due: '*', upcoming: ' ' };

/**
 * Nothing due now. "No news is normal" is only true while waiting to hear back (the next thing
 * is a check-in); after a rejection the next thing is a reconnect months away, and saying that
 * silence is normal would be wrong.
 */
function calmLine(s: Session, today: Today, hasOpportunities: boolean): string {
  const next = today.actions
    .filter((a) => a.urgency === 'upcoming')
    // Plain code-unit order (ISO instants): localeCompare would load ICU's collator for nothing.
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))[0];
  if (!next) {
    if (today.actions.length > 0 || today.nextStart !== null) return 'Nothing to do.';
    // Nothing planned at all: the next step depends on what is recorded, not on a first run.
    return hasOpportunities
      ? 'Nothing to do. When an interview is booked, add it: afterview interview add --opportunity ID --start ISO --end ISO'
      : 'Nothing to do. Add an opportunity to get started: afterview opportunity add --company NAME --role TITLE';
  }
  const until = `Nothing to do until ${formatLocal(next.start, s)}`;
  return next.rule === 'check-in' ? `${until}. No news is normal until then.` : `${until}.`;
}

function todayText(s: Session, today: Today, hasOpportunities: boolean): string {
  const now = s.ctx.now;
  const open = today.actions.filter((a) => a.urgency !== 'upcoming');
  const lines: string[] = [];
  if (open.length === 0) lines.push(calmLine(s, today, hasOpportunities));
  for (const group of ['overdue', 'due', 'upcoming'] as const) {
    const items = today.actions.filter((a) => a.urgency === group);
    if (items.length === 0) continue;
    lines.push('', group.toUpperCase());
    for (const a of items) {
      const when =
        group === 'upcoming'
          ? `from ${formatLocal(a.start, s)}`
          : `due ${formatLocal(a.due, s)} (${relative(a.due, now)})`;
      const reason = reasonText(a, (d) => formatPlainDate(d, s.locale, now));
      lines.push(`${MARK[a.urgency]} ${a.title}`, `    ${when} · ${reason}`, `    key: ${a.key}`);
    }
  }
  return lines.join('\n').replace(/^\n/, '');
}

// Loaded when used, as are the services below that the listing never calls: each brings its input
// schemas (zod), which `afterview today` would otherwise load on every start.
// Resolving a key's prefix reads every feature, which `today` never needs.
const anyOpportunity = async (s: Session): Promise<boolean> => {
  const { listOpportunities } = await import('../../features/opportunities/opportunity.service');
  return (await listOpportunities(s.ctx)).length > 0;
};
const resolveAction = async (s: Session, typed: string): Promise<string> =>
  (await import('../resolve')).resolveId(s.ctx, 'action', typed);

export function registerTodayCommands(program: Command, kit: CommandKit): void {
  program
    .command('today')
    .description('the plan: what to do now and what comes next')
    .action((_o: unknown, cmd: Command) =>
      kit.run(cmd, async (s) => {
        // The user's zone offsets from the data dir's cache: no ICU load on a warm run.
        const zoneCache = join(s.dataDir, 'cache', 'zone-offsets.json');
        const today = await withZoneCache(zoneCache, s.timeZone, () => getToday(s.ctx));
        // Read only when nothing at all is planned (rare): the everyday run does not pay for it.
        const hasOpportunities =
          !s.json && today.actions.length === 0 && today.nextStart === null ? await anyOpportunity(s) : true;
        present(s, todayJson(today), () => todayText(s, today, hasOpportunities));
      }),
    );

  const decideCommand = (name: 'done' | 'dismiss', decision: 'done' | 'dismissed', description: string) =>
    program
      .command(name)
      .description(description)
      .argument('<key>', 'action key from `afterview today`')
      .action((typed: string, _o: unknown, cmd: Command) =>
        kit.run(cmd, async (s) => {
          const key = await resolveAction(s, typed);
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
    .action((typed: string, o: { until: string }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const key = await resolveAction(s, typed);
        const action = await decide(s.ctx, key, 'snoozed', o.until);
        present(s, action, () => `Snoozed until ${o.until}: ${action.title}`);
      }),
    );
  program
    .command('undo')
    .description('take back done, dismiss or snooze: the action is planned again')
    .argument('<key>', 'action key (or the start of one) from `afterview today`')
    .action((typed: string, _o: unknown, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const key = await resolveAction(s, typed);
        const { undoDecision } = await import('../../features/decisions/decision.service');
        const was = await undoDecision(s.ctx, key);
        const action = await getAction(s.ctx, key);
        const title = action?.title ?? key;
        present(s, { key, undone: was, action: action ?? null }, () => `Undone (${UNDONE[was]}): ${title}`);
      }),
    );
}

const UNDONE: Record<DecisionKind, string> = {
  done: 'no longer marked done',
  dismissed: 'no longer dismissed',
  snoozed: 'no longer snoozed',
};
