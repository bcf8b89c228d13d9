import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../playbook';
import { parsePlaybook } from '../../playbook-schema';
import { Temporal } from '../../time';
import type { Message, Opportunity, Snapshot } from '../../types';
import {
  ACME,
  acmeInterview,
  acmeSnapshot,
  buildDecision,
  buildMessage,
  buildOpportunity,
} from '../fixtures';
import { checkInKey, goneQuietKey } from '../keys';
import { type PlannedAction, plan, planAll } from '../plan';

const at = (iso: string) => Temporal.Instant.from(iso);
const AFTER_KEY = checkInKey(ACME.opp, `after-${ACME.interview}`);
const NOW = at('2026-12-01T20:00:00Z');

const checkIns = (s: Snapshot, now = NOW, playbook = DEFAULT_PLAYBOOK): PlannedAction[] =>
  planAll(s, playbook, now).filter((a) => a.rule === 'check-in');
const openCheckIn = (s: Snapshot, now = NOW, playbook = DEFAULT_PLAYBOOK) => {
  const open = plan(s, playbook, now).filter((a) => a.rule === 'check-in');
  expect(open.length).toBeLessThanOrEqual(1);
  return open[0];
};
const opp = (overrides: Partial<Opportunity>) => [
  buildOpportunity({ id: ACME.opp, recruiterId: ACME.recruiter, ...overrides }),
];
const sent = (id: string, kind: Message['kind'], sentAt: string, extra: Partial<Message> = {}): Message =>
  buildMessage({ id, kind, sentAt, opportunityId: ACME.opp, contactIds: [ACME.recruiter], ...extra });
const reply = (id: string, sentAt: string, extra: Partial<Message> = {}): Message =>
  sent(id, 'reply', sentAt, { direction: 'in', ...extra });

describe('check-in timing', () => {
  it('without a decision date: 5 business days after the last interview, 09:00-17:00 local', () => {
    const a = openCheckIn(acmeSnapshot());
    expect(a).toMatchObject({
      key: AFTER_KEY,
      start: '2026-12-08T17:00:00Z', // Tue Dec 8, 09:00 PST
      due: '2026-12-09T01:00:00Z', // 17:00 PST
      urgency: 'upcoming',
      contactId: ACME.recruiter,
      opportunityId: ACME.opp,
      interviewId: null,
      title: 'Check in with Sam Lee at Acme about next steps for Staff Engineer',
      reason: 'No decision date given: check in 5 business days after the last interview (rule check-in)',
    });
  });

  it('with a decision date: 1 business day after it', () => {
    const a = openCheckIn(acmeSnapshot({ opportunities: opp({ decisionBy: '2026-12-04' }) }));
    expect(a?.start).toBe('2026-12-07T17:00:00Z'); // Fri Dec 4 → Mon Dec 7
    expect(a?.reason).toBe(
      'They said they would decide by 2026-12-04: check in 1 business day after that, not before (rule check-in)',
    );
    // Carried apart so each front end writes it in its own date format (core/plan/reason.ts).
    expect(a?.reasonDate).toBe('2026-12-04');
  });

  it('ignores a decision date that had already passed at the last interview', () => {
    expect(openCheckIn(acmeSnapshot({ opportunities: opp({ decisionBy: '2026-11-20' }) }))?.start).toBe(
      '2026-12-08T17:00:00Z',
    );
  });

  it('never sooner than minGap business days after your last message, thank-yous included', () => {
    const s = acmeSnapshot({
      opportunities: opp({ decisionBy: '2026-12-04' }),
      messages: [sent('ty', 'thank-you', '2026-12-02T17:00:00Z', { contactIds: [ACME.priya] })], // Wed
    });
    const a = openCheckIn(s);
    expect(a?.key).toBe(AFTER_KEY); // a thank-you does not change the key
    expect(a?.start).toBe('2026-12-09T17:00:00Z'); // Wed Dec 9
    expect(a?.reason).toBe(
      'Respect their timeline: not sooner than 5 business days after your last message to Acme (rule check-in)',
    );
  });

  it('counts from the last non-cancelled interview', () => {
    const s = acmeSnapshot({
      interviews: [
        acmeInterview(),
        acmeInterview({ id: 'iv-2', start: '2026-12-08T18:00:00Z', end: '2026-12-08T19:00:00Z' }),
        acmeInterview({
          id: 'iv-3',
          start: '2026-12-10T18:00:00Z',
          end: '2026-12-10T19:00:00Z',
          status: 'cancelled',
        }),
      ],
    });
    expect(openCheckIn(s)).toMatchObject({
      key: checkInKey(ACME.opp, 'after-iv-2'),
      start: '2026-12-15T17:00:00Z',
    });
  });

  it('skips Thanksgiving', () => {
    const s = acmeSnapshot({
      interviews: [acmeInterview({ start: '2026-11-20T18:00:00Z', end: '2026-11-20T19:00:00Z' })], // Fri
    });
    expect(openCheckIn(s, at('2026-11-20T20:00:00Z'))?.start).toBe('2026-11-30T17:00:00Z'); // Mon, not Fri 27th
    expect(openCheckIn({ ...s, holidays: [] }, at('2026-11-20T20:00:00Z'))?.start).toBe(
      '2026-11-27T17:00:00Z',
    );
  });

  it('treats Christmas Eve as a working day and skips Christmas', () => {
    const on = (decisionBy: string) =>
      openCheckIn(acmeSnapshot({ opportunities: opp({ decisionBy }) }))?.start;
    expect(on('2026-12-23')).toBe('2026-12-24T17:00:00Z');
    expect(on('2026-12-24')).toBe('2026-12-28T17:00:00Z');
  });

  it('keeps 09:00 local across the end of DST in Los Angeles', () => {
    const s = acmeSnapshot({
      interviews: [acmeInterview({ start: '2026-10-28T17:00:00Z', end: '2026-10-28T18:00:00Z' })], // Wed, PDT
    });
    // Wed Oct 28 + 5 business days = Wed Nov 4, after the switch to PST on Nov 1.
    expect(openCheckIn(s, at('2026-10-28T19:00:00Z'))).toMatchObject({
      start: '2026-11-04T17:00:00Z',
      due: '2026-11-05T01:00:00Z',
    });
  });

  it('keeps 09:00 local across DST changes in Berlin, both ways', () => {
    const berlin = (start: string, end: string) =>
      acmeSnapshot({
        account: { timeZone: 'Europe/Berlin', holidayRegion: 'DE' },
        holidays: [],
        interviews: [acmeInterview({ start, end, timeZone: 'Europe/Berlin' })],
      });
    // Wed 2026-03-25 (CET) + 5 = Wed Apr 1 (CEST, from Mar 29): 09:00 CEST = 07:00Z.
    expect(
      openCheckIn(berlin('2026-03-25T09:00:00Z', '2026-03-25T10:00:00Z'), at('2026-03-25T11:00:00Z')),
    ).toMatchObject({ start: '2026-04-01T07:00:00Z', due: '2026-04-01T15:00:00Z' });
    // Wed 2026-10-21 (CEST) + 5 = Wed Oct 28 (CET, from Oct 25): 09:00 CET = 08:00Z.
    expect(
      openCheckIn(berlin('2026-10-21T09:00:00Z', '2026-10-21T10:00:00Z'), at('2026-10-21T11:00:00Z'))?.start,
    ).toBe('2026-10-28T08:00:00Z');
  });

  it("counts business days from the interview's date in the user's zone", () => {
    // Ends Tue Dec 1 at 23:00 PST, which is already Wednesday in Berlin.
    const late = (timeZone: string) =>
      acmeSnapshot({
        account: { timeZone, holidayRegion: null },
        interviews: [acmeInterview({ start: '2026-12-02T06:00:00Z', end: '2026-12-02T07:00:00Z' })],
      });
    expect(openCheckIn(late('America/Los_Angeles'))?.start).toBe('2026-12-08T17:00:00Z'); // Tue Dec 8
    expect(openCheckIn(late('Europe/Berlin'))?.start).toBe('2026-12-09T08:00:00Z'); // Wed Dec 9, 09:00 CET
  });
});

describe('check-in chain', () => {
  const first = sent('ci-1', 'check-in', '2026-12-08T18:00:00Z', { actionKey: AFTER_KEY }); // Tue Dec 8

  it('after a check-in: the next one is minGap business days later, and the first stays as fulfilled', () => {
    const all = checkIns(acmeSnapshot({ messages: [first] }), at('2026-12-08T19:00:00Z'));
    expect(all.find((a) => a.key === AFTER_KEY)).toMatchObject({
      state: 'fulfilled',
      fulfilledBy: 'ci-1',
      due: '2026-12-09T01:00:00Z', // the due time it had when it was sent
    });
    const next = all.find((a) => a.state === 'open');
    expect(next).toMatchObject({
      key: checkInKey(ACME.opp, 'ci-1'),
      start: '2026-12-15T17:00:00Z',
      title: 'Check in again with Sam Lee at Acme about Staff Engineer (1 check-in unanswered so far)',
    });
  });

  it('a reply resets the clock: counted from the reply, unanswered back to zero', () => {
    const s = acmeSnapshot({ messages: [first, reply('r-1', '2026-12-09T18:00:00Z')] }); // Wed Dec 9
    const a = openCheckIn(s, at('2026-12-09T19:00:00Z'));
    expect(a).toMatchObject({
      key: checkInKey(ACME.opp, 'r-1'),
      start: '2026-12-16T17:00:00Z', // Wed Dec 16
      title: 'Check in with Sam Lee at Acme about next steps for Staff Engineer',
      reason: 'Check in 5 business days after their last reply if nothing has moved (rule check-in)',
    });
  });

  it('a reply recorded from the recruiter without an opportunity still counts', () => {
    const s = acmeSnapshot({
      messages: [first, reply('r-2', '2026-12-09T18:00:00Z', { opportunityId: null })],
    });
    expect(openCheckIn(s)?.key).toBe(checkInKey(ACME.opp, 'r-2'));
  });

  it('after maxCheckIns unanswered check-ins: a gone-quiet suggestion instead of a fourth check-in', () => {
    const s = acmeSnapshot({
      messages: [
        first,
        sent('ci-2', 'check-in', '2026-12-15T18:00:00Z'),
        sent('ci-3', 'check-in', '2026-12-22T18:00:00Z'),
      ],
    });
    const now = at('2026-12-22T19:00:00Z');
    const open = plan(s, DEFAULT_PLAYBOOK, now).filter((a) => a.rule === 'check-in');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      key: goneQuietKey(ACME.opp),
      start: '2026-12-30T17:00:00Z', // Dec 22 + 5 business days, skipping Christmas
      title: 'Acme has not answered 3 check-ins: mark Staff Engineer as gone quiet',
    });
    expect(
      checkIns(s, now)
        .filter((a) => a.state === 'fulfilled')
        .map((a) => a.fulfilledBy),
    ).toEqual(['ci-1', 'ci-2', 'ci-3']);
    // A reply brings the check-ins back.
    const answered = { ...s, messages: [...s.messages, reply('r-3', '2027-01-04T18:00:00Z')] };
    expect(openCheckIn(answered, at('2027-01-04T19:00:00Z'))?.key).toBe(checkInKey(ACME.opp, 'r-3'));
  });

  it('counts a check-in marked done as one made outside Afterview', () => {
    const s = acmeSnapshot({ decisions: [buildDecision(AFTER_KEY, 'done', '2026-12-08T20:00:00Z')] });
    const all = checkIns(s, at('2026-12-08T21:00:00Z'));
    expect(all.find((a) => a.key === AFTER_KEY)?.state).toBe('done');
    expect(all.find((a) => a.state === 'open')).toMatchObject({
      key: `${AFTER_KEY}.2`,
      start: '2026-12-15T17:00:00Z',
    });
    const three = acmeSnapshot({
      decisions: [
        buildDecision(AFTER_KEY, 'done', '2026-12-08T20:00:00Z'),
        buildDecision(`${AFTER_KEY}.2`, 'done', '2026-12-15T20:00:00Z'),
        buildDecision(`${AFTER_KEY}.3`, 'done', '2026-12-22T20:00:00Z'),
      ],
    });
    expect(openCheckIn(three, at('2026-12-22T21:00:00Z'))?.key).toBe(goneQuietKey(ACME.opp));
  });

  it('counts a check-in sent through Afterview and also marked done once', () => {
    const s = acmeSnapshot({
      messages: [first],
      decisions: [buildDecision(AFTER_KEY, 'done', '2026-12-08T18:30:00Z')],
    });
    expect(openCheckIn(s)?.title).toMatch(/\(1 check-in unanswered so far\)$/);
  });

  it('a snooze on the check-in survives a thank-you being recorded', () => {
    const snooze = buildDecision(AFTER_KEY, 'snoozed', '2026-12-08T17:30:00Z', '2026-12-10T17:00:00Z');
    const s = acmeSnapshot({
      decisions: [snooze],
      messages: [sent('ty', 'thank-you', '2026-12-01T22:00:00Z', { contactIds: [ACME.priya] })],
    });
    const now = at('2026-12-08T18:00:00Z');
    expect(checkIns(s, now)).toMatchObject([{ key: AFTER_KEY, state: 'snoozed' }]);
    expect(openCheckIn(s, at('2026-12-10T17:00:00Z'))?.key).toBe(AFTER_KEY);
  });

  it('a dismissed check-in stays dismissed until something new happens', () => {
    const s = acmeSnapshot({ decisions: [buildDecision(AFTER_KEY, 'dismissed', '2026-12-08T17:30:00Z')] });
    expect(openCheckIn(s)).toBeUndefined();
    const withReply = { ...s, messages: [reply('r-4', '2026-12-09T18:00:00Z')] };
    expect(openCheckIn(withReply)?.key).toBe(checkInKey(ACME.opp, 'r-4'));
  });
});

describe('check-in scope', () => {
  it('only for applied, interviewing and waiting opportunities with a non-cancelled interview', () => {
    for (const stage of ['applied', 'interviewing', 'waiting'] as const) {
      expect(openCheckIn(acmeSnapshot({ opportunities: opp({ stage }) }))).toBeDefined();
    }
    for (const stage of ['offer', 'accepted', 'rejected', 'withdrawn', 'gone-quiet'] as const) {
      expect(openCheckIn(acmeSnapshot({ opportunities: opp({ stage }) }))).toBeUndefined();
    }
    expect(openCheckIn(acmeSnapshot({ interviews: [] }))).toBeUndefined();
    expect(
      openCheckIn(acmeSnapshot({ interviews: [acmeInterview({ status: 'cancelled' })] })),
    ).toBeUndefined();
    expect(openCheckIn(acmeSnapshot(), NOW, parsePlaybook({ checkIn: { enabled: false } }))).toBeUndefined();
  });

  it('keeps past check-ins of a closed opportunity for the history', () => {
    const s = acmeSnapshot({
      opportunities: opp({ stage: 'rejected', stageChangedAt: '2026-12-10T00:00:00Z' }),
      messages: [sent('ci-1', 'check-in', '2026-12-08T18:00:00Z', { actionKey: AFTER_KEY })],
    });
    expect(checkIns(s, at('2026-12-10T01:00:00Z'))).toMatchObject([{ key: AFTER_KEY, state: 'fulfilled' }]);
  });

  it('leaves the role out of the title when none was given (an import stores a placeholder)', () => {
    for (const role of ['Role not given', '  ']) {
      const a = openCheckIn(acmeSnapshot({ opportunities: opp({ role }) }));
      expect(a).toMatchObject({ title: 'Check in with Sam Lee at Acme about next steps' });
    }
  });

  it('addresses the company when there is no recruiter', () => {
    const a = openCheckIn(acmeSnapshot({ opportunities: opp({ recruiterId: null }) }));
    expect(a).toMatchObject({
      contactId: null,
      title: 'Check in with Acme about next steps for Staff Engineer',
    });
  });
});
