/**
 * What an imported file was understood to say, before anything is saved. Every capture parser
 * (invite, schedule email, vCard, CSV, card photo) returns one of these; the import feature shows
 * it to the user and saves it in one transaction. Nothing here has an id from the database:
 * interviews point at people and opportunities through local keys.
 */
import type { Instant, ParticipantRole, PlainDate, Stage } from '../types';

export type CaptureSource = 'ics' | 'vcard' | 'schedule' | 'csv' | 'card';

/** A person as the file wrote them. */
export interface CapturedContact {
  /** Local key, unique within the bundle; interviews and opportunities refer to it. */
  key: string;
  /** The name exactly as they spell it ("Last, First" turned around); null when the file gave none. */
  displayName: string | null;
  /** The name as it appeared in the file, when it differs from `displayName` ("Okafor, Chinedu"). */
  nameAsWritten: string | null;
  title: string | null;
  company: string | null;
  /** Lower-cased addresses. */
  emails: string[];
  /** E.164 when the number could be read (`+14155550199`), else as written. */
  phones: string[];
  links: string[];
  notes: string;
  source: CaptureSource;
  /** Where in the file this person came from ("line 12", "event <uid>"), for provenance. */
  origin: string;
  /**
   * The line of each detail when it is not the origin's line (a vCard's FN three lines below its
   * BEGIN), so a message about the value names the line it is on.
   */
  fieldLines?: Partial<Record<ContactDetail, number>>;
}

export type ContactDetail = 'name' | 'title' | 'company' | 'notes';

export interface CapturedParticipant {
  contactKey: string;
  role: ParticipantRole;
}

/** One interview slot: an invite's event, a schedule line. */
export interface CapturedInterview {
  key: string;
  /** The invite's UID, to update the same interview when a newer invite arrives. */
  uid: string | null;
  /** The invite's SEQUENCE: a higher one replaces what was saved before. */
  sequence: number;
  status: 'scheduled' | 'cancelled';
  round: string;
  start: Instant;
  end: Instant;
  /** IANA zone the interview was scheduled in; null when the file named none that could be mapped. */
  timeZone: string | null;
  format: 'onsite' | 'video' | 'phone' | null;
  location: string | null;
  /** The Zoom / Teams / Meet / Webex link, when there is one. */
  meetingUrl: string | null;
  participants: CapturedParticipant[];
  opportunityKey: string | null;
  /** First line of the event or slot in the file. */
  line: number;
}

/** A company and role the file suggests; the import matches it to an existing one or creates it. */
export interface CapturedOpportunity {
  key: string;
  company: string;
  role: string | null;
  stage: Stage | null;
  /** Email domains seen for this company (`northwind-labs.example`). */
  domains: string[];
  /** The contact key of the recruiter / coordinator, when known. */
  recruiterKey: string | null;
  appliedOn: PlainDate | null;
  links: string[];
  notes: string;
  line: number | null;
}

/** An entry or field that was left out, and why. */
export interface SkippedEntry {
  line?: number;
  field?: string;
  reason: string;
}

/**
 * A skipped entry as a sentence: "Line 3: Applied "2026-13-45" is not a date." The column is
 * named when the reason quotes its value; the web preview and the CLI say it the same way.
 */
export function skippedSentence(s: SkippedEntry): string {
  const text = s.field && /^["“]/.test(s.reason) ? `${s.field} ${s.reason}` : s.reason;
  const sentence = `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
  return s.line !== undefined ? `Line ${s.line}: ${sentence}` : sentence;
}

export interface CaptureBundle {
  source: CaptureSource;
  contacts: CapturedContact[];
  interviews: CapturedInterview[];
  opportunities: CapturedOpportunity[];
  skipped: SkippedEntry[];
  warnings: string[];
}

/** An empty bundle to fill. */
export const emptyBundle = (source: CaptureSource): CaptureBundle => ({
  source,
  contacts: [],
  interviews: [],
  opportunities: [],
  skipped: [],
  warnings: [],
});

/** A contact with every optional detail empty. */
export function newContact(
  key: string,
  source: CaptureSource,
  origin: string,
  fields: Partial<Omit<CapturedContact, 'key' | 'source' | 'origin'>> = {},
): CapturedContact {
  return {
    key,
    displayName: null,
    nameAsWritten: null,
    title: null,
    company: null,
    emails: [],
    phones: [],
    links: [],
    notes: '',
    ...fields,
    source,
    origin,
  };
}
