import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK, type Playbook } from '../playbook';
import { parsePlaybook } from '../playbook-schema';
import { Temporal } from '../time';
import type { Snapshot } from '../types';
import {
  ACME,
  acmeInterview,
  acmeSnapshot,
  buildContact,
  buildDecision,
  buildInterview,
  buildMessage,
  buildOpportunity,
} from './fixtures';
import { collectContactKey, debriefKey, reconnectKey, thanksForConsiderationKey, thankYouKey } from './keys';
import { type PlannedAction, plan, planAll, urgencyAt } from './plan';

const at = (iso: string) => Temporal.Instant.from(iso);
const byKey = (actions: PlannedAction[], key: string) => actions.find((a) => a.key === key);
const keysOf = (actions: { key: string }[]) => actions.map((a) => a.key);
const withPlaybook = (overrides: unknown): Playbook => parsePlaybook(overrides);

const AFTER = '2026-12-01T20:00:00Z'; // an hour after the interview ends
const TY_PRIYA = thankYouKey(ACME.interview, ACME.priya);
const TY_JOSE = thankYouKey(ACME.interview, ACME.jose);

describe('urgencyAt', () => {
  it('is upcoming before start, due from start through due, overdue after', () => {
    const s = at('2026-12-01T10:00:00Z');
    const d = at('2026-12-01T12:00:00Z');
    expect(urgencyAt(s, d, at('2026-12-01T09:59:59Z'))).toBe('upcoming');
    expect(urgencyAt(s, d, s)).toBe('due');
    expect(urgencyAt(s, d, d)).toBe('due');
    expect(urgencyAt(s, d, at('2026-12-01T12:00:01Z'))).toBe('overdue');
  });
});

describe('collect-contact', () => {
  it('before the interview: asks for the missing address, due when it starts', () => {
    const now = at('2026-11-30T12:00:00Z');
    const all = planAll(acmeSnapshot(), DEFAULT_PLAYBOOK, now);
    const jose = byKey(all, collectContactKey(ACME.interview, ACME.jose, 'before'));
    expect(jose).toMatchObject({
      rule: 'collect-contact',
      state: 'open',
      start: '2026-11-25T00:00:00Z',
      due: ACME.start,
      urgency: 'due',
      contactId: ACME.jose,
      interviewId: ACME.interview,
      opportunityId: ACME.opp,
    });
    expect(jose?.title).toBe(
      "Get José Ñúñez-O'Brien's email address before your Acme interview (System design) (ask the recruiter for the schedule)",
    );
    expect(jose?.reason).toMatch(/\(rule collect-contact\)$/);
    // Priya's address came with the invite: already done, not asked for.
    expect(byKey(all, collectContactKey(ACME.interview, ACME.priya, 'before'))?.state).toBe('fulfilled');
    expect(keysOf(plan(acmeSnapshot(), DEFAULT_PLAYBOOK, now))).not.toContain(
      collectContactKey(ACME.interview, ACME.priya, 'before'),
    );
    // The recruiter is a coordinator, not an interviewer.
    expect(all.some((a) => a.rule === 'collect-contact' && a.contactId === ACME.recruiter)).toBe(false);
  });

  it('once the interview has started: asks again, due afterWithinHours after the end', () => {
    const actions = plan(acmeSnapshot(), DEFAULT_PLAYBOOK, at(AFTER));
    expect(keysOf(actions)).not.toContain(collectContactKey(ACME.interview, ACME.jose, 'before'));
    expect(
      byKey(actions as PlannedAction[], collectContactKey(ACME.interview, ACME.jose, 'after')),
    ).toMatchObject({
      start: ACME.end,
      due: '2026-12-01T23:00:00Z',
      urgency: 'due',
    });
  });

  it('is fulfilled as soon as the contact has an address, but not by one known to bounce', () => {
    const withEmail = (emails: string[], badEmails: string[]) =>
      acmeSnapshot({
        contacts: [
          ...acmeSnapshot().contacts.filter((c) => c.id !== ACME.jose),
          buildContact({ id: ACME.jose, displayName: "José Ñúñez-O'Brien", emails, badEmails }),
        ],
      });
    const key = collectContactKey(ACME.interview, ACME.jose, 'after');
    expect(
      byKey(planAll(withEmail(['jose@acme.example'], []), DEFAULT_PLAYBOOK, at(AFTER)), key)?.state,
    ).toBe('fulfilled');
    expect(
      byKey(
        planAll(withEmail(['jose@acme.example'], ['jose@acme.example']), DEFAULT_PLAYBOOK, at(AFTER)),
        key,
      )?.state,
    ).toBe('open');
  });
});

describe('debrief', () => {
  it('runs from the end of the interview for withinHours', () => {
    const d = byKey(planAll(acmeSnapshot(), DEFAULT_PLAYBOOK, at(AFTER)), debriefKey(ACME.interview));
    expect(d).toMatchObject({ start: ACME.end, due: '2026-12-01T21:00:00Z', urgency: 'due', state: 'open' });
    expect(d?.reason).toBe('Debrief within 2 hours of the interview, while it is fresh (rule debrief)');
  });

  it('is upcoming before the interview ends and fulfilled once a debrief is recorded', () => {
    expect(
      byKey(planAll(acmeSnapshot(), DEFAULT_PLAYBOOK, at(ACME.start)), debriefKey(ACME.interview))?.urgency,
    ).toBe('upcoming');
    const s = acmeSnapshot({
      debriefs: [
        {
          interviewId: ACME.interview,
          feeling: 'good',
          wentWell: '',
          improve: '',
          addToAnswer: '',
          promises: '',
          notes: [],
          updatedAt: AFTER,
        },
      ],
    });
    expect(byKey(planAll(s, DEFAULT_PLAYBOOK, at(AFTER)), debriefKey(ACME.interview))?.state).toBe(
      'fulfilled',
    );
  });
});

describe('thank-you', () => {
  it('proposes one note per interviewer, due 24 h after the end, titled with the name as recorded', () => {
    const actions = plan(acmeSnapshot(), DEFAULT_PLAYBOOK, at(AFTER)).filter((a) => a.rule === 'thank-you');
    expect(keysOf(actions).sort()).toEqual([TY_JOSE, TY_PRIYA].sort());
    for (const a of actions) {
      expect(a).toMatchObject({ start: ACME.end, due: '2026-12-02T19:00:00Z', urgency: 'due' });
      expect(a.reason).toBe('Send a personal thank-you within 24 hours of the interview (rule thank-you)');
    }
    expect(actions.find((a) => a.contactId === ACME.jose)?.title).toBe(
      "Send José Ñúñez-O'Brien a thank-you note for your Acme interview (System design)",
    );
  });

  it('under the same-day preset is due at the cutoff in the user zone', () => {
    const pb = withPlaybook({ thankYou: { preset: 'same-day' } });
    const a = byKey(planAll(acmeSnapshot(), pb, at(AFTER)), TY_PRIYA);
    expect(a?.due).toBe('2026-12-02T04:00:00Z'); // 20:00 PST on Dec 1
    expect(a?.reason).toBe('Send a personal thank-you the same day, by 20:00 (rule thank-you)');
  });

  it('under the same-day preset leaves at least two hours after a late interview', () => {
    const pb = withPlaybook({ thankYou: { preset: 'same-day' } });
    const late = (end: string) =>
      acmeSnapshot({
        interviews: [
          acmeInterview({ start: '2026-12-02T02:00:00Z', end }), // starts 18:00 PST
        ],
      });
    // Ends 19:30 PST: the 20:00 cutoff would leave 30 minutes; due 21:30 PST instead.
    expect(byKey(planAll(late('2026-12-02T03:30:00Z'), pb, at(AFTER)), TY_PRIYA)?.due).toBe(
      '2026-12-02T05:30:00Z',
    );
    // Ends 21:00 PST, after the cutoff: due 23:00 PST.
    expect(byKey(planAll(late('2026-12-02T05:00:00Z'), pb, at(AFTER)), TY_PRIYA)?.due).toBe(
      '2026-12-02T07:00:00Z',
    );
  });

  it('is fulfilled by a sent message recorded for the key', () => {
    const s = acmeSnapshot({
      messages: [
        buildMessage({
          id: 'm1',
          kind: 'thank-you',
          contactIds: [ACME.priya],
          actionKey: TY_PRIYA,
          sentAt: '2026-12-01T22:00:00Z',
        }),
      ],
    });
    const all = planAll(s, DEFAULT_PLAYBOOK, at('2026-12-01T23:00:00Z'));
    expect(byKey(all, TY_PRIYA)).toMatchObject({ state: 'fulfilled', fulfilledBy: 'm1' });
    expect(byKey(all, TY_JOSE)?.state).toBe('open');
  });

  it('is fulfilled by a thank-you recorded by hand to the interviewer after the interview started', () => {
    const s = acmeSnapshot({
      messages: [
        buildMessage({
          id: 'm2',
          kind: 'thank-you',
          contactIds: [ACME.jose],
          sentAt: '2026-12-02T01:00:00Z',
        }),
      ],
    });
    expect(byKey(planAll(s, DEFAULT_PLAYBOOK, at('2026-12-02T02:00:00Z')), TY_JOSE)).toMatchObject({
      state: 'fulfilled',
      fulfilledBy: 'm2',
    });
  });

  it('is not fulfilled by a draft, a failed send, a note before the interview or one meant for another key', () => {
    const s = acmeSnapshot({
      messages: [
        buildMessage({ id: 'd', kind: 'thank-you', contactIds: [ACME.jose], status: 'draft' }),
        buildMessage({
          id: 'f',
          kind: 'thank-you',
          contactIds: [ACME.jose],
          status: 'failed',
          sentAt: '2026-12-02T01:00:00Z',
        }),
        buildMessage({
          id: 'early',
          kind: 'thank-you',
          contactIds: [ACME.jose],
          sentAt: '2026-11-30T01:00:00Z',
        }),
        buildMessage({
          id: 'other',
          kind: 'thank-you',
          contactIds: [ACME.jose],
          actionKey: thankYouKey('iv-other', ACME.jose),
          sentAt: '2026-12-02T01:00:00Z',
        }),
      ],
    });
    expect(byKey(planAll(s, DEFAULT_PLAYBOOK, at('2026-12-02T02:00:00Z')), TY_JOSE)?.state).toBe('open');
  });

  it('counts a scheduled message as sent: its action is no longer open', () => {
    const s = acmeSnapshot({
      messages: [
        buildMessage({
          id: 'sch',
          kind: 'thank-you',
          contactIds: [ACME.jose],
          status: 'scheduled',
          sendAt: '2026-12-02T16:00:00Z',
          actionKey: TY_JOSE,
        }),
      ],
    });
    expect(keysOf(plan(s, DEFAULT_PLAYBOOK, at(AFTER)))).not.toContain(TY_JOSE);
  });

  it('yields nothing for a cancelled interview or a disabled rule', () => {
    const cancelled = acmeSnapshot({
      interviews: [acmeInterview({ status: 'cancelled' })],
    });
    expect(planAll(cancelled, DEFAULT_PLAYBOOK, at(AFTER))).toEqual([]);
    const off = withPlaybook({ thankYou: { enabled: false }, debrief: { enabled: false } });
    const rules = new Set(planAll(acmeSnapshot(), off, at(AFTER)).map((a) => a.rule));
    expect(rules.has('thank-you')).toBe(false);
    expect(rules.has('debrief')).toBe(false);
    expect(rules.has('collect-contact')).toBe(true);
  });

  it('stops asking once the opportunity is closed but keeps the notes already sent', () => {
    const s = acmeSnapshot({
      opportunities: [
        buildOpportunity({
          id: ACME.opp,
          recruiterId: ACME.recruiter,
          stage: 'withdrawn',
          stageChangedAt: '2026-12-02T00:00:00Z',
        }),
      ],
      messages: [
        buildMessage({
          id: 'm1',
          kind: 'thank-you',
          contactIds: [ACME.priya],
          sentAt: '2026-12-01T22:00:00Z',
        }),
      ],
    });
    const all = planAll(s, DEFAULT_PLAYBOOK, at('2026-12-02T01:00:00Z'));
    expect(byKey(all, TY_PRIYA)?.state).toBe('fulfilled');
    expect(byKey(all, TY_JOSE)).toBeUndefined();
    expect(byKey(all, debriefKey(ACME.interview))).toBeUndefined();
  });
});

describe('decisions', () => {
  const now = at('2026-12-02T01:00:00Z');
  const decided = (...decisions: Snapshot['decisions']) =>
    planAll(acmeSnapshot({ decisions }), DEFAULT_PLAYBOOK, now);

  it('done and dismissed take the action out of the plan but keep it in planAll', () => {
    const all = decided(
      buildDecision(TY_PRIYA, 'done', '2026-12-01T23:00:00Z'),
      buildDecision(TY_JOSE, 'dismissed', '2026-12-01T23:00:00Z'),
    );
    expect(byKey(all, TY_PRIYA)?.state).toBe('done');
    expect(byKey(all, TY_JOSE)?.state).toBe('dismissed');
    expect(
      keysOf(
        plan(acmeSnapshot({ decisions: [buildDecision(TY_PRIYA, 'done', AFTER)] }), DEFAULT_PLAYBOOK, now),
      ),
    ).not.toContain(TY_PRIYA);
  });

  it('a snooze hides the action until its time, then it is open again', () => {
    const snooze = buildDecision(TY_PRIYA, 'snoozed', '2026-12-01T23:00:00Z', '2026-12-02T17:00:00Z');
    const s = acmeSnapshot({ decisions: [snooze] });
    expect(byKey(planAll(s, DEFAULT_PLAYBOOK, now), TY_PRIYA)?.state).toBe('snoozed');
    expect(keysOf(plan(s, DEFAULT_PLAYBOOK, now))).not.toContain(TY_PRIYA);
    expect(keysOf(plan(s, DEFAULT_PLAYBOOK, at('2026-12-02T17:00:00Z')))).toContain(TY_PRIYA);
  });

  it('the latest decision on a key wins', () => {
    const all = decided(
      buildDecision(TY_PRIYA, 'done', '2026-12-01T23:00:00Z'),
      buildDecision(TY_PRIYA, 'snoozed', '2026-12-01T23:30:00Z', '2026-12-05T00:00:00Z'),
    );
    expect(byKey(all, TY_PRIYA)?.state).toBe('snoozed');
  });

  it('the recorded data wins over a decision: a sent note is fulfilled even if snoozed', () => {
    const s = acmeSnapshot({
      decisions: [buildDecision(TY_PRIYA, 'snoozed', '2026-12-01T20:00:00Z', '2026-12-09T00:00:00Z')],
      messages: [buildMessage({ id: 'm', kind: 'thank-you', contactIds: [ACME.priya], sentAt: AFTER })],
    });
    expect(byKey(planAll(s, DEFAULT_PLAYBOOK, now), TY_PRIYA)?.state).toBe('fulfilled');
  });
});

describe('plan ordering and shape', () => {
  it('returns open actions only, sorted by due then key, without state fields', () => {
    const actions = plan(acmeSnapshot(), DEFAULT_PLAYBOOK, at(AFTER));
    const dues = actions.map((a) => Temporal.Instant.from(a.due).epochMilliseconds);
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    const byDueThenKey = [...actions].sort((a, b) => a.due.localeCompare(b.due) || (a.key < b.key ? -1 : 1));
    expect(byDueThenKey).toEqual(actions);
    expect(actions.every((a) => !('state' in a))).toBe(true);
    expect(keysOf(actions)).toEqual([
      debriefKey(ACME.interview),
      collectContactKey(ACME.interview, ACME.jose, 'after'),
      TY_JOSE,
      TY_PRIYA,
      'check-in:opp-acme:after-iv-acme-1',
    ]);
  });
});

describe('thanks-for-consideration', () => {
  const rejected = (overrides: Partial<Snapshot> = {}, recruiterId: string | null = ACME.recruiter) =>
    acmeSnapshot({
      opportunities: [
        buildOpportunity({
          id: ACME.opp,
          recruiterId,
          stage: 'rejected',
          stageChangedAt: '2026-12-15T20:00:00Z', // Tue 12:00 PST
        }),
      ],
      ...overrides,
    });
  const now = at('2026-12-15T21:00:00Z');

  it('thanks the recruiter within 2 business days, at the end of the working day', () => {
    const all = planAll(rejected(), DEFAULT_PLAYBOOK, now).filter(
      (a) => a.rule === 'thanks-for-consideration',
    );
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      key: thanksForConsiderationKey(ACME.opp, ACME.recruiter),
      contactId: ACME.recruiter,
      start: '2026-12-15T20:00:00Z',
      due: '2026-12-18T01:00:00Z', // Thu Dec 17, 17:00 PST
      state: 'open',
      title: 'Thank Sam Lee at Acme for considering you for Staff Engineer',
    });
  });

  it('skips a holiday when counting the business days', () => {
    const s = acmeSnapshot({
      opportunities: [
        buildOpportunity({
          id: ACME.opp,
          recruiterId: ACME.recruiter,
          stage: 'rejected',
          stageChangedAt: '2026-12-23T20:00:00Z', // Wed; Thu 24th works, Fri 25th is Christmas
        }),
      ],
    });
    const a = planAll(s, DEFAULT_PLAYBOOK, now).find((x) => x.rule === 'thanks-for-consideration');
    expect(a?.due).toBe('2026-12-29T01:00:00Z'); // Mon Dec 28, 17:00 PST
  });

  it('also thanks each interviewer when includeInterviewers is on', () => {
    const pb = withPlaybook({ thanksForConsideration: { includeInterviewers: true } });
    const keys = planAll(rejected(), pb, now)
      .filter((a) => a.rule === 'thanks-for-consideration')
      .map((a) => a.contactId);
    expect(keys.sort()).toEqual([ACME.jose, ACME.priya, ACME.recruiter].sort());
  });

  it('falls back to the interviewers without a recruiter, and to the company without anybody', () => {
    const noRecruiter = planAll(rejected({}, null), DEFAULT_PLAYBOOK, now).filter(
      (a) => a.rule === 'thanks-for-consideration',
    );
    expect(noRecruiter.map((a) => a.contactId).sort()).toEqual([ACME.jose, ACME.priya].sort());
    const nobody = planAll(rejected({ interviews: [] }, null), DEFAULT_PLAYBOOK, now).filter(
      (a) => a.rule === 'thanks-for-consideration',
    );
    expect(nobody).toHaveLength(1);
    expect(nobody[0]).toMatchObject({
      key: thanksForConsiderationKey(ACME.opp, null),
      contactId: null,
      title: 'Thank Acme for considering you for Staff Engineer',
    });
  });

  it('is fulfilled by a note sent after the rejection, not by one sent before', () => {
    const note = (id: string, sentAt: string) =>
      buildMessage({
        id,
        kind: 'thanks-for-consideration',
        contactIds: [ACME.recruiter],
        sentAt,
        opportunityId: ACME.opp,
      });
    const key = thanksForConsiderationKey(ACME.opp, ACME.recruiter);
    expect(
      byKey(
        planAll(rejected({ messages: [note('before', '2026-12-10T20:00:00Z')] }), DEFAULT_PLAYBOOK, now),
        key,
      )?.state,
    ).toBe('open');
    expect(
      byKey(
        planAll(rejected({ messages: [note('after', '2026-12-16T18:00:00Z')] }), DEFAULT_PLAYBOOK, now),
        key,
      ),
    ).toMatchObject({ state: 'fulfilled', fulfilledBy: 'after' });
  });

  it('is not proposed for an opportunity that is not rejected', () => {
    expect(
      planAll(acmeSnapshot(), DEFAULT_PLAYBOOK, now).some((a) => a.rule === 'thanks-for-consideration'),
    ).toBe(false);
  });
});

describe('reconnect', () => {
  const closed = (
    stage: 'rejected' | 'withdrawn' | 'gone-quiet' | 'offer',
    messages: Snapshot['messages'] = [],
  ) =>
    acmeSnapshot({
      opportunities: [
        buildOpportunity({
          id: ACME.opp,
          recruiterId: ACME.recruiter,
          stage,
          stageChangedAt: '2026-12-15T20:00:00Z',
        }),
      ],
      messages,
    });

  it('reminds you 90 days after a rejection, on a working day, during working hours', () => {
    // 2026-12-15 + 90 days = 2027-03-15, a Monday; PDT by then (DST starts 2027-03-14).
    const a = byKey(
      planAll(closed('rejected'), DEFAULT_PLAYBOOK, at('2027-03-15T18:00:00Z')),
      reconnectKey(ACME.opp),
    );
    expect(a).toMatchObject({
      start: '2027-03-15T16:00:00Z',
      due: '2027-03-16T00:00:00Z',
      urgency: 'due',
      contactId: ACME.recruiter,
      state: 'open',
      title: 'Reconnect with Sam Lee at Acme (Staff Engineer)',
    });
    expect(a?.reason).toMatch(/90 days after a rejection.*\(rule reconnect\)$/);
  });

  it('moves a reminder that falls on a weekend to the next business day', () => {
    const s = acmeSnapshot({
      opportunities: [
        buildOpportunity({ id: ACME.opp, stage: 'withdrawn', stageChangedAt: '2026-12-19T20:00:00Z' }),
      ],
    });
    const a = byKey(planAll(s, DEFAULT_PLAYBOOK, at('2027-01-01T00:00:00Z')), reconnectKey(ACME.opp));
    // 2026-12-19 + 90 days = 2027-03-19 (Friday): a business day, kept.
    expect(a?.start).toBe('2027-03-19T16:00:00Z');
    const sat = acmeSnapshot({
      opportunities: [
        buildOpportunity({ id: ACME.opp, stage: 'gone-quiet', stageChangedAt: '2026-12-20T20:00:00Z' }),
      ],
    });
    // 2026-12-20 + 90 days = 2027-03-20 (Saturday) → Monday 2027-03-22.
    expect(
      byKey(planAll(sat, DEFAULT_PLAYBOOK, at('2027-01-01T00:00:00Z')), reconnectKey(ACME.opp))?.start,
    ).toBe('2027-03-22T16:00:00Z');
  });

  it('is fulfilled by any message sent after its start, not by the earlier thanks-for-consideration', () => {
    const tfc = buildMessage({
      id: 'tfc',
      kind: 'thanks-for-consideration',
      opportunityId: ACME.opp,
      sentAt: '2026-12-16T18:00:00Z',
    });
    const hello = buildMessage({
      id: 'hi',
      kind: 'reconnect',
      opportunityId: ACME.opp,
      sentAt: '2027-03-16T18:00:00Z',
    });
    const now = at('2027-03-17T00:00:00Z');
    expect(
      byKey(planAll(closed('rejected', [tfc]), DEFAULT_PLAYBOOK, now), reconnectKey(ACME.opp))?.state,
    ).toBe('open');
    expect(
      byKey(planAll(closed('rejected', [tfc, hello]), DEFAULT_PLAYBOOK, now), reconnectKey(ACME.opp)),
    ).toMatchObject({
      state: 'fulfilled',
      fulfilledBy: 'hi',
    });
  });

  it('applies to withdrawn and gone-quiet opportunities, not to open ones', () => {
    const now = at('2027-01-01T00:00:00Z');
    expect(byKey(planAll(closed('withdrawn'), DEFAULT_PLAYBOOK, now), reconnectKey(ACME.opp))).toBeDefined();
    expect(byKey(planAll(closed('gone-quiet'), DEFAULT_PLAYBOOK, now), reconnectKey(ACME.opp))).toBeDefined();
    expect(byKey(planAll(closed('offer'), DEFAULT_PLAYBOOK, now), reconnectKey(ACME.opp))).toBeUndefined();
    expect(
      byKey(
        planAll(closed('rejected'), withPlaybook({ reconnect: { enabled: false } }), now),
        reconnectKey(ACME.opp),
      ),
    ).toBeUndefined();
  });
});

describe('zone', () => {
  it('leaves duration-based deadlines where they are when the account zone changes', () => {
    const la = planAll(acmeSnapshot(), DEFAULT_PLAYBOOK, at(AFTER));
    const berlin = planAll(
      { ...acmeSnapshot(), account: { timeZone: 'Europe/Berlin', holidayRegion: 'DE' } },
      DEFAULT_PLAYBOOK,
      at(AFTER),
    );
    for (const key of [
      TY_PRIYA,
      debriefKey(ACME.interview),
      collectContactKey(ACME.interview, ACME.jose, 'after'),
    ]) {
      expect(byKey(berlin, key)?.due).toBe(byKey(la, key)?.due);
      expect(byKey(berlin, key)?.start).toBe(byKey(la, key)?.start);
    }
  });
});

describe('interviews', () => {
  it('plans each round separately', () => {
    const s = acmeSnapshot();
    s.interviews.push(
      buildInterview({
        id: 'iv-acme-2',
        opportunityId: ACME.opp,
        start: '2026-12-08T18:00:00Z',
        end: '2026-12-08T19:00:00Z',
        participants: [{ contactId: ACME.priya, role: 'interviewer' }],
      }),
    );
    const keys = keysOf(planAll(s, DEFAULT_PLAYBOOK, at('2026-12-08T20:00:00Z')));
    expect(keys).toContain(thankYouKey('iv-acme-2', ACME.priya));
    expect(keys).toContain(TY_PRIYA);
    expect(keys).toContain(debriefKey('iv-acme-2'));
  });
});
