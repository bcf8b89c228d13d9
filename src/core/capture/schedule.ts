/**
 * A recruiter's plain-text schedule email → one interview per time slot, its interviewers with
 * their titles, and the coordinator from the signature.
 *
 * Days and times are read by chrono-node ("Tuesday, December 8", "10:00 AM - 10:45 AM"), the
 * zone from the text ("all times Pacific", via CLDR's Windows names; see zones.ts). A weekday
 * with no date ("Thursday") is the next such day strictly after `now` in the user's zone.
 *
 * Decisions, so the planner asks for the right thank-you notes:
 * - two or more names on one line ("A, Title & B, Title") are a pair/panel interview;
 * - a meal, a tour or a meet-the-team block ("Lunch with X", "Office tour – Y") is not an
 *   interview: nothing is assessed there, so it asks for no debrief and no thank-you. Its hosts
 *   are kept as people of the company (met, worth remembering) and the block is listed as
 *   skipped, saying so;
 * - "Wrap-up with me" (or any "<activity> with me") is a slot with the coordinator — "me" is the
 *   person who signed the email;
 * - breaks ("Break", "Transition") are not interviews and are listed as skipped.
 */
import * as chrono from 'chrono-node';
import type { CountryCode } from 'libphonenumber-js';
import { invalid } from '../errors';
import { formatInstant, isValidTimeZone, Temporal } from '../time';
import type { Instant, ParticipantRole } from '../types';
import { type CaptureBundle, type CapturedContact, emptyBundle, newContact } from './bundle';
import { cleanBundle } from './clean';
import { companyNameFor, domainOf, isPersonalDomain } from './company';
import { decodeText, splitLines } from './input';
import { meetingUrlIn } from './links';
import { looseKey } from './names';
import { findPhones } from './phones';
import { emailIn, readSignature } from './signature';
import { zoneFromText } from './zones';

export interface ScheduleOptions {
  /** The moment the schedule is read: a weekday without a date is the next one after it. */
  now: Instant;
  /** The user's IANA zone, for "next Thursday" and when the text names no zone. */
  timeZone: string;
  /** Country for phone numbers written without a `+` prefix. */
  defaultCountry?: CountryCode;
}

/** Most lines a schedule may have: an email, not a book. */
export const MAX_SCHEDULE_LINES = 5_000;
const MAX_LINE_LENGTH = 400;

interface PersonSpec {
  name: string;
  title: string | null;
}

interface Slot {
  line: number;
  date: Temporal.PlainDate;
  start: Temporal.PlainTime;
  end: Temporal.PlainTime | null;
  round: string | null;
  people: PersonSpec[];
  role: ParticipantRole;
  withCoordinator: boolean;
  /** A meal, tour or meet-the-team block: its people are kept, it is not an interview. */
  social: boolean;
  /** The slot's text after the time, for messages. */
  text: string;
}

const SOCIAL =
  /^(?:(?:team\s+|working\s+|group\s+)?(?:lunch|dinner|breakfast|brunch|coffee|drinks|happy hour)|(?:office|campus|site|facility|facilities)\s+tour|tour|meet\s+(?:the|and\s+greet|&\s+greet)|meet-and-greet)\b/i;

const SIGN_OFF =
  /^(?:best|thanks|thank you|regards|kind regards|best regards|warm regards|cheers|warmly|sincerely|all the best|many thanks|talk soon)[,!.]?\s*$/i;
const PARTICLES = '(?:de|da|del|della|di|van|von|der|den|la|le|du|bin|al|dos|das|ter|ten)';
const NAME_WORD = `(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|${PARTICLES}(?=\\s))`;
const NAME = new RegExp(`^${NAME_WORD}(?:\\s+${NAME_WORD}){0,5}`, 'u');
const ME = /^(?:me|myself|us|the recruiting team)$/i;
const BREAK = /^(?:break|coffee break|short break|transition|buffer|travel|free time)\b/i;
const QUOTED = /^\s*(?:>\s?)+/;
const PEOPLE_LINE = /^[\s\-–—•*]*(?:interviewers?|panel(?:ists)?|with|attendees?|hosts?)\s*:\s*(.+)$/i;
const ACTIVITY_WITH = /^(.{2,40}?)\s+with\s+(.+)$/i;

// Words of a job title: a chunk made of them is someone's title, never a person.
const TITLE_WORD =
  /\b(?:staff|senior|sr|junior|jr|principal|distinguished|lead|head|chief|vp|svp|evp|avp|vice|president|director|manager|engineer|engineering|developer|designer|design|architect|scientist|analyst|researcher|recruiter|recruiting|coordinator|sourcer|partner|talent|people|hr|founder|co-founder|ceo|cto|cfo|coo|cpo|officer|product|program|project|software|data|platform|infrastructure|security|sales|marketing|operations|ops|finance|legal|counsel|intern|associate|specialist|consultant|advisor|member|technical|tech|team|owner|executive|administrator|assistant|ux|ui|qa|sre|devops|fellow|ii|iii|iv)s?\b/i;
// Words of a slot's label ("Panel:", "Onsite – Round 2:", "Technical Screen |"): never a person.
const LABEL_WORD =
  /\b(?:panel|onsite|on-site|round|interview|interviews|screen|screening|session|chat|call|loop|coding|system|design|behavioral|behavioural|culture|values|presentation|case|study|pairing|programming|whiteboard|assessment|exercise|debrief|wrap-up|intro|introduction|meet|greet|tour|conversation|discussion|deep|dive|q&a|lunch|coffee|virtual|video|phone|zoom|teams|hangout|break|tbd|tba|part|stage|step|final|technical|hiring)\b/i;
/** A one-word label on its own ("Panel", "Lunch", "TBD") or one with a number ("Round 2"). */
const labelOnly = (text: string): boolean =>
  /\d/.test(text) ||
  text
    .split(/[\s,&/+–—-]+/)
    .filter(Boolean)
    .every((w) => LABEL_WORD.test(w) || /^(?:and|of|the|with|\d+)$/i.test(w));

// Words no person's name has: a chunk with one of them names the slot ("Hiring Manager Interview").
const STRONG_LABEL =
  /\b(?:interviews?|panel|onsite|on-site|round|screen|screening|session|loop|lunch|break|debrief|wrap-up|presentation|assessment|exercise|whiteboard|behaviou?ral|coding|conversation|discussion|introduction|intro|q&a|tbd|tba|technical)\b/i;

/** Text that is a slot's label rather than a person ("Panel", "Round 2", "Hiring Manager Interview"). */
function isLabel(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 80) return false;
  return labelOnly(t) || STRONG_LABEL.test(t);
}

/** A job title on its own ("Staff Engineer", "VP Engineering"): title words, no name before them. */
function isTitleOnly(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  // Every word is a title word, a connector, or a department ("of Payments", "Engineering").
  return (
    TITLE_WORD.test(words[0] ?? '') &&
    words.every((w) => TITLE_WORD.test(w) || /^(?:of|and|&|for|the|,|-|–|—|\p{Lu}[\p{L}]*,?)$/u.test(w))
  );
}

/** A name and nothing else ("Ana Gómez"): for telling "A, B and C" from "Name, Title". */
function isBareName(text: string): boolean {
  const t = text.trim();
  const m = NAME.exec(t);
  return m?.[0] === t && t.includes(' ') && !TITLE_WORD.test(t) && !isLabel(t);
}

/** "Priya Raman, Engineering Manager (hiring manager)" → name, title, and the trailing note. */
function readPerson(chunk: string): { person: PersonSpec | null; note: string | null; rest: string } {
  const text = chunk.trim();
  const m = NAME.exec(text);
  if (!m) return { person: null, note: null, rest: text };
  // Drop trailing particles and punctuation that are not part of a name.
  const name = m[0].replace(/[\s.,-]+$/, '').trim();
  if (!name || isLabel(name) || isTitleOnly(name)) return { person: null, note: null, rest: text };
  let rest = text.slice(m[0].length).trim();
  let title: string | null = null;
  let note: string | null = null;
  if (rest.startsWith('(')) {
    const close = rest.indexOf(')');
    title = rest.slice(1, close < 0 ? undefined : close).trim() || null;
    rest = close < 0 ? '' : rest.slice(close + 1).trim();
  } else if (/^[,|:–—/-]/.test(rest)) {
    title = rest.replace(/^[,|:–—/-]+\s*/, '').trim() || null;
    rest = '';
  }
  if (title) {
    const paren = /\s*\(([^()]*)\)\s*$/.exec(title);
    if (paren && paren.index > 0) {
      note = paren[1]?.trim() || null;
      title = title.slice(0, paren.index).trim();
    }
  }
  return { person: { name, title }, note, rest };
}

/**
 * A leading label: "Panel: …", "Onsite – Round 2: …", "Technical Screen | …". Returns the label
 * and what follows it, or null when the text starts with a person.
 */
function leadingLabel(text: string): { label: string; rest: string } | null {
  // "Meet the team:", "Office tour –": a social block's name is a label too, or its first word
  // would be read as a person and the name after it lost.
  const labelled = (t: string) => isLabel(t) || SOCIAL.test(t.trim());
  const colon = /^([^:]{1,80}):(?:\s+|$)(.*)$/.exec(text);
  if (colon && labelled(colon[1] ?? ''))
    return { label: (colon[1] ?? '').trim(), rest: (colon[2] ?? '').trim() };
  const bar = /^(.{1,80}?)\s+(?:\||–|—|-)\s+(.*)$/.exec(text);
  if (bar && labelled(bar[1] ?? '') && !isBareName(bar[1] ?? '')) {
    return { label: (bar[1] ?? '').trim(), rest: (bar[2] ?? '').trim() };
  }
  return null;
}

/** The people of a slot's text ("A and B", "A & B", "A, B and C", "Name / Title", "A, Title & B, Title"). */
function readPeople(text: string): {
  people: PersonSpec[];
  note: string | null;
  me: boolean;
  round: string | null;
  topic: string | null;
} {
  const chunks = text
    .split(/\s+&\s+|\s+and\s+(?=\p{Lu})|\s*;\s*|\s+\+\s+/u)
    // "Ana Gómez, Ben Ito": names between commas, when every part is a bare name.
    .flatMap((chunk) => {
      const parts = chunk.split(/\s*,\s*/);
      return parts.length > 1 && parts.every(isBareName) ? parts : [chunk];
    })
    // "Name / Staff Engineer": a slash joins a name and a title; "A / B" two people.
    .flatMap((chunk) =>
      chunk.split(/\s+\/\s+/).map((part, i) => (i > 0 && isTitleOnly(part) ? `/ ${part}` : part)),
    );
  const people: PersonSpec[] = [];
  let note: string | null = null;
  let me = false;
  let round: string | null = null;
  let topic: string | null = null;
  for (const [i, raw] of chunks.entries()) {
    const chunk = raw.trim();
    if (ME.test(chunk)) {
      me = true;
      continue;
    }
    const previous = people[people.length - 1];
    // A title on its own belongs to the person before it: it is never a person.
    if (chunk.startsWith('/ ') || isTitleOnly(chunk)) {
      const title = chunk.replace(/^\/\s*/, '').trim();
      if (previous && !previous.title) previous.title = title;
      continue;
    }
    if (isLabel(chunk) && !/[,(]/.test(chunk)) {
      round ??= chunk;
      continue;
    }
    const read = readPerson(chunk);
    if (!read.person) continue;
    note ??= read.note;
    const last = i === chunks.length - 1;
    // A dash after the last person's title names the round: "Senior Engineer - System Design".
    if (last && read.person.title) {
      const dash = /\s+[-–—]\s+(?!.*\s[-–—]\s)/.exec(read.person.title);
      if (dash) {
        round ??= read.person.title.slice(dash.index + dash[0].length).trim() || null;
        read.person.title = read.person.title.slice(0, dash.index).trim() || null;
      }
    }
    // "A and B (Design)": brackets after a pair name what they talk about, not the last one's title.
    if (last && read.person.title && /\)\s*$/.test(chunk) && people.length > 0) {
      topic = read.person.title;
      read.person.title = null;
    }
    people.push(read.person);
  }
  return { people, note, me, round, topic };
}

/** The people and round of one slot's text. */
function readSlotBody(
  body: string,
): Pick<Slot, 'round' | 'people' | 'role' | 'withCoordinator' | 'social'> | null {
  let text = body.replace(/^[\s\-–—:|•*]+/, '').trim();
  if (!text || BREAK.test(text)) return null;
  let round: string | null = null;
  const role: ParticipantRole = 'interviewer';
  const label = leadingLabel(text);
  if (label) {
    round = label.label.replace(/[\s:|–—-]+$/, '');
    text = label.rest;
  }
  let peopleText = text;
  const activity = ACTIVITY_WITH.exec(text);
  if (activity && !NAME.exec(activity[1] ?? '')?.[0]?.includes(' ')) {
    round ??= (activity[1] ?? '').trim();
    peopleText = (activity[2] ?? '').trim();
    if (ME.test(peopleText.replace(/[.!]$/, ''))) {
      return { round, people: [], role, withCoordinator: true, social: SOCIAL.test(round) };
    }
  } else if (!label && /^(?:lunch|dinner|coffee)\b/i.test(text) && !/\bwith\b/i.test(text)) {
    // "Lunch" with nobody named is a break, not a conversation to thank anyone for.
    return null;
  }
  const read = readPeople(peopleText);
  if (read.topic) round = round ? `${round} (${read.topic})` : read.topic;
  round ??= read.round ?? read.note;
  if (read.people.length === 0 && !read.me) round ??= text || null;
  if (!round && !label && read.people.length === 0 && !read.me) return null;
  const social = SOCIAL.test(round ?? '') || SOCIAL.test(text);
  return { round, people: read.people, role, withCoordinator: read.me, social };
}

interface DayResult {
  date: Temporal.PlainDate;
}

/** The calendar day a chrono result names: a full date, or the next such weekday after now. */
function dayOf(result: chrono.ParsedResult, today: Temporal.PlainDate): DayResult | null {
  const s = result.start;
  if (s.isCertain('day') && s.isCertain('month')) {
    const month = s.get('month') ?? 0;
    const day = s.get('day') ?? 0;
    let year = s.isCertain('year') ? (s.get('year') ?? today.year) : today.year;
    try {
      let date = Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
      if (!s.isCertain('year') && Temporal.PlainDate.compare(date, today) < 0) {
        year += 1;
        date = Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
      }
      return { date };
    } catch {
      return null;
    }
  }
  if (s.isCertain('weekday')) {
    const weekday = s.get('weekday') ?? 0; // chrono: 0 = Sunday
    const target = weekday === 0 ? 7 : weekday;
    const ahead = (target - today.dayOfWeek + 7) % 7 || 7;
    return { date: today.add({ days: ahead }) };
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH_WORD =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?';
const DATE_FORMS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Array<[number, number, number]> }> = [
  // "December 40", "December 40, 2026"
  {
    re: new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'gi'),
    read: (m) => [[Number(m[3] ?? 2028), monthNumber(m[1]), Number(m[2])]],
  },
  // "40 December 2026"
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}(?:,?\\s+(\\d{4}))?`, 'gi'),
    read: (m) => [[Number(m[3] ?? 2028), monthNumber(m[2]), Number(m[1])]],
  },
  // "2026-12-40"
  { re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, read: (m) => [[Number(m[1]), Number(m[2]), Number(m[3])]] },
  // "12/40/2026": either order may be meant, so it is impossible only when both are
  {
    re: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g,
    read: (m) => [
      [Number(m[3]), Number(m[1]), Number(m[2])],
      [Number(m[3]), Number(m[2]), Number(m[1])],
    ],
  },
];

function monthNumber(word: string | undefined): number {
  return MONTHS.indexOf((word ?? '').slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

function isRealDate([year, month, day]: [number, number, number]): boolean {
  try {
    Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A date in the line that does not exist ("Monday, December 32", "2/30/2027"), as written.
 * chrono-node passes over such dates, so the slots under them would silently take another day
 * (the weekday alone, or the day before); a year left out is read as a leap year, so 29 February
 * is never refused for it.
 */
export function impossibleDateIn(line: string): string | null {
  for (const form of DATE_FORMS) {
    for (const m of line.matchAll(form.re)) {
      if (!form.read(m).some(isRealDate)) return m[0].trim();
    }
  }
  return null;
}

const timeOf = (c: chrono.ParsedComponents): Temporal.PlainTime | null => {
  try {
    return Temporal.PlainTime.from(
      { hour: c.get('hour') ?? 0, minute: c.get('minute') ?? 0 },
      { overflow: 'reject' },
    );
  } catch {
    return null;
  }
};

/**
 * Read a schedule email into a bundle: one interview per slot, the people in it, and the
 * coordinator from the signature. Throws AppError('invalid-input') when no slot can be found.
 */
export function parseSchedule(input: string | Uint8Array, options: ScheduleOptions): CaptureBundle {
  return cleanBundle(readSchedule(input, options));
}

function readSchedule(input: string | Uint8Array, options: ScheduleOptions): CaptureBundle {
  const { text, warnings } = decodeText(input, 'schedule');
  const bundle = emptyBundle('schedule');
  bundle.warnings.push(...warnings);
  // A forwarded or replied-to email quotes the schedule with "> " before each line.
  const lines = splitLines(text, 'schedule').map((l) => ({ ...l, text: l.text.replace(QUOTED, '') }));
  if (lines.length > MAX_SCHEDULE_LINES) {
    throw invalid(`The schedule has ${lines.length} lines; at most ${MAX_SCHEDULE_LINES} are read.`, 'file');
  }
  if (!isValidTimeZone(options.timeZone))
    throw invalid(`Unknown time zone "${options.timeZone}".`, 'timeZone');
  const now = Temporal.Instant.from(options.now);
  const userNow = now.toZonedDateTimeISO(options.timeZone);
  const today = userNow.toPlainDate();
  const reference = { instant: new Date(now.epochMilliseconds), timezone: userNow.offsetNanoseconds / 60e9 };

  let zone: string | null = null;
  let day: Temporal.PlainDate | null = null;
  const slots: Slot[] = [];
  let lastSlotIndex = -1;
  for (const [index, l] of lines.entries()) {
    const line = l.text.trim();
    if (!line || line.length > MAX_LINE_LENGTH) continue;
    // "Interviewers: A, B" under a slot's line: the slot's people.
    const more = PEOPLE_LINE.exec(line);
    const previous = slots[slots.length - 1];
    if (more && previous && lastSlotIndex === index - 1) {
      const read = readPeople(more[1] ?? '');
      previous.people.push(...read.people);
      previous.withCoordinator ||= read.me;
      lastSlotIndex = index;
      continue;
    }
    const impossible = impossibleDateIn(line);
    if (impossible) {
      throw invalid(`line ${l.line}: "${impossible}" is not a real date.`, `line ${l.line}`);
    }
    const results = chrono.parse(line, reference, { forwardDate: true });
    if (/\b(?:time|times|timezone|zone)\b/i.test(line) && !zone) zone = zoneFromText(line);
    for (const r of results) {
      const d = dayOf(r, today);
      if (d) {
        day = d.date;
        zone ??= zoneFromText(line);
      }
    }
    const first = results[0];
    const lead = first ? line.slice(0, first.index).replace(/[\s\-–—•*]/g, '') : 'x';
    if (!first || lead !== '' || !first.start.isCertain('hour')) continue;
    const start = timeOf(first.start);
    if (!start) continue;
    const body = line.slice(first.index + first.text.length);
    const slot = readSlotBody(body);
    if (!slot) {
      bundle.skipped.push({
        line: l.line,
        reason: `"${body
          .replace(/^[\s\-–—:|•*]+/, '')
          .trim()
          .slice(0, 60)}" is a break, not an interview`,
      });
      continue;
    }
    if (!day) {
      bundle.skipped.push({ line: l.line, reason: 'a time slot before any day was named' });
      continue;
    }
    zone ??= zoneFromText(first.text);
    slots.push({
      line: l.line,
      date: day,
      start,
      end: first.end ? timeOf(first.end) : null,
      text: body
        .replace(/^[\s\-–—:|•*]+/, '')
        .trim()
        .slice(0, 60),
      ...slot,
    });
    lastSlotIndex = index;
  }
  if (slots.length === 0) {
    throw invalid(
      'No time slots found: expected lines like "10:00 AM - 10:45 AM  Name, Title" after a day.',
      'text',
    );
  }
  if (!zone) {
    zone = options.timeZone;
    bundle.warnings.push(`The schedule names no time zone; its times were read in your zone (${zone}).`);
  }

  // The coordinator: the name under the sign-off, the details in the signature and the text.
  const rawLines = lines.map((l) => l.text);
  const after = rawLines.slice(lastSlotIndex + 1);
  const signOff = after.findIndex((l) => SIGN_OFF.test(l.trim()));
  let nameIndex = -1;
  if (signOff >= 0) {
    for (let i = signOff + 1; i < after.length; i++) {
      if ((after[i] ?? '').trim()) {
        nameIndex = i;
        break;
      }
    }
  }
  const signed = nameIndex >= 0 ? (after[nameIndex] ?? '').trim() : '';
  const coordinatorName = signed && NAME.exec(signed)?.[0] === signed && !/\d|@/.test(signed) ? signed : null;
  const sig =
    nameIndex >= 0
      ? readSignature(after, nameIndex)
      : { title: null, company: null, email: null, phone: null };
  const prose = after.join('\n');
  // A forwarded email names the sender's address in its header: "From: Dana Whitfield <dana@…>".
  const fromHeader = coordinatorName
    ? rawLines
        .map((l) => /^\s*from:\s*(.+?)\s*<([^<>\s]+@[^<>\s]+)>/i.exec(l))
        .find((m) => m && looseKey(m[1] ?? '') === looseKey(coordinatorName))?.[2]
    : undefined;
  const email = sig.email ?? emailIn(prose) ?? (fromHeader ? emailIn(fromHeader) : null);
  const phone = sig.phone ?? findPhones(prose, options.defaultCountry)[0]?.number ?? null;
  const domain = email && !isPersonalDomain(domainOf(email)) ? domainOf(email) : null;
  const company = sig.company ?? (domain ? companyNameFor(domain, [text]) : null);

  let coordinator: CapturedContact | null = null;
  if (coordinatorName || email) {
    coordinator = newContact('schedule:coordinator', 'schedule', `schedule signature`, {
      displayName: coordinatorName,
      title: sig.title,
      company,
      emails: email ? [email] : [],
      phones: phone ? [phone] : [],
    });
    if (!coordinatorName) bundle.warnings.push(`The schedule's signature has no name for ${email}.`);
    bundle.contacts.push(coordinator);
  } else if (slots.some((s) => s.withCoordinator)) {
    bundle.warnings.push('A slot is "with me", but the email has no signature saying who "me" is.');
  }

  const opportunityKey = company ? 'company1' : null;
  if (company) {
    bundle.opportunities.push({
      key: 'company1',
      company,
      role: null,
      stage: 'interviewing',
      domains: domain ? [domain] : [],
      recruiterKey: coordinator?.key ?? null,
      appliedOn: null,
      links: [],
      notes: '',
      line: null,
    });
  }

  const meetingUrl = meetingUrlIn(text);
  const onsite = /\bon-?site\b|front desk|when you arrive|\blobby\b/i.test(text);
  const byName = new Map<string, CapturedContact>();
  for (const [i, slot] of slots.entries()) {
    const participants: CaptureBundle['interviews'][number]['participants'] = [];
    for (const p of slot.people) {
      const key = looseKey(p.name);
      let contact = byName.get(key);
      if (!contact) {
        contact = newContact(`schedule:${key}`, 'schedule', `schedule line ${slot.line}`, {
          displayName: p.name,
          title: p.title,
          company,
        });
        byName.set(key, contact);
        bundle.contacts.push(contact);
      } else if (!contact.title && p.title) contact.title = p.title;
      if (!participants.some((q) => q.contactKey === contact.key)) {
        participants.push({ contactKey: contact.key, role: slot.role });
      }
    }
    if (slot.social) {
      const names = slot.people.map((p) => p.name).join(', ');
      bundle.skipped.push({
        line: slot.line,
        reason: `"${slot.text}" is ${/tour|meet/i.test(slot.round ?? slot.text) ? 'a visit' : 'a meal'}, not an interview${names ? `: ${names} kept in your people, with no debrief or thank-you asked for it` : ''}`,
      });
      continue;
    }
    if (coordinator) participants.push({ contactKey: coordinator.key, role: 'coordinator' });
    const startAt = slot.date
      .toPlainDateTime(slot.start)
      .toZonedDateTime(zone, { disambiguation: 'compatible' });
    const next = slots[i + 1];
    let endAt = slot.end
      ? slot.date.toPlainDateTime(slot.end).toZonedDateTime(zone, { disambiguation: 'compatible' })
      : next?.date.equals(slot.date)
        ? next.date.toPlainDateTime(next.start).toZonedDateTime(zone, { disambiguation: 'compatible' })
        : startAt.add({ minutes: 45 });
    if (!slot.end)
      bundle.warnings.push(
        `line ${slot.line}: the slot has no end time; it was taken to end at ${endAt.toPlainTime().toString({ smallestUnit: 'minute' })}.`,
      );
    if (Temporal.ZonedDateTime.compare(endAt, startAt) <= 0) endAt = startAt.add({ minutes: 45 });
    bundle.interviews.push({
      key: `slot${i + 1}`,
      uid: null,
      sequence: 0,
      status: 'scheduled',
      round: slot.round ?? (slot.people.length > 1 ? 'Panel interview' : 'Interview'),
      start: formatInstant(startAt.toInstant()),
      end: formatInstant(endAt.toInstant()),
      timeZone: zone,
      format: meetingUrl ? 'video' : onsite ? 'onsite' : null,
      location: meetingUrl,
      meetingUrl,
      participants,
      opportunityKey,
      line: slot.line,
    });
  }
  return bundle;
}
