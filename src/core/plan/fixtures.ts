/**
 * Hand-built snapshots for planner tests (and for anyone else who needs a plan without a store):
 * small builders with sensible defaults and overrides, after the `buildX(overrides)` factories of
 * STYLE.md. Pure data, no clock.
 */
import type { ActionDecision, Contact, Interview, Message, Opportunity, Snapshot } from '../types';

const T0 = '2026-11-01T00:00:00Z';

export function buildContact(overrides: Partial<Contact> & Pick<Contact, 'id' | 'displayName'>): Contact {
  return {
    title: null,
    company: null,
    emails: [],
    badEmails: [],
    phones: [],
    links: [],
    provenance: [],
    notes: '',
    createdAt: T0,
    ...overrides,
  };
}

export function buildOpportunity(overrides: Partial<Opportunity> & Pick<Opportunity, 'id'>): Opportunity {
  return {
    company: 'Acme',
    role: 'Staff Engineer',
    stage: 'interviewing',
    recruiterId: null,
    decisionBy: null,
    domains: [],
    links: [],
    notes: '',
    createdAt: T0,
    stageChangedAt: T0,
    ...overrides,
  };
}

export function buildInterview(
  overrides: Partial<Interview> & Pick<Interview, 'id' | 'opportunityId' | 'start' | 'end'>,
): Interview {
  return {
    round: '',
    timeZone: 'America/Los_Angeles',
    format: null,
    location: null,
    status: 'scheduled',
    participants: [],
    createdAt: T0,
    ...overrides,
  };
}

export function buildMessage(overrides: Partial<Message> & Pick<Message, 'id' | 'kind'>): Message {
  return {
    direction: 'out',
    opportunityId: null,
    interviewId: null,
    contactIds: [],
    subject: '',
    body: '',
    status: 'sent',
    sentAt: null,
    sendAt: null,
    rfcMessageId: null,
    actionKey: null,
    createdAt: T0,
    ...overrides,
  };
}

export const buildDecision = (
  key: string,
  decision: ActionDecision['decision'],
  decidedAt: string,
  until: string | null = null,
): ActionDecision => ({ key, decision, decidedAt, until });

export function buildSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    account: { timeZone: 'America/Los_Angeles', holidayRegion: 'US' },
    opportunities: [],
    interviews: [],
    contacts: [],
    debriefs: [],
    messages: [],
    decisions: [],
    holidays: [],
    ...overrides,
  };
}

/** US public and bank holidays (date-holidays, region US) from late 2026 to early 2027. */
export const US_HOLIDAYS_2026_27 = [
  '2026-11-11',
  '2026-11-26',
  '2026-12-25',
  '2027-01-01',
  '2027-01-18',
  '2027-02-15',
];

/**
 * A small job hunt to plan over, user in Los Angeles with US holidays: Acme (recruiter Sam Lee)
 * interviewed the user on Tuesday 2026-12-01, 10:00-11:00 PST, round "System design", with Priya
 * Raman (email known) and José Ñúñez-O'Brien (no email yet).
 */
export const ACME = {
  opp: 'opp-acme',
  interview: 'iv-acme-1',
  recruiter: 'c-sam',
  priya: 'c-priya',
  jose: 'c-jose',
  start: '2026-12-01T18:00:00Z',
  end: '2026-12-01T19:00:00Z',
} as const;

export function acmeSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return buildSnapshot({
    holidays: US_HOLIDAYS_2026_27,
    contacts: [
      buildContact({ id: ACME.recruiter, displayName: 'Sam Lee', emails: ['sam@acme.example'] }),
      buildContact({ id: ACME.priya, displayName: 'Priya Raman', emails: ['priya@acme.example'] }),
      buildContact({ id: ACME.jose, displayName: "José Ñúñez-O'Brien" }),
    ],
    opportunities: [buildOpportunity({ id: ACME.opp, recruiterId: ACME.recruiter })],
    interviews: [acmeInterview()],
    ...overrides,
  });
}

/** The Acme interview of `acmeSnapshot`, with overrides (another time, cancelled...). */
export function acmeInterview(overrides: Partial<Interview> = {}): Interview {
  return buildInterview({
    id: ACME.interview,
    opportunityId: ACME.opp,
    start: ACME.start,
    end: ACME.end,
    round: 'System design',
    createdAt: '2026-11-25T00:00:00Z',
    participants: [
      { contactId: ACME.priya, role: 'interviewer' },
      { contactId: ACME.jose, role: 'interviewer' },
      { contactId: ACME.recruiter, role: 'coordinator' },
    ],
    ...overrides,
  });
}
