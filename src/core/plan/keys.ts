/**
 * Action keys: stable names for the actions the planner proposes. Decisions (done, dismissed,
 * snoozed) and messages (`actionKey`) refer to actions by these keys, so a key must not change
 * when unrelated data changes. Built only here, so every surface spells them the same way.
 */
import type { Id, RuleId } from '../types';

/** `collect-contact:<interviewId>:<contactId>:before|after` */
export const collectContactKey = (interviewId: Id, contactId: Id, phase: 'before' | 'after'): string =>
  `collect-contact:${interviewId}:${contactId}:${phase}`;

/** `debrief:<interviewId>` */
export const debriefKey = (interviewId: Id): string => `debrief:${interviewId}`;

/** `thank-you:<interviewId>:<contactId>` */
export const thankYouKey = (interviewId: Id, contactId: Id): string =>
  `thank-you:${interviewId}:${contactId}`;

/** The anchor of the first check-in after an interview: `after-<interviewId>`. */
export const afterInterviewAnchor = (interviewId: Id): string => `after-${interviewId}`;

/** `check-in:<opportunityId>:<anchor>`; the anchor names the event the check-in follows. */
export const checkInKey = (opportunityId: Id, anchor: string): string =>
  `check-in:${opportunityId}:${anchor}`;

/** `check-in:<opportunityId>:gone-quiet`: the suggestion to stop nudging. */
export const goneQuietKey = (opportunityId: Id): string => `check-in:${opportunityId}:gone-quiet`;

/** `thanks-for-consideration:<opportunityId>:<contactId|company>` */
export const thanksForConsiderationKey = (opportunityId: Id, contactId: Id | null): string =>
  `thanks-for-consideration:${opportunityId}:${contactId ?? 'company'}`;

/** `reconnect:<opportunityId>` */
export const reconnectKey = (opportunityId: Id): string => `reconnect:${opportunityId}`;

const KEY_SHAPES: ReadonlyArray<[RuleId, RegExp]> = [
  ['collect-contact', /^collect-contact:[^:]+:[^:]+:(before|after)$/],
  ['debrief', /^debrief:[^:]+$/],
  ['thank-you', /^thank-you:[^:]+:[^:]+$/],
  ['check-in', /^check-in:[^:]+:[^:]+$/],
  ['thanks-for-consideration', /^thanks-for-consideration:[^:]+:[^:]+$/],
  ['reconnect', /^reconnect:[^:]+$/],
];

/** The rule a key belongs to, or null when the text is not shaped like an action key. */
export function ruleOfKey(key: string): RuleId | null {
  for (const [rule, shape] of KEY_SHAPES) if (shape.test(key)) return rule;
  return null;
}

/**
 * The person an action key names as its recipient: the interviewer of a thank-you, the contact
 * of a thanks-for-consideration. Null for keys that name nobody (check-in, reconnect, ...).
 * A note recorded for the key must be addressed to exactly this person.
 */
export function recipientOfKey(key: string): Id | null {
  const thanks = /^thank-you:[^:]+:([^:]+)$/.exec(key);
  if (thanks) return thanks[1] ?? null;
  const consideration = /^thanks-for-consideration:[^:]+:([^:]+)$/.exec(key);
  if (consideration && consideration[1] !== 'company') return consideration[1] ?? null;
  return null;
}

/** The opportunity a check-in key is about, or null for any other key. */
export function checkInOpportunityOf(key: string): Id | null {
  const m = /^check-in:([^:]+):[^:]+$/.exec(key);
  return m?.[1] ?? null;
}

/** The anchor part of a check-in key (`after-<id>`, a message id, `gone-quiet`...). */
export function checkInAnchorOf(key: string): string | null {
  const m = /^check-in:[^:]+:([^:]+)$/.exec(key);
  return m?.[1] ?? null;
}

/**
 * What an action key is about: the opportunity (check-in, thanks-for-consideration, reconnect)
 * or the interview (collect-contact, debrief, thank-you) named in it; null for any other text.
 * Decisions and messages recorded for a key belong to the slice of that opportunity. The store
 * indexes this id, the text between the key's first and second colon, to find them
 * (migration 2026-11-28T0500-action-key-target-index).
 */
export function keyTarget(key: string): { opportunityId: Id } | { interviewId: Id } | null {
  const m =
    /^(collect-contact|debrief|thank-you|check-in|thanks-for-consideration|reconnect):([^:]+)(?::|$)/.exec(
      key,
    );
  if (!m?.[2]) return null;
  const rule = m[1];
  return rule === 'collect-contact' || rule === 'debrief' || rule === 'thank-you'
    ? { interviewId: m[2] }
    : { opportunityId: m[2] };
}

/**
 * The rules whose action a sent message fulfils through its key alone (`PlanContext.sentFor`),
 * wherever the message is attributed. Check-ins read the messages of their opportunity instead,
 * and debriefs and collecting a contact are done by decisions, never by mail. So only a message
 * recorded for one of these keys counts outside its own opportunity's slice.
 */
const FULFILLED_BY_KEY: ReadonlySet<string> = new Set<RuleId>([
  'thank-you',
  'thanks-for-consideration',
  'reconnect',
]);

/**
 * True when a message recorded for `key` can fulfil that action from another slice (above). By
 * the rule's prefix alone (asked of every message a plan reads); `keyTarget` checks the shape.
 */
export const fulfilledByKey = (key: string): boolean => {
  const colon = key.indexOf(':');
  return colon > 0 && FULFILLED_BY_KEY.has(key.slice(0, colon));
};
