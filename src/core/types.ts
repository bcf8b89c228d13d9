/**
 * The domain as the rest of Afterview sees it. Rows from the database are turned into these
 * shapes by the services, so SQLite's 0/1 and text dates never leak past `features/`.
 *
 * Conventions:
 * - `Instant` values are ISO-8601 strings in UTC with a `Z` (`2026-12-08T18:00:00Z`).
 * - `PlainDate` values are calendar dates `YYYY-MM-DD` with no zone (a recruiter's "by Friday").
 * - IDs are time-ordered UUIDv7 strings.
 */

import type { Locale } from './drafts/locale';

export type { Locale } from './drafts/locale';

export type Id = string;
/** An exact moment, ISO-8601 UTC (`...Z`). */
export type Instant = string;
/** A calendar date `YYYY-MM-DD`. */
export type PlainDate = string;

export const STAGES = [
  'applied',
  'interviewing',
  'waiting',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
  'gone-quiet',
] as const;
export type Stage = (typeof STAGES)[number];

/** Stages after which nothing more is expected from the company. */
export const CLOSED_STAGES: readonly Stage[] = ['accepted', 'rejected', 'withdrawn', 'gone-quiet'];

export const PARTICIPANT_ROLES = ['interviewer', 'coordinator', 'observer'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const MESSAGE_KINDS = [
  'thank-you',
  'check-in',
  'thanks-for-consideration',
  'reconnect',
  'reply',
  'other',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'failed', 'uncertain'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export type Direction = 'out' | 'in';

export interface Account {
  id: Id;
  /** IANA zone the user lives in, e.g. `America/Los_Angeles`. */
  timeZone: string;
  /** date-holidays region, e.g. `US`, `US-CA`, `GB-ENG`, `DE-BY`; null for weekends only. */
  holidayRegion: string | null;
  /** The user's own addresses, to recognise themself among invite attendees. */
  ownEmails: string[];
  /** The user's playbook overrides, as they wrote them (validated on write). */
  playbookOverrides: unknown;
  /** Sign-off used at the end of drafts. */
  signature: string | null;
  displayName: string | null;
  /** How notes and the app write dates, and the spelling dictionary: chosen, else from the zone. */
  locale: Locale;
  /** True when the user chose the locale; false when it follows the time zone. */
  localeChosen: boolean;
}

/** Where a detail about a person came from (an invite, a card photo, typed by hand...). */
export interface Provenance {
  field: string;
  value: string;
  source: string;
  at: Instant;
}

export interface Contact {
  id: Id;
  /** The name exactly as the person spells it, accents, hyphens and apostrophes included. */
  displayName: string;
  title: string | null;
  company: string | null;
  emails: string[];
  /** Addresses that bounced. */
  badEmails: string[];
  phones: string[];
  links: string[];
  provenance: Provenance[];
  notes: string;
  createdAt: Instant;
}

export interface Opportunity {
  id: Id;
  company: string;
  role: string;
  stage: Stage;
  recruiterId: Id | null;
  /** The date the company said they would decide by, if they gave one. */
  decisionBy: PlainDate | null;
  /** Email domains of the company, for matching people and invites to it. */
  domains: string[];
  links: string[];
  notes: string;
  createdAt: Instant;
  /** When the stage last changed: the rejection time for `rejected`. */
  stageChangedAt: Instant;
}

export interface Participant {
  contactId: Id;
  role: ParticipantRole;
}

export interface Interview {
  id: Id;
  opportunityId: Id;
  round: string;
  start: Instant;
  end: Instant;
  /** IANA zone the interview was scheduled in. */
  timeZone: string;
  format: string | null;
  location: string | null;
  status: 'scheduled' | 'cancelled';
  participants: Participant[];
  createdAt: Instant;
}

/** Per interviewer, as the user typed it (third person, shorthand); drafts turn it to "you". */
export interface DebriefNote {
  contactId: Id;
  /** What stayed with you. */
  memorable: string;
  topics: string;
  /** A problem they raised. */
  problem: string;
  /** What you promised them. */
  promise: string;
}

export interface Debrief {
  interviewId: Id;
  feeling: string;
  wentWell: string;
  /** PRIVATE: what to practise. Never in a note, a draft or an export to others. */
  improve: string;
  /** A point to add to one of your answers: may go into one interviewer's note. */
  addToAnswer: string;
  /**
   * A promise recorded per interview before promises were per interviewer: drafts use it for
   * every interviewer only while none has a promise of their own.
   */
  promises: string;
  notes: DebriefNote[];
  updatedAt: Instant;
}

export interface Message {
  id: Id;
  kind: MessageKind;
  direction: Direction;
  opportunityId: Id | null;
  interviewId: Id | null;
  /** Recipients of an outbound message, or the sender of an inbound one. */
  contactIds: Id[];
  subject: string;
  body: string;
  status: MessageStatus;
  /** When it was sent (out) or received (in). */
  sentAt: Instant | null;
  /** When a scheduled message should go out. */
  sendAt: Instant | null;
  /** RFC 5322 Message-ID, chosen before sending. */
  rfcMessageId: string | null;
  /** The planner action this message fulfils, e.g. `thank-you:<interviewId>:<contactId>`. */
  actionKey: string | null;
  createdAt: Instant;
}

export type DecisionKind = 'done' | 'dismissed' | 'snoozed';

export interface ActionDecision {
  key: string;
  decision: DecisionKind;
  /** For `snoozed`: the action comes back at this instant. */
  until: Instant | null;
  decidedAt: Instant;
}

/**
 * Everything the planner needs: what the user recorded, their decisions about actions, and the
 * public holidays of their region (computed outside the core, since it needs date-holidays data).
 */
export interface Snapshot {
  account: Pick<Account, 'timeZone' | 'holidayRegion'>;
  opportunities: Opportunity[];
  interviews: Interview[];
  contacts: Contact[];
  debriefs: Debrief[];
  messages: Message[];
  decisions: ActionDecision[];
  /** Non-working public/bank holidays of the user's region, `YYYY-MM-DD`, covering the plan's range. */
  holidays: PlainDate[];
}

export const RULE_IDS = [
  'collect-contact',
  'debrief',
  'thank-you',
  'check-in',
  'thanks-for-consideration',
  'reconnect',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Urgency = 'upcoming' | 'due' | 'overdue';

export interface Action {
  /** Stable across re-planning: decisions (done, snooze) are keyed by it. */
  key: string;
  rule: RuleId;
  /** When it becomes sensible to act (e.g. the interview's end for a thank-you). */
  start: Instant;
  /** The deadline. */
  due: Instant;
  urgency: Urgency;
  /** One line a person reads in a list: "Thank Priya Raman for the system-design round". */
  title: string;
  /** Why the playbook asks for it: "Thank-you notes go out within 24 h of the interview". */
  reason: string;
  /**
   * The calendar date the reason names, as it appears in `reason` (`YYYY-MM-DD`), for front ends
   * to show in their own date format (core/plan/reason.ts).
   */
  reasonDate?: PlainDate;
  opportunityId: Id;
  interviewId: Id | null;
  contactId: Id | null;
}
