/**
 * What every planner rule works from: the snapshot indexed for look-ups, the playbook, `now`, the
 * user's zone and holiday set, and the small shared vocabulary (when a message counts as sent,
 * what time it carries, how people and interviews are named in a title).
 *
 * Rules import from here rather than from the core's other modules, so the rule files stay
 * inside `src/core/plan` and read as policy only.
 */
import {
  addBusinessEpochDays,
  epochDayOf,
  holidayEpochDays,
  isoDateOfEpochDay,
  minuteOfDay,
  zoneClock,
} from '../business-days';
import type { Playbook } from '../playbook';
import { Temporal } from '../time';
import {
  type Action,
  type ActionDecision,
  CLOSED_STAGES,
  type Contact as ContactRecord,
  type Debrief,
  type Id,
  type Interview as InterviewRecord,
  type Message as MessageRecord,
  type MessageStatus,
  type Opportunity as OpportunityRecord,
  type Snapshot,
} from '../types';
import { checkInOpportunityOf } from './keys';
import { USER_VOICE, type Voice } from './voice';

/*
 * The planner's view of each record: only the fields a rule reads. A full `Snapshot` is one, and
 * the store can load just these columns for Today (message bodies and people's provenance are
 * most of the bytes of an account and no rule looks at them).
 */

/** An opportunity as the planner reads it. */
export type Opportunity = Pick<
  OpportunityRecord,
  'id' | 'company' | 'role' | 'stage' | 'recruiterId' | 'decisionBy' | 'stageChangedAt'
>;
/** An interview as the planner reads it. */
export type Interview = Pick<
  InterviewRecord,
  'id' | 'opportunityId' | 'round' | 'start' | 'end' | 'status' | 'participants' | 'createdAt'
>;
/** A person as the planner reads them. */
export type Contact = Pick<ContactRecord, 'id' | 'displayName' | 'emails' | 'badEmails'>;
/** A message as the planner reads it. */
export type Message = Pick<
  MessageRecord,
  | 'id'
  | 'kind'
  | 'direction'
  | 'opportunityId'
  | 'interviewId'
  | 'contactIds'
  | 'status'
  | 'sentAt'
  | 'sendAt'
  | 'actionKey'
  | 'createdAt'
>;

/** What `plan` and `planAll` read: a `Snapshot` narrowed to the fields above. */
export interface PlanSnapshot {
  account: Snapshot['account'];
  opportunities: Opportunity[];
  interviews: Interview[];
  contacts: Contact[];
  /** Which interviews have a debrief (its content is not the planner's business). */
  debriefs: Pick<Debrief, 'interviewId'>[];
  messages: Message[];
  decisions: ActionDecision[];
  holidays: Snapshot['holidays'];
}

export type { Action, ActionDecision, Id, Playbook, Snapshot };
export { epochDayOf, isoDateOfEpochDay, Temporal };

/**
 * An action as a rule proposes it, before decisions and urgency are applied by `planAll`;
 * `start` and `due` are epoch milliseconds here.
 */
export interface Candidate extends Omit<Action, 'urgency' | 'start' | 'due'> {
  start: number;
  due: number;
  /** The recorded data shows it was carried out; `by` is the message that did it, if any. */
  fulfilled?: { by: Id | null };
  /** A past action the rule closed from history: a check-in the user marked done. */
  closedAs?: 'done';
  /**
   * Show it only once completed (fulfilled or marked done): per-interview actions of an
   * opportunity that has closed stay in the history but stop asking for work.
   */
  onlyIfCompleted?: boolean;
}

/** A planner rule: pure, reads the context, proposes candidates. */
export type Rule = (ctx: PlanContext) => Candidate[];

/** Statuses of an outbound message that count as "sent" for fulfilment (on its way or gone). */
const SENT_STATUSES: ReadonlySet<MessageStatus> = new Set(['scheduled', 'sending', 'sent', 'uncertain']);

/** An outbound message that has left or is committed to leave: not a draft, not failed. */
export const isSent = (m: Message): boolean => m.direction === 'out' && SENT_STATUSES.has(m.status);

/*
 * Inside the planner, instants are epoch milliseconds: a plan over a few years of a job hunt
 * compares and sorts tens of thousands of them, and parsing ISO strings through the Temporal
 * polyfill each time costs seconds. Temporal is used where zones matter (local dates, wall-clock
 * times); pure durations are plain arithmetic, so they cannot depend on the zone.
 */

const WITH_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds of an ISO instant (`...Z` or with an offset). */
export function ms(iso: string): number {
  // Date.parse reads a string without an offset in the machine's zone: only trust it with one.
  const v = WITH_OFFSET.test(iso) ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(v) ? Temporal.Instant.from(iso).epochMilliseconds : v;
}

/** The stored form of an instant: ISO-8601 UTC with `Z`, milliseconds only when there are some. */
export function isoOf(epochMs: number): string {
  const d = new Date(epochMs);
  const millis = d.getUTCMilliseconds();
  // Hand-formatted: toISOString plus trimming costs twice as much, thousands of times per plan.
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(
    d.getUTCMinutes(),
  )}:${pad2(d.getUTCSeconds())}${millis ? `.${String(millis).padStart(3, '0')}` : ''}Z`;
}
const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** When a message went (or goes) out, or came in: `sentAt`, else the scheduled `sendAt`, else when it was recorded. */
export function messageTime(m: Message): number {
  let t = messageTimes.get(m);
  if (t === undefined) {
    t = ms(m.sentAt ?? m.sendAt ?? m.createdAt);
    messageTimes.set(m, t);
  }
  return t;
}
// Sorting and scanning messages asks for the same times over and over.
const messageTimes = new WeakMap<Message, number>();

export const HOUR_MS = 3_600_000;
export const plusHours = (epochMs: number, hours: number): number => epochMs + Math.round(hours * HOUR_MS);

/** "1 hour", "24 hours", "1 business day", "2 business days". */
export const count = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

export { possessive } from './voice';

/** Opportunities the company has closed or the user has left: no more work asked per interview. */
export const isClosed = (o: Opportunity): boolean => CLOSED_STAGES.includes(o.stage);

export interface PlanContext {
  readonly snapshot: PlanSnapshot;
  readonly playbook: Playbook;
  readonly now: Temporal.Instant;
  /** `now` in epoch milliseconds. */
  readonly nowMs: number;
  /** The user's IANA zone: business days and local times are counted in it. */
  readonly zone: string;
  /** The user's holidays as epoch days. */
  readonly holidays: ReadonlySet<number>;
  /**
   * Only open actions are wanted (`plan`, not `planAll`): rules may skip what can never be open
   * (completed actions, the history of closed opportunities), which is most of a long job hunt.
   */
  readonly openOnly: boolean;
  /** Whom titles and reasons address: the user ("your interview") or a coach ("Ana's interview"). */
  readonly voice: Voice;
  contact(id: Id | null): Contact | undefined;
  /** Non-cancelled interviews of an opportunity, earliest first. */
  interviewsOf(opportunityId: Id): Interview[];
  /** Messages about an opportunity (see `buildPlanContext` for how they are attributed), oldest first. */
  messagesOf(opportunityId: Id): Message[];
  /** The earliest sent outbound message recorded as fulfilling `key` (its `actionKey`). */
  sentFor(key: string): Message | undefined;
  /** The latest decision the user made about an action key. */
  decision(key: string): ActionDecision | undefined;
  /** The latest decisions on the check-in keys of an opportunity (`check-in:<id>:...`). */
  checkInDecisionsOf(opportunityId: Id): ActionDecision[];
  /** The display name as recorded, or a neutral stand-in for an unknown contact id. */
  nameOf(contactId: Id | null, fallback: string): string;
  /** The calendar date (epoch day) an instant (epoch ms) falls on in the user's zone. */
  localDay(epochMs: number): number;
  /** Epoch ms of wall-clock `hhmm` on an epoch day in the user's zone (DST: `compatible`). */
  atLocal(epochDay: number, hhmm: string): number;
  /** `addBusinessDays` on epoch days with the user's holidays. */
  addBusinessDays(epochDay: number, n: number): number;
}

/** Distinct interviewer contact ids of an interview, in the order recorded. */
export const interviewersOf = (iv: Interview): Id[] => [
  ...new Set(iv.participants.filter((p) => p.role === 'interviewer').map((p) => p.contactId)),
];

/** "your Acme interview (System design)", or "Ana's Acme interview (System design)". */
export const interviewLabel = (o: Opportunity, iv: Interview, voice: Voice): string =>
  `${voice.your} ${o.company} interview${iv.round.trim() ? ` (${iv.round.trim()})` : ''}`;

/** A usable address: recorded and not known to bounce. */
export const hasUsableEmail = (c: Contact | undefined): boolean =>
  !!c && c.emails.some((e) => e.trim() !== '' && !c.badEmails.includes(e));

/**
 * Index the snapshot once. A message belongs to its `opportunityId`, else to its interview's
 * opportunity; a message recorded with neither (a reply typed in by contact only) belongs to every
 * opportunity where one of its contacts is the recruiter or a participant.
 */
export function buildPlanContext(
  snapshot: PlanSnapshot,
  playbook: Playbook,
  now: Temporal.Instant,
  openOnly = false,
  voice: Voice = USER_VOICE,
): PlanContext {
  return indexContext(snapshot, attributeMessages(snapshot), [], playbook, now, openOnly, voice);
}

/**
 * The messages about each opportunity, by the rule `buildPlanContext` documents. Lists are in the
 * snapshot's order (sorted later).
 */
export function attributeMessages(snapshot: PlanSnapshot): Map<Id, Message[]> {
  const interviewsById = new Map(snapshot.interviews.map((iv) => [iv.id, iv]));
  const oppsByContact = new Map<Id, Set<Id>>();
  const link = (contactId: Id | null, oppId: Id) => {
    if (!contactId) return;
    const set = oppsByContact.get(contactId) ?? new Set<Id>();
    set.add(oppId);
    oppsByContact.set(contactId, set);
  };
  for (const o of snapshot.opportunities) link(o.recruiterId, o.id);
  for (const iv of snapshot.interviews) for (const p of iv.participants) link(p.contactId, iv.opportunityId);

  const messagesByOpp = new Map<Id, Message[]>();
  for (const m of snapshot.messages) {
    const direct =
      m.opportunityId ?? (m.interviewId ? interviewsById.get(m.interviewId)?.opportunityId : null);
    const opps = direct
      ? [direct]
      : [...new Set(m.contactIds.flatMap((c) => [...(oppsByContact.get(c) ?? [])]))];
    for (const o of opps) push(messagesByOpp, o, m);
  }
  return messagesByOpp;
}

/**
 * The context over already attributed messages. `keyed` are further messages that only count
 * through their `actionKey` (recorded for a key of an opportunity they are not attributed to):
 * a slice carries them so `sentFor` answers as it does over the whole account.
 */
export function indexContext(
  snapshot: PlanSnapshot,
  messagesByOpp: Map<Id, Message[]>,
  keyed: readonly Message[],
  playbook: Playbook,
  now: Temporal.Instant,
  openOnly: boolean,
  voice: Voice,
): PlanContext {
  const contacts = new Map(snapshot.contacts.map((c) => [c.id, c]));

  const interviewsByOpp = new Map<Id, Interview[]>();
  for (const iv of snapshot.interviews) {
    if (iv.status === 'cancelled') continue;
    push(interviewsByOpp, iv.opportunityId, iv);
  }
  for (const list of interviewsByOpp.values()) {
    list.sort((a, b) => ms(a.start) - ms(b.start) || cmp(a.id, b.id));
  }
  for (const list of messagesByOpp.values()) {
    list.sort((a, b) => messageTime(a) - messageTime(b) || cmp(a.id, b.id));
  }

  const sentByKey = new Map<string, Message>();
  const noteSent = (m: Message) => {
    if (!m.actionKey || !isSent(m)) return;
    const prev = sentByKey.get(m.actionKey);
    if (!prev || messageTime(m) < messageTime(prev)) sentByKey.set(m.actionKey, m);
  };
  for (const m of snapshot.messages) noteSent(m);
  for (const m of keyed) noteSent(m);

  const decisions = new Map<string, ActionDecision>();
  for (const d of snapshot.decisions) {
    const prev = decisions.get(d.key);
    if (!prev || ms(d.decidedAt) >= ms(prev.decidedAt)) decisions.set(d.key, d);
  }

  const checkInDecisions = new Map<Id, ActionDecision[]>();
  for (const d of decisions.values()) {
    const oppId = checkInOpportunityOf(d.key);
    if (oppId) push(checkInDecisions, oppId, d);
  }

  const zone = snapshot.account.timeZone;
  const holidays = holidaySet(snapshot.holidays);
  const clock = zoneClock(zone);

  return {
    snapshot,
    playbook,
    now,
    nowMs: now.epochMilliseconds,
    openOnly,
    voice,
    zone,
    holidays,
    contact: (id) => (id ? contacts.get(id) : undefined),
    interviewsOf: (id) => interviewsByOpp.get(id) ?? [],
    messagesOf: (id) => messagesByOpp.get(id) ?? [],
    sentFor: (key) => sentByKey.get(key),
    decision: (key) => decisions.get(key),
    checkInDecisionsOf: (id) => checkInDecisions.get(id) ?? [],
    nameOf: (id, fallback) => (id ? contacts.get(id)?.displayName : undefined) ?? fallback,
    localDay: (epochMs) => clock.localDay(epochMs),
    atLocal: (epochDay, hhmm) => clock.atLocal(epochDay, minuteOfDay(hhmm)),
    addBusinessDays: (epochDay, n) => addBusinessEpochDays(epochDay, n, holidays),
  };
}

/** Slices of one account share their holiday list: turn it into epoch days once. */
function holidaySet(list: readonly string[]): ReadonlySet<number> {
  let set = holidaySets.get(list);
  if (!set) {
    set = holidayEpochDays(list);
    holidaySets.set(list, set);
  }
  return set;
}
const holidaySets = new WeakMap<readonly string[], ReadonlySet<number>>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
