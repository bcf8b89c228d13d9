/**
 * `afterview demo` and the web app's "try with sample data": seed a realistic job hunt into the
 * current account in one transaction, written in bulk (300 opportunities in well under a second
 * of database time).
 */
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { plan } from '../../core/plan/plan';
import type { Playbook } from '../../core/playbook';
import type { Temporal } from '../../core/time';
import type { Account, Snapshot } from '../../core/types';
import { parseInput } from '../../core/validate';
import { getAccount, getPlaybook } from '../accounts/account.service';
import { type AccountRows, insertAccountRows, readExistingIds } from '../backup/backup.repository';
import { toContact } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { toDebrief } from '../debriefs/debrief.service';
import { holidayDates } from '../holidays/holiday.service';
import { toInterview } from '../interviews/interview.service';
import { toMessage } from '../messages/message.service';
import { toOpportunity } from '../opportunities/opportunity.service';
import { generateDemo } from './demo.generator';
import { Rng } from './prng';

export const demoOptionsSchema = z.object({
  scale: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(5000, 'must be at most 5000'),
  seed: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(2 ** 31 - 1)
    .default(1),
});
export type DemoOptionsInput = z.input<typeof demoOptionsSchema>;

/** What was seeded. */
export interface DemoSummary {
  seed: number;
  opportunities: number;
  contacts: number;
  interviews: number;
  debriefs: number;
  messages: number;
  events: number;
}

/**
 * Seed `scale` opportunities with their people, interviews, debriefs and messages, dated relative
 * to `ctx.now`. The same seed gives the same data; seeding the same seed twice into one account
 * is refused (the ids would collide) rather than doubled.
 */
export async function seedDemo(ctx: ServiceContext, input: DemoOptionsInput): Promise<DemoSummary> {
  const { scale, seed } = parseInput(demoOptionsSchema, input);
  const [account, playbook] = await Promise.all([getAccount(ctx), getPlaybook(ctx)]);
  const rows = generateDemo({
    accountId: ctx.actor.accountId,
    now: ctx.now,
    scale,
    seed,
    timeZone: account.timeZone,
    signer: account.displayName ?? 'Alex Morgan',
  });
  await settleOldActions(rows, account, playbook, ctx.now, seed);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await readExistingIds(trx, ctx.actor.accountId);
    if (rows.opportunities.some((o) => existing.opportunities.has(o.id))) {
      throw new AppError(
        'conflict',
        `seed: demo data from seed ${seed} at this moment is already here; use another --seed.`,
        'seed',
      );
    }
    await insertAccountRows(trx, rows);
  });
  return {
    seed,
    opportunities: rows.opportunities.length,
    contacts: rows.contacts.length,
    interviews: rows.interviews.length,
    debriefs: rows.debriefs.length,
    messages: rows.messages.length,
    events: rows.events.length,
  };
}

/** How long ago an action must have fallen due for the demo user to have dealt with it. */
const SETTLED_AFTER_DAYS = 10;

/**
 * A real user who kept Afterview for two years would not have a backlog of 600-day-old actions:
 * they marked them done or dismissed them. Plan the generated data and record such a decision for
 * every action that fell due more than ten days ago, so `today` looks like a lived-in account.
 */
async function settleOldActions(
  rows: AccountRows,
  account: Account,
  playbook: Playbook,
  now: Temporal.Instant,
  seed: number,
): Promise<void> {
  const byInterview = <T extends { interview_id: string }>(list: T[]) => {
    const out = new Map<string, T[]>();
    for (const r of list) out.set(r.interview_id, [...(out.get(r.interview_id) ?? []), r]);
    return out;
  };
  const participants = byInterview(rows.participants);
  const notes = byInterview(rows.debriefNotes);
  const recipients = new Map<string, AccountRows['messageContacts']>();
  for (const r of rows.messageContacts)
    recipients.set(r.message_id, [...(recipients.get(r.message_id) ?? []), r]);
  const years = new Set<number>();
  for (const i of rows.interviews) years.add(Number(i.end_at.slice(0, 4)));
  years.add(Number(now.toString().slice(0, 4)));
  years.add(Number(now.toString().slice(0, 4)) + 1);
  const snapshot: Snapshot = {
    account: { timeZone: account.timeZone, holidayRegion: account.holidayRegion },
    opportunities: rows.opportunities.map(toOpportunity),
    interviews: rows.interviews.map((r) => toInterview(r, participants.get(r.id) ?? [])),
    contacts: rows.contacts.map(toContact),
    debriefs: rows.debriefs.map((r) => toDebrief(r, notes.get(r.interview_id) ?? [])),
    messages: rows.messages.map((r) => toMessage(r, recipients.get(r.id) ?? [])),
    decisions: [],
    holidays: await holidayDates(account.holidayRegion, [...years]),
  };
  const rng = new Rng(seed ^ 0x5e77_1ed);
  const cutoff = now.epochMilliseconds - SETTLED_AFTER_DAYS * 86_400_000;
  const decided = new Set(rows.decisions.map((d) => d.action_key));
  for (const action of plan(snapshot, playbook, now)) {
    const due = Date.parse(action.due);
    if (due >= cutoff || decided.has(action.key)) continue;
    const decidedMs = Math.min(now.epochMilliseconds, due + rng.int(2, 72) * 3_600_000);
    rows.decisions.push({
      account_id: rows.opportunities[0]?.account_id ?? '',
      action_key: action.key,
      // Check-ins and reconnects often happen by phone or in person: done. The rest, let go.
      decision:
        action.rule === 'check-in' || action.rule === 'reconnect'
          ? rng.chance(0.7)
            ? 'done'
            : 'dismissed'
          : 'dismissed',
      until: null,
      decided_at: new Date(decidedMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
  }
}
