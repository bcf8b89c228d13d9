/**
 * Planning by opportunity equals planning the whole account, over generated accounts with several
 * opportunities that share people (a recruiter placing you at two companies, an interviewer who
 * moved), messages attributed every way the planner knows (by opportunity, by interview, by
 * contact only, by action key) and decisions of every kind. And a slice's wake-up time is never
 * later than the first moment it has an open action.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../playbook-schema';
import { Temporal } from '../time';
import type { ActionDecision, Interview, Message, Opportunity } from '../types';
import { STAGES } from '../types';
import type { PlanSnapshot } from './context';
import {
  buildContact,
  buildDecision,
  buildInterview,
  buildMessage,
  buildOpportunity,
  buildSnapshot,
} from './fixtures';
import {
  checkInKey,
  collectContactKey,
  debriefKey,
  goneQuietKey,
  reconnectKey,
  thanksForConsiderationKey,
  thankYouKey,
} from './keys';
import { plan, planAll } from './plan';
import { mergePlans, planOpportunity, planOpportunityAll, slicesOf, wakeAt } from './slice';

const PEOPLE = ['c-1', 'c-2', 'c-3', 'c-4', 'c-5'];
const ZONES = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo', 'UTC'];
const BASE_MS = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const isoAt = (minutes: number) => new Date(BASE_MS + minutes * MINUTE).toISOString().replace('.000Z', 'Z');
const minuteArb = fc.integer({ min: 0, max: 400 * 24 * 60 });

const oppArb = (i: number) =>
  fc
    .record({
      stage: fc.constantFrom(...STAGES),
      recruiter: fc.option(fc.constantFrom(...PEOPLE), { nil: null }),
      decisionBy: fc.option(
        minuteArb.map((m) => isoAt(m).slice(0, 10)),
        { nil: null },
      ),
      changed: minuteArb,
    })
    .map(
      (r): Opportunity =>
        buildOpportunity({
          id: `opp-${i}`,
          company: `Company ${i}`,
          stage: r.stage,
          recruiterId: r.recruiter,
          decisionBy: r.decisionBy,
          stageChangedAt: isoAt(r.changed),
        }),
    );

const interviewArb = (i: number, opps: number) =>
  fc
    .record({
      opp: fc.integer({ min: 0, max: opps - 1 }),
      startMin: minuteArb,
      lengthMin: fc.integer({ min: 20, max: 240 }),
      createdMin: minuteArb,
      people: fc.subarray(PEOPLE, { minLength: 1, maxLength: 3 }),
      cancelled: fc.boolean(),
    })
    .map(
      (r): Interview =>
        buildInterview({
          id: `iv-${i}`,
          opportunityId: `opp-${r.opp}`,
          start: isoAt(r.startMin),
          end: isoAt(r.startMin + r.lengthMin),
          createdAt: isoAt(r.createdMin),
          status: r.cancelled ? 'cancelled' : 'scheduled',
          participants: r.people.map((contactId, k) => ({
            contactId,
            role: k === 2 ? ('coordinator' as const) : ('interviewer' as const),
          })),
        }),
    );

/** Every key shape the planner produces, for ids that may or may not exist. */
const keyArb = (opps: number, ivs: number) => {
  const opp = fc.integer({ min: 0, max: opps }).map((i) => `opp-${i}`);
  const iv = fc.integer({ min: 0, max: ivs }).map((i) => `iv-${i}`);
  const person = fc.constantFrom(...PEOPLE);
  return fc.oneof(
    fc
      .tuple(iv, person, fc.constantFrom('before', 'after') as fc.Arbitrary<'before' | 'after'>)
      .map(([a, b, c]) => collectContactKey(a, b, c)),
    iv.map(debriefKey),
    fc.tuple(iv, person).map(([a, b]) => thankYouKey(a, b)),
    fc.tuple(opp, iv).map(([o, v]) => checkInKey(o, `after-${v}`)),
    fc.tuple(opp, fc.integer({ min: 0, max: 9 })).map(([o, m]) => checkInKey(o, `m-${m}`)),
    opp.map(goneQuietKey),
    fc.tuple(opp, fc.option(person, { nil: null })).map(([o, p]) => thanksForConsiderationKey(o, p)),
    opp.map(reconnectKey),
  );
};

const messageArb = (i: number, opps: number, ivs: number) =>
  fc
    .record({
      kind: fc.constantFrom('thank-you', 'check-in', 'thanks-for-consideration', 'reconnect', 'other'),
      inbound: fc.boolean(),
      status: fc.constantFrom('draft', 'scheduled', 'sent', 'failed', 'uncertain'),
      // How the message is tied to the hunt: by opportunity, by interview, by contact only.
      tie: fc.oneof(
        fc.integer({ min: 0, max: opps - 1 }).map((o) => ({ opportunityId: `opp-${o}`, interviewId: null })),
        fc.integer({ min: 0, max: ivs }).map((v) => ({ opportunityId: null, interviewId: `iv-${v}` })),
        fc.constant({ opportunityId: null, interviewId: null }),
      ),
      to: fc.subarray(PEOPLE, { minLength: 1, maxLength: 2 }),
      key: fc.option(keyArb(opps, ivs), { nil: null }),
      minute: minuteArb,
      scheduled: fc.boolean(),
    })
    .map(
      (r): Message =>
        buildMessage({
          id: `m-${i}`,
          kind: r.inbound ? 'reply' : (r.kind as Message['kind']),
          direction: r.inbound ? 'in' : 'out',
          status: r.inbound ? 'sent' : (r.status as Message['status']),
          ...r.tie,
          contactIds: r.to,
          actionKey: r.inbound ? null : r.key,
          sentAt: r.scheduled ? null : isoAt(r.minute),
          sendAt: r.scheduled ? isoAt(r.minute) : null,
          createdAt: isoAt(r.minute),
        }),
    );

const decisionArb = (opps: number, ivs: number) =>
  fc
    .record({
      key: keyArb(opps, ivs),
      decision: fc.constantFrom('done', 'dismissed', 'snoozed') as fc.Arbitrary<ActionDecision['decision']>,
      decided: minuteArb,
      until: fc.option(minuteArb, { nil: null }),
    })
    .map((d) => buildDecision(d.key, d.decision, isoAt(d.decided), d.until === null ? null : isoAt(d.until)));

const huntArb = fc
  .record({ opps: fc.integer({ min: 2, max: 5 }), ivs: fc.integer({ min: 1, max: 7 }) })
  .chain(({ opps, ivs }) =>
    fc.record({
      opportunities: fc.tuple(...Array.from({ length: opps }, (_, i) => oppArb(i))),
      interviews: fc.tuple(...Array.from({ length: ivs }, (_, i) => interviewArb(i, opps))),
      messages: fc
        .integer({ min: 0, max: 12 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => messageArb(i, opps, ivs)))),
      decisions: fc.array(decisionArb(opps, ivs), { maxLength: 8 }),
      debriefed: fc.subarray(Array.from({ length: ivs }, (_, i) => `iv-${i}`)),
      emails: fc.subarray(PEOPLE),
      zone: fc.constantFrom(...ZONES),
      holidays: fc
        .uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 20 })
        .map((days) => days.map((d) => Temporal.PlainDate.from('2026-01-01').add({ days: d }).toString())),
      playbook: fc
        .record({
          maxCheckIns: fc.integer({ min: 1, max: 3 }),
          includeInterviewers: fc.boolean(),
          preset: fc.constantFrom('hours', 'same-day') as fc.Arbitrary<'hours' | 'same-day'>,
        })
        .map((p) =>
          parsePlaybook({
            checkIn: { maxCheckIns: p.maxCheckIns },
            thanksForConsideration: { includeInterviewers: p.includeInterviewers },
            thankYou: { preset: p.preset },
          }),
        ),
      nows: fc.array(minuteArb, { minLength: 1, maxLength: 4 }),
    }),
  )
  .map((h) => ({
    ...h,
    nows: h.nows.map((m) => Temporal.Instant.from(isoAt(m))),
    snapshot: buildSnapshot({
      account: { timeZone: h.zone, holidayRegion: null },
      holidays: h.holidays,
      contacts: PEOPLE.map((id, i) =>
        buildContact({
          id,
          displayName: `Person ${i}`,
          emails: h.emails.includes(id) ? [`${id}@x.example`] : [],
        }),
      ),
      opportunities: h.opportunities,
      interviews: h.interviews,
      messages: h.messages,
      decisions: h.decisions,
    }),
  }))
  .map((h) => ({
    ...h,
    // The planner reads only which interviews have a debrief.
    snapshot: {
      ...h.snapshot,
      debriefs: h.debriefed.map((interviewId) => ({ interviewId })),
    } satisfies PlanSnapshot,
  }));

describe('planning by opportunity', () => {
  it('the plan of an account is the merge of the plans of its opportunities', () => {
    fc.assert(
      fc.property(huntArb, ({ snapshot, playbook, nows }) => {
        const slices = slicesOf(snapshot);
        for (const now of nows) {
          expect(mergePlans(slices.map((s) => planOpportunity(s, playbook, now)))).toEqual(
            plan(snapshot, playbook, now),
          );
          expect(mergePlans(slices.map((s) => planOpportunityAll(s, playbook, now)))).toEqual(
            planAll(snapshot, playbook, now),
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('generated accounts do share people and do yield actions (the property is not vacuous)', () => {
    let shared = 0;
    let open = 0;
    fc.assert(
      fc.property(huntArb, ({ snapshot, playbook, nows }) => {
        const byPerson = new Map<string, Set<string>>();
        for (const iv of snapshot.interviews)
          for (const p of iv.participants)
            byPerson.set(p.contactId, (byPerson.get(p.contactId) ?? new Set()).add(iv.opportunityId));
        if ([...byPerson.values()].some((s) => s.size > 1)) shared++;
        for (const now of nows) open += plan(snapshot, playbook, now).length;
      }),
      { numRuns: 100 },
    );
    expect(shared).toBeGreaterThan(30);
    expect(open).toBeGreaterThan(100);
  });

  it('a slice wakes no later than the first moment it has an open action', () => {
    fc.assert(
      fc.property(huntArb, ({ snapshot, playbook, nows }) => {
        for (const slice of slicesOf(snapshot)) {
          const wake = wakeAt(slice, playbook);
          // Probe the generated moments and every change point (interview starts, snooze ends).
          const probes = [
            ...nows.map((n) => n.epochMilliseconds),
            ...slice.interviews.map((iv) => Date.parse(iv.start)),
            ...slice.decisions.flatMap((d) => (d.until ? [Date.parse(d.until)] : [])),
          ];
          for (const t of probes) {
            const open = planOpportunity(slice, playbook, Temporal.Instant.fromEpochMilliseconds(t));
            if (open.length > 0) {
              expect(wake).not.toBeNull();
              expect(wake ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(t);
            }
          }
          if (wake !== null && Number.isFinite(wake)) {
            const at = Temporal.Instant.fromEpochMilliseconds(wake);
            expect(planOpportunity(slice, playbook, at).length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
