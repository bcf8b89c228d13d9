/**
 * Draft rendering: a LiquidJS template plus what Afterview knows about one recipient gives a
 * subject and a body. Templates are user-editable files, so the engine is locked down: no file
 * system (an empty in-memory template map serves include/render/layout), no JavaScript, and
 * limits on template size, render time and memory.
 */
import { Liquid } from 'liquidjs';
import { AppError } from '../errors';
import type { Temporal } from '../time';

/** What a draft template can use. Empty strings count as missing, so templates skip the sentence. */
export interface DraftData {
  recipient: {
    /** What the greeting uses: the first word of the recorded name ("Siobhán"). */
    firstName: string;
    /** The name exactly as recorded ("Siobhán O'Connell"). */
    fullName: string;
  };
  company: string;
  role: string;
  /** The interview round ("System design"), if known. */
  round: string | null;
  /** The interview day, already formatted in the user's zone ("Tuesday, December 8"). */
  interviewDate: string | null;
  /** The date the company said it would decide by, formatted, for check-ins. */
  decisionDate?: string | null;
  /** The user's debrief notes about this recipient. */
  notes: { memorable: string; topics: string; problem: string };
  /** What the user promised to send. */
  promises: string;
  /** What the user wishes they had said. */
  improve: string;
  /** The user's name and sign-off (the signature wins when both are set). */
  sender: { name: string | null; signature: string | null };
}

/** A rendered draft. */
export interface Draft {
  subject: string;
  body: string;
}

// Openers that read as the start of a sentence, lower-cased when the text is used mid-sentence.
const SENTENCE_OPENERS =
  /^(?:The|A|An|Her|His|Their|Your|Our|My|How|What|Why|When|Where|That|This|These|Those|Some|Any|One)\b/;

/** Trim a note the user typed for use inside a sentence: no final full stop, a lower-case opener. */
function clause(value: unknown): string {
  const text = String(value ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.;:,\s]+$/, '');
  return SENTENCE_OPENERS.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Make a note the user typed a sentence of its own: capitalised, with final punctuation. */
function sentence(value: unknown): string {
  const text = String(value ?? '')
    .trim()
    .replace(/\s+/g, ' ');
  if (!text) return '';
  const capped = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capped) ? capped : `${capped}.`;
}

/** Drop a leading phrase, ignoring case ("send the deck" | strip_prefix: "send " -> "the deck"). */
function stripPrefix(value: unknown, prefix: unknown): string {
  const text = String(value ?? '');
  const p = String(prefix ?? '');
  return p && text.toLowerCase().startsWith(p.toLowerCase()) ? text.slice(p.length) : text;
}

const engine = new Liquid({
  templates: {}, // in-memory and empty: {% include %} and friends can never reach the disk
  strictFilters: false,
  strictVariables: false,
  ownPropertyOnly: true,
  jsTruthy: false,
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
});
engine.registerFilter('clause', clause);
engine.registerFilter('sentence', sentence);
engine.registerFilter('strip_prefix', stripPrefix);

const present = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);

/** The names a template sees: snake_case, missing values as nil. */
function scopeOf(data: DraftData): Record<string, string | null> {
  return {
    first_name: present(data.recipient.firstName),
    full_name: present(data.recipient.fullName),
    company: present(data.company),
    role: present(data.role),
    round: present(data.round),
    interview_date: present(data.interviewDate),
    decision_date: present(data.decisionDate),
    memorable: present(data.notes.memorable),
    topics: present(data.notes.topics),
    problem: present(data.notes.problem),
    promises: present(data.promises),
    improve: present(data.improve),
    my_name: present(data.sender.name),
    signature: present(data.sender.signature),
  };
}

/** Tidy what skipped sentences leave behind: double spaces, trailing spaces, empty paragraphs. */
function tidy(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/^[ \t]+/gm, '')
    .replace(/([^\s])[ \t]{2,}/g, '$1 ')
    .replace(/ +([.,;:!?])/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Render `template` (LiquidJS; a first line `Subject: ...` gives the subject, the rest is the
 * body) with `data`. A broken template is an `invalid-input` error naming the line.
 */
export function renderDraft(template: string, data: DraftData): Draft {
  let output: string;
  try {
    output = String(engine.parseAndRenderSync(template, scopeOf(data)));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppError('invalid-input', `The draft template could not be rendered: ${detail}.`, 'template');
  }
  const text = output.replace(/\r\n/g, '\n').replace(/^\s*\n/, '');
  const match = /^[ \t]*Subject:[ \t]*(.*)(?:\n|$)/i.exec(text);
  const subject = match ? (match[1] ?? '').replace(/\s+/g, ' ').trim() : '';
  const body = match ? text.slice(match[0].length) : text;
  return { subject, body: tidy(body) };
}

/** The first word of a recorded name, for greetings ("Dr. Wen-Li Zhang" -> "Wen-Li"). */
export function firstNameOf(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const first = words.find((w) => !/^(?:mr|mrs|ms|mx|dr|prof)\.?$/i.test(w));
  return first ?? words[0] ?? '';
}

/** An interview day as drafts write it, in the user's zone: "Tuesday, December 8". */
export function formatDraftDate(instant: Temporal.Instant, timeZone: string): string {
  return instant
    .toZonedDateTimeISO(timeZone)
    .toLocaleString('en-US', { weekday: 'long', month: 'long', day: 'numeric' });
}
