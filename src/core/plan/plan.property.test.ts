/**
 * Properties of the planner over generated job hunts (fast-check): the playbook's promises hold
 * for any interviews, messages, zones, holidays and playbook numbers, not only for hand-picked ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, localDate } from '../business-days';
import { parsePlaybook } from '../playbook-schema';
import { Temporal } from '../time';
import { type DecisionKind, type Interview, type Message, type Snapshot, STAGES } from '../types';
import {
  buildContact,
  buildDecision,
  buildInterview,
  buildMessage,
  buildOpportunity,
  buildSnapshot,
} from './fixtures';
import { checkInAnchorOf, goneQuietKey, thankYouKey } from './keys';
import { type PlannedAction, plan, planAll } from './plan';

const OPP = 'opp-1';
const RECRUITER = 'c-rec';
const PEOPLE = ['c-1', 'c-2', 'c-3', 'c-4'];
const ZONES = [
  'America/Los_Angeles',
  'Europe/Berlin',
  'Asia/Tokyo',
  'UTC',
  'Australia/Sydney',
  'Asia/Kolkata',
];
const BASE_MS = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;

const at = (iso: string) => Temporal.Instant.from(iso);
const isoAt = (minutes: number) => new Date(BASE_MS + minutes * MINUTE).toISOString().replace('.000Z', 'Z');
const cmpDate = Temporal.PlainDate.compare;
const timeOf = (m: Message) => at(m.sentAt ?? m.sendAt ?? m.createdAt);
const SENT = new Set(['scheduled', 'sending', 'sent', 'uncertain']);
const isSentOut = (m: Message) => m.direction === 'out' && SENT.has(m.status);

// Two years of minutes.
const minuteArb = fc.integer({ min: 0, max: 2 * 365 * 24 * 60 });

const interviewArb = (i: number) =>
  fc
    .record({
      startMin: minuteArb,
      lengthMin: fc.integer({ min: 20, max: 240 }),
      interviewers: fc.subarray(PEOPLE, { minLength: 1 }),
      cancelled: fc.boolean().map((b) => b && i > 0), // keep the first one, so a check-in exists
    })
    .map(
      (r): Interview =>
        buildInterview({
          id: `iv-${i}`,
          opportunityId: OPP,
          start: isoAt(r.startMin),
          end: isoAt(r.startMin + r.lengthMin),
          status: r.cancelled ? 'cancelled' : 'scheduled',
          participants: r.interviewers.map((contactId) => ({ contactId, role: 'interviewer' as const })),
        }),
    );

const messageArb = (i: number) =>
  fc
    .record({
      kind: fc.constantFrom('thank-you', 'check-in', 'other', 'reply') as fc.Arbitrary<Message['kind']>,
      inbound: fc.boolean(),
      status: fc.constantFrom('draft', 'scheduled', 'sending', 'sent', 'failed', 'uncertain') as fc.Arbitrary<
        Message['status']
      >,
      to: fc.subarray([RECRUITER, ...PEOPLE], { minLength: 1 }),
      minute: minuteArb,
    })
    .map(
      (r): Message =>
        buildMessage({
          id: `m-${i}`,
          kind: r.inbound ? 'reply' : r.kind,
          direction: r.inbound ? 'in' : 'out',
          status: r.inbound ? 'sent' : r.status,
          opportunityId: OPP,
          contactIds: r.to,
          sentAt: isoAt(r.minute),
        }),
    );

const holidaysArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 2 * 366 }), { maxLength: 30 })
  .map((days) => days.map((d) => Temporal.PlainDate.from('2026-01-01').add({ days: d }).toString()));

const playbookArb = fc
  .record({
    minGap: fc.integer({ min: 0, max: 10 }),
    checkInAfter: fc.integer({ min: 0, max: 10 }),
    afterDecisionBusinessDays: fc.integer({ min: 0, max: 5 }),
    maxCheckIns: fc.integer({ min: 1, max: 4 }),
    workdayStart: fc.constantFrom('08:00', '09:00', '09:30'),
    workdayEnd: fc.constantFrom('17:00', '18:00'),
  })
  .map(({ workdayStart, workdayEnd, ...checkIn }) => parsePlaybook({ workdayStart, workdayEnd, checkIn }));

const huntArb = fc
  .record({
    interviews: fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => interviewArb(i)))),
    messages: fc
      .integer({ min: 0, max: 8 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => messageArb(i)))),
    decisionBy: fc.option(
      minuteArb.map((m) => isoAt(m).slice(0, 10)),
      { nil: null },
    ),
    stage: fc.constantFrom('applied', 'interviewing', 'waiting') as fc.Arbitrary<
      'applied' | 'interviewing' | 'waiting'
    >,
    zone: fc.constantFrom(...ZONES),
    holidays: holidaysArb,
    playbook: playbookArb,
    nowMin: minuteArb,
  })
  .map((h) => ({
    ...h,
    now: at(isoAt(h.nowMin)),
    snapshot: buildSnapshot({
      account: { timeZone: h.zone, holidayRegion: null },
      holidays: h.holidays,
      contacts: [
        buildContact({ id: RECRUITER, displayName: 'Rae Recruiter', emails: ['rae@example.com'] }),
        ...PEOPLE.map((id, i) =>
          buildContact({ id, displayName: `Person ${i}`, emails: i % 2 ? [`${id}@x.example`] : [] }),
        ),
      ],
      opportunities: [
        buildOpportunity({ id: OPP, recruiterId: RECRUITER, stage: h.stage, decisionBy: h.decisionBy }),
      ],
      interviews: h.interviews,
      messages: h.messages,
    }),
  }));

const checkInDay = (a: PlannedAction, zone: string) => localDate(at(a.start), zone);
const latestEvent = (s: Snapshot): Temporal.Instant =>
  [...s.interviews.map((iv) => at(iv.end)), ...s.messages.map(timeOf)].reduce((a, b) =>
    Temporal.Instant.compare(a, b) >= 0 ? a : b,
  );

describe('planner properties', () => {
  it('one thank-you per interviewer of each interview, open until a note is sent and never after', () => {
    fc.assert(
      fc.property(huntArb, ({ snapshot, playbook, now }) => {
        const all = planAll(snapshot, playbook, now);
        const open = new Set(plan(snapshot, playbook, now).map((a) => a.key));
        const expected = new Set<string>();
        for (const iv of snapshot.interviews) {
          if (iv.status === 'cancelled') continue;
          for (const p of iv.participants) {
            const key = thankYouKey(iv.id, p.contactId);
            expected.add(key);
            const matches = all.filter((a) => a.key === key);
            expect(matches).toHaveLength(1);
            const wasSent = snapshot.messages.some(
              (m) =>
                isSentOut(m) &&
                m.kind === 'thank-you' &&
                m.contactIds.includes(p.contactId) &&
                Temporal.Instant.compare(timeOf(m), at(iv.start)) >= 0,
            );
            expect(matches[0]?.state).toBe(wasSent ? 'fulfilled' : 'open');
            expect(open.has(key)).toBe(!wasSent);
          }
        }
        expect(new Set(all.filter((a) => a.rule === 'thank-you').map((a) => a.key))).toEqual(expected);
      }),
    );
  });

  it('never proposes a check-in closer than minGap business days to an earlier message', () => {
    fc.assert(
      fc.property(huntArb, ({ snapshot, playbook, now }) => {
        const zone = snapshot.account.timeZone;
        const hol = new Set(snapshot.holidays);
        const outbound = snapshot.messages.filter(isSentOut);
        for (const a of planAll(snapshot, playbook, now).filter((x) => x.rule === 'check-in')) {
          // A past check-in only had to respect the messages before the one that fulfilled it.
          const cutoff = a.fulfilledBy
            ? timeOf(snapshot.messages.find((m) => m.id === a.fulfilledBy) as Message)
            : null;
          for (const m of outbound) {
            if (cutoff && Temporal.Instant.compare(timeOf(m), cutoff) >= 0) continue;
            const earliest = addBusinessDays(localDate(timeOf(m), zone), playbook.checkIn.minGap, hol);
            expect(cmpDate(checkInDay(a, zone), earliest)).toBeGreaterThanOrEqual(0);
          }
        }
      }),
    );
  });

  it('never proposes a check-in before the decision date they gave', () => {
    fc.assert(
      fc.property(huntArb, ({ snapshot, playbook, now }) => {
        const decisionBy = snapshot.opportunities[0]?.decisionBy;
        fc.pre(decisionBy != null);
        for (const a of planAll(snapshot, playbook, now).filter((x) => x.rule === 'check-in')) {
          const day = checkInDay(a, snapshot.account.timeZone);
          const rel = cmpDate(day, Temporal.PlainDate.from(decisionBy as string));
          expect(rel).toBeGreaterThanOrEqual(0);
          if (playbook.checkIn.afterDecisionBusinessDays > 0) expect(rel).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('a reply resets the check-in clock and the unanswered count', () => {
    fc.assert(
      fc.property(huntArb, fc.integer({ min: 1, max: 20 * 24 * 60 }), ({ snapshot, playbook }, delay) => {
        const replyAt = latestEvent(snapshot).add({ minutes: delay });
        const withReply: Snapshot = {
          ...snapshot,
          opportunities: snapshot.opportunities.map((o) => ({ ...o, decisionBy: null })),
          messages: [
            ...snapshot.messages,
            buildMessage({
              id: 'the-reply',
              kind: 'reply',
              direction: 'in',
              opportunityId: OPP,
              contactIds: [RECRUITER],
              sentAt: replyAt.toString(),
            }),
          ],
        };
        const open = plan(withReply, playbook, replyAt).filter((a) => a.rule === 'check-in');
        expect(open).toHaveLength(1);
        const a = open[0] as PlannedAction;
        expect(a.key).not.toBe(goneQuietKey(OPP));
        expect(checkInAnchorOf(a.key)).toBe('the-reply');
        expect(a.title).not.toMatch(/again/);
        const zone = withReply.account.timeZone;
        const fromReply = addBusinessDays(
          localDate(replyAt, zone),
          playbook.checkIn.checkInAfter,
          new Set(withReply.holidays),
        );
        expect(cmpDate(localDate(at(a.start), zone), fromReply)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('keeps duration-based instants where they are when the account zone changes', () => {
    fc.assert(
      fc.property(huntArb, fc.constantFrom(...ZONES), ({ snapshot, playbook, now }, otherZone) => {
        const pick = (actions: PlannedAction[]) =>
          new Map(
            actions
              .filter((a) => a.rule === 'debrief' || a.rule === 'thank-you' || a.rule === 'collect-contact')
              .map((a) => [a.key, `${a.start} ${a.due} ${a.state}`]),
          );
        const moved = { ...snapshot, account: { ...snapshot.account, timeZone: otherZone } };
        expect(pick(planAll(moved, playbook, now))).toEqual(pick(planAll(snapshot, playbook, now)));
      }),
    );
  });

  it('plan is the open part of planAll, sorted by due then key, with check-ins inside working hours', () => {
    fc.assert(
      fc.property(huntArb, ({ snapshot, playbook, now }) => {
        const all = planAll(snapshot, playbook, now);
        const open = plan(snapshot, playbook, now);
        expect(open.map((a) => a.key)).toEqual(all.filter((a) => a.state === 'open').map((a) => a.key));
        const sorted = [...all].sort(
          (a, b) => Temporal.Instant.compare(at(a.due), at(b.due)) || (a.key < b.key ? -1 : 1),
        );
        expect(sorted.map((a) => a.key)).toEqual(all.map((a) => a.key));
        expect(new Set(all.map((a) => a.key)).size).toBe(all.length);
        for (const a of all.filter((x) => x.rule === 'check-in')) {
          const local = at(a.start).toZonedDateTimeISO(snapshot.account.timeZone);
          expect(local.toPlainTime().toString({ smallestUnit: 'minute' })).toBe(playbook.workdayStart);
          expect(snapshot.holidays).not.toContain(local.toPlainDate().toString());
          expect(local.dayOfWeek).toBeLessThanOrEqual(5);
        }
      }),
    );
  });

  it('plan equals the open part of planAll in every stage, decisions included', () => {
    fc.assert(
      fc.property(
        huntArb,
        fc.constantFrom(...STAGES),
        fc.array(
          fc.tuple(
            fc.nat(40),
            fc.constantFrom('done', 'dismissed', 'snoozed') as fc.Arbitrary<DecisionKind>,
            minuteArb,
          ),
          {
            maxLength: 6,
          },
        ),
        ({ snapshot, playbook, now }, stage, picks) => {
          const s0: Snapshot = {
            ...snapshot,
            opportunities: snapshot.opportunities.map((o) => ({
              ...o,
              stage,
              stageChangedAt: now.toString(),
            })),
          };
          // Decide about some of the actions the plan proposes, at random moments.
          const keys = planAll(s0, playbook, now).map((a) => a.key);
          const decisions = picks.flatMap(([i, kind, minute]) => {
            const key = keys[i % Math.max(keys.length, 1)];
            return key
              ? [buildDecision(key, kind, isoAt(minute), kind === 'snoozed' ? isoAt(minute + 3000) : null)]
              : [];
          });
          const s1 = { ...s0, decisions };
          const open = planAll(s1, playbook, now)
            .filter((a) => a.state === 'open')
            .map(({ state: _s, fulfilledBy: _f, ...a }) => a);
          expect(plan(s1, playbook, now)).toEqual(open);
        },
      ),
    );
  });
});
