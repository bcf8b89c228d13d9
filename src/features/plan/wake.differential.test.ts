/**
 * The wake-up index never hides work: random sequences of service calls (opportunities with
 * shared recruiters and interviewers, interviews moved and cancelled, debriefs, messages in and
 * out, stage changes, contact edits, decisions and their undoing, settings and playbook changes,
 * and the clock moving forward and back) and after each one, Today from the index equals the plan
 * of the whole account. Runs on every tested dialect.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { at, createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import { plan, planAll } from '../../core/plan/plan';
import { STAGES } from '../../core/types';
import { getPlaybook, updateSettings } from '../accounts/account.service';
import { editContact } from '../contacts/contact-edit.service';
import type { ServiceContext } from '../context';
import { saveDebrief } from '../debriefs/debrief.service';
import { undoDecision } from '../decisions/decision.service';
import { addInterview, updateInterview } from '../interviews/interview.service';
import { recordMessage } from '../messages/message.service';
import { addOpportunity, changeStage } from '../opportunities/opportunity.service';
import { decide, getAction, getOpportunityActions, getToday } from './plan.service';
import { loadPlanSnapshot } from './snapshot.service';

const PEOPLE = [
  'Sam Lee <sam@a.example>',
  'Priya Raman <priya@b.example>',
  'Jo Park',
  'Ana Ruiz <ana@c.example>',
];
const BASE = Date.parse('2026-11-02T15:00:00Z');
const HOUR = 3_600_000;
const isoAt = (hours: number) => new Date(BASE + hours * HOUR).toISOString().replace('.000Z', 'Z');

type Op =
  | { op: 'opportunity'; recruiter: number | null; stage: (typeof STAGES)[number] | null }
  | { op: 'interview'; opp: number; startH: number; lengthH: number; people: number[] }
  | { op: 'move-interview'; iv: number; startH: number; cancel: boolean }
  | { op: 'debrief'; iv: number }
  | {
      op: 'message';
      opp: number | null;
      person: number;
      inbound: boolean;
      kind: 'thank-you' | 'check-in' | 'other';
      atH: number;
    }
  | { op: 'stage'; opp: number; stage: (typeof STAGES)[number] }
  | { op: 'email'; person: number; email: boolean }
  | { op: 'decide'; pick: number; decision: 'done' | 'dismissed' | 'snoozed'; forH: number }
  | { op: 'undo'; pick: number }
  | { op: 'settings'; zone: string; sameDay: boolean }
  | { op: 'clock'; byH: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('opportunity' as const),
    recruiter: fc.option(fc.nat(3), { nil: null }),
    stage: fc.option(fc.constantFrom(...STAGES), { nil: null }),
  }),
  fc.record({
    op: fc.constant('interview' as const),
    opp: fc.nat(6),
    startH: fc.integer({ min: 0, max: 24 * 40 }),
    lengthH: fc.integer({ min: 1, max: 3 }),
    people: fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    op: fc.constant('move-interview' as const),
    iv: fc.nat(8),
    startH: fc.integer({ min: 0, max: 24 * 40 }),
    cancel: fc.boolean(),
  }),
  fc.record({ op: fc.constant('debrief' as const), iv: fc.nat(8) }),
  fc.record({
    op: fc.constant('message' as const),
    opp: fc.option(fc.nat(6), { nil: null }),
    person: fc.nat(3),
    inbound: fc.boolean(),
    kind: fc.constantFrom('thank-you' as const, 'check-in' as const, 'other' as const),
    atH: fc.integer({ min: 0, max: 24 * 60 }),
  }),
  fc.record({ op: fc.constant('stage' as const), opp: fc.nat(6), stage: fc.constantFrom(...STAGES) }),
  fc.record({ op: fc.constant('email' as const), person: fc.nat(3), email: fc.boolean() }),
  fc.record({
    op: fc.constant('decide' as const),
    pick: fc.nat(40),
    decision: fc.constantFrom('done' as const, 'dismissed' as const, 'snoozed' as const),
    forH: fc.integer({ min: 1, max: 24 * 10 }),
  }),
  fc.record({ op: fc.constant('undo' as const), pick: fc.nat(40) }),
  fc.record({
    op: fc.constant('settings' as const),
    zone: fc.constantFrom('America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo'),
    sameDay: fc.boolean(),
  }),
  fc.record({ op: fc.constant('clock' as const), byH: fc.integer({ min: -24 * 5, max: 24 * 20 }) }),
);

interface World {
  ctx: ServiceContext;
  opps: string[];
  interviews: string[];
  /** Contact ids by PEOPLE index, once someone has been recorded. */
  people: Map<number, string>;
  decided: string[];
}

const pick = <T>(list: readonly T[], i: number): T | undefined =>
  list.length ? list[i % list.length] : undefined;

async function apply(w: World, o: Op): Promise<void> {
  const ctx = w.ctx;
  switch (o.op) {
    case 'opportunity': {
      const opp = await addOpportunity(ctx, {
        company: `Company ${w.opps.length}`,
        role: 'Engineer',
        recruiter: o.recruiter === null ? undefined : PEOPLE[o.recruiter],
        stage: o.stage ?? undefined,
      });
      w.opps.push(opp.id);
      if (o.recruiter !== null && opp.recruiterId) w.people.set(o.recruiter, opp.recruiterId);
      return;
    }
    case 'interview': {
      const opportunityId = pick(w.opps, o.opp);
      if (!opportunityId) return;
      const iv = await addInterview(ctx, {
        opportunityId,
        start: isoAt(o.startH),
        end: isoAt(o.startH + o.lengthH),
        interviewers: o.people.map((p) => PEOPLE[p] ?? 'Jo Park'),
      });
      w.interviews.push(iv.id);
      for (const p of iv.participants) {
        const index = o.people.find((i) => !w.people.has(i));
        if (index !== undefined && ![...w.people.values()].includes(p.contactId))
          w.people.set(index, p.contactId);
      }
      return;
    }
    case 'move-interview': {
      const id = pick(w.interviews, o.iv);
      if (!id) return;
      await updateInterview(
        ctx,
        id,
        o.cancel
          ? { status: 'cancelled' }
          : { start: isoAt(o.startH), end: isoAt(o.startH + 1), status: 'scheduled' },
      );
      return;
    }
    case 'debrief': {
      const id = pick(w.interviews, o.iv);
      if (id) await saveDebrief(ctx, id, { notes: [] });
      return;
    }
    case 'message': {
      const contactId = w.people.get(o.person);
      if (!contactId) return;
      await recordMessage(ctx, {
        direction: o.inbound ? 'in' : 'out',
        contactId,
        kind: o.inbound ? 'reply' : o.kind,
        at: isoAt(o.atH),
        opportunityId: o.opp === null ? undefined : pick(w.opps, o.opp),
      });
      return;
    }
    case 'stage': {
      const id = pick(w.opps, o.opp);
      if (id) await changeStage(ctx, id, o.stage);
      return;
    }
    case 'email': {
      const id = w.people.get(o.person);
      if (id) await editContact(ctx, id, { emails: o.email ? [`p${o.person}@d.example`] : [] });
      return;
    }
    case 'decide': {
      const all = planAll(await loadPlanSnapshot(ctx), await getPlaybook(ctx), ctx.now);
      const action = pick(all, o.pick);
      if (!action) return;
      const until =
        o.decision === 'snoozed'
          ? new Date(ctx.now.epochMilliseconds + o.forH * HOUR).toISOString()
          : undefined;
      await decide(ctx, action.key, o.decision, until);
      w.decided.push(action.key);
      return;
    }
    case 'undo': {
      const key = pick(w.decided, o.pick);
      if (!key) return;
      // Undo refuses an action with nothing to undo: each decision is undone once.
      await undoDecision(ctx, key);
      w.decided = w.decided.filter((k) => k !== key);
      return;
    }
    case 'settings':
      await updateSettings(ctx, {
        timeZone: o.zone,
        playbookOverrides: o.sameDay ? { thankYou: { preset: 'same-day' } } : {},
      });
      return;
    case 'clock':
      w.ctx = at(ctx, new Date(ctx.now.epochMilliseconds + o.byH * HOUR).toISOString());
      return;
  }
}

/** Today from the index, and what the whole account plans, side by side. */
async function compare(w: World): Promise<void> {
  const today = await getToday(w.ctx);
  const snapshot = await loadPlanSnapshot(w.ctx);
  const playbook = await getPlaybook(w.ctx);
  expect(today.actions).toEqual(plan(snapshot, playbook, w.ctx.now));
  // The single lookups agree with the whole account too.
  const all = planAll(snapshot, playbook, w.ctx.now);
  for (const id of w.opps) {
    expect(await getOpportunityActions(w.ctx, id)).toEqual(all.filter((a) => a.opportunityId === id));
  }
  const sample = all[all.length >> 1];
  if (sample) expect(await getAction(w.ctx, sample.key)).toEqual(sample);
}

describeEachDialect('wake-up index against the whole plan', (t) => {
  it('Today from the index equals plan() over the full snapshot after every service call', async () => {
    const runs = t.dialect === 'postgres' ? 8 : 25;
    let actionsSeen = 0;
    let quietSkipped = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 8, maxLength: 22 }), async (ops) => {
        const ctx = await createTestContext(t.store, { now: isoAt(24 * 10) });
        const w: World = { ctx, opps: [], interviews: [], people: new Map(), decided: [] };
        for (const o of ops) {
          await apply(w, o);
          await compare(w);
          actionsSeen += (await getToday(w.ctx)).actions.length;
        }
        // The index is doing its job: some opportunities are left unread.
        const rows = await t.store.db
          .selectFrom('plan_wake')
          .select(['wake_at', 'dirty'])
          .where('account_id', '=', w.ctx.actor.accountId)
          .execute();
        quietSkipped += rows.filter(
          (r) => r.dirty === 0 && (r.wake_at === null || r.wake_at > w.ctx.now.toString()),
        ).length;
      }),
      { numRuns: runs },
    );
    expect(actionsSeen).toBeGreaterThan(0);
    expect(quietSkipped).toBeGreaterThan(0);
  }, 600_000);
});
