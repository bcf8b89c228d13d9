/**
 * The note checker's vocabulary: what it is given (CheckInput), what it reports (Finding) and the
 * one outside service it uses (Speller, implemented over nspell in features/spelling).
 */
import type { Instant, MessageKind } from '../types';

export type { MessageKind };

/** Stable ids of the checker's rules (DESIGN.md, "Note checker"). */
export const CHECK_RULE_IDS = [
  'wrong-company',
  'wrong-name',
  'placeholder',
  'duplicate-note',
  'no-personal-detail',
  'desperate-tone',
  'too-long',
  'late',
  'spelling',
  'addressee-third-person',
  'too-early',
  'unsigned',
  'no-address',
] as const;
export type CheckRuleId = (typeof CHECK_RULE_IDS)[number];

/** `error` blocks sending unless the user overrides it; `warning` informs. */
export type Severity = 'error' | 'warning';

/** The severity each rule reports with. */
export const RULE_SEVERITY: Readonly<Record<CheckRuleId, Severity>> = {
  'wrong-company': 'error',
  'wrong-name': 'error',
  placeholder: 'error',
  'duplicate-note': 'error',
  'no-personal-detail': 'warning',
  'desperate-tone': 'warning',
  'too-long': 'warning',
  late: 'warning',
  spelling: 'warning',
  'addressee-third-person': 'warning',
  'too-early': 'warning',
  unsigned: 'warning',
  'no-address': 'error',
};

/** The spelling dictionaries the checker knows; the account chooses one. */
export type CheckLocale = 'en-US' | 'en-GB';

/**
 * One thing the checker found. `start`/`end` are UTF-16 offsets into the body; a finding about
 * the whole note spans the whole body, and one about the subject or the send time spans 0..0.
 */
export interface Finding {
  rule: CheckRuleId;
  severity: Severity;
  message: string;
  start: number;
  end: number;
}

/** A spelling dictionary: the core only asks these two questions of it. */
export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

/** Everything the checker needs to know about a note and the world around it. */
export interface CheckInput {
  body: string;
  subject?: string;
  kind: MessageKind;
  /**
   * The person the note goes to, their name exactly as recorded. `emails` undefined means the
   * caller does not know them (the `no-address` rule then stays quiet); an empty list is an error.
   */
  recipient: { displayName: string; company: string | null; emails?: readonly string[] };
  /** The opportunity's company (the one the note should be about). */
  company: string;
  /** Every other company the user is talking to. */
  otherCompanies: string[];
  /** Everyone in the store (to recognise a greeting to the wrong person, and to skip names in spelling). */
  knownPeople: { displayName: string }[];
  /** Other notes drafted or sent to people at the same company. */
  otherNotes: { recipientName: string; body: string; subject?: string }[];
  /** The user's debrief notes about this recipient: memorable moments, topics, a problem they raised. */
  personalDetails: string[];
  /** The due time of the action the note fulfils, if any (a deadline: later is `late`). */
  due: Instant | null;
  /**
   * When the playbook's window for this note opens (a check-in's suggested day): sooner is
   * `too-early`. A check-in has no deadline, only this.
   */
  opensAt?: Instant | null;
  /** The user's IANA zone, to name the day a window opens (default UTC). */
  timeZone?: string;
  /** The account's language: dates in messages and the spelling dictionary (default en-US). */
  locale?: CheckLocale;
  /** Words the user wrote in their own debriefs and notes: never a spelling mistake. */
  userWords?: readonly string[];
  /** When the note would go out. */
  sendAt: Instant;
  /** Null skips the spelling rule (e.g. while the dictionary is still loading). */
  speller: Speller | null;
}
