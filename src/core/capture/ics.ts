/**
 * Calendar invites (.ics) → interviews, interviewers and the coordinator. Every VEVENT becomes an
 * interview; attendees become interviewers with their names exactly as written; the organizer is
 * the coordinator; the user, rooms, resource calendars and shared mailboxes are left out.
 *
 * Times: ical.js reads the wall-clock time and the TZID, and this module decides the instant,
 * because ical.js reads a TZID it has no VTIMEZONE for as floating (the machine's zone). IANA
 * names use the runtime's tz database; Windows names and display names are mapped to IANA through
 * CLDR (zones.ts); a custom VTIMEZONE with a name nothing maps is used as the file defines it,
 * through an ical.js Timezone built from the block. That Timezone is kept local to this parse
 * rather than registered in ical.js's global TimezoneService, so two imports with different
 * definitions under one name cannot see each other's.
 */
import ICAL from 'ical.js';
import { AppError, invalid } from '../errors';
import { formatInstant, isValidTimeZone, Temporal } from '../time';
import type { ParticipantRole } from '../types';
import {
  type CaptureBundle,
  type CapturedContact,
  type CapturedInterview,
  emptyBundle,
  newContact,
} from './bundle';
import { cleanBundle } from './clean';
import { companyNameFor, domainOf, isPersonalDomain } from './company';
import { parseComponent, propertyLine, type RawComponent, readComponents } from './content-lines';
import { decodeText, unfoldLines } from './input';
import { meetingUrlIn } from './links';
import { addressOf, isAddressOnly, isResourceAddress, isSharedMailbox, looseKey, reorderName } from './names';
import { readSignature } from './signature';
import { mapTimeZoneId } from './zones';

export interface IcsOptions {
  /** The user's own addresses: they are the candidate, never an interviewer. */
  ownEmails?: readonly string[];
  /** The user's own name (the account's display name): an attendee so named is the user. */
  ownName?: string | null;
  /** The user's IANA zone: floating times, and times in a zone nothing maps, are read in it. */
  timeZone: string;
}

/** Most events one calendar import reads. */
export const MAX_EVENTS = 5_000;
/** Most attendees read per event; the rest are reported as skipped. */
export const MAX_ATTENDEES = 200;

interface ZoneInfo {
  /** The IANA zone to store with the interview. */
  iana: string | null;
  /** Whether the IANA zone came straight from the TZID (trusted over any VTIMEZONE block). */
  exact: boolean;
  /** The file's own definition, for names nothing maps or to check a mapping against. */
  block: ICAL.Timezone | null;
}

interface Person {
  email: string | null;
  name: string | null;
  written: string | null;
  role: ParticipantRole;
}

const PLACEHOLDER_LOCATION =
  /^(?:microsoft teams(?: meeting)?|teams(?: meeting)?|zoom(?: meeting)?|google meet|webex|online|virtual|video call|tbd|n\/a|phone|phone call)$/i;

class IcsReader {
  readonly bundle: CaptureBundle = emptyBundle('ics');
  private readonly own: Set<string>;
  private readonly zones = new Map<string, ZoneInfo>();
  private readonly blocks = new Map<string, ICAL.Component>();
  private readonly contactsByKey = new Map<string, CapturedContact>();
  private readonly opportunityByDomain = new Map<string, string>();
  private method = '';
  private calendarZone: string | null = null;

  constructor(private readonly options: IcsOptions) {
    this.own = new Set((options.ownEmails ?? []).map((e) => e.trim().toLowerCase()));
  }

  read(input: string | Uint8Array): CaptureBundle {
    const { text, warnings } = decodeText(input, 'calendar file');
    this.bundle.warnings.push(...warnings);
    const lines = unfoldLines(text, 'calendar file');
    const { roots, problems } = readComponents(lines);
    const calendar = roots.find((r) => r.name === 'VCALENDAR');
    if (!calendar) {
      const first = lines.find((l) => l.text.trim() !== '');
      throw invalid(
        `line ${first?.line ?? 1}: not a calendar file (no BEGIN:VCALENDAR).`,
        `line ${first?.line ?? 1}`,
      );
    }
    this.bundle.skipped.push(...problems);
    if (!calendar.complete) {
      this.bundle.warnings.push(
        'The calendar file ends without END:VCALENDAR (cut short?); read what was there.',
      );
    }
    for (const l of calendar.lines) {
      const m = /^([A-Z-]+)(?:;[^:]*)?:(.*)$/i.exec(l.text);
      const name = m?.[1]?.toUpperCase();
      if (name === 'METHOD') this.method = (m?.[2] ?? '').trim().toUpperCase();
      if (name === 'X-WR-TIMEZONE') {
        const zone = mapTimeZoneId(m?.[2] ?? '');
        if (zone) this.calendarZone = zone.iana;
      }
    }
    for (const child of calendar.children) {
      if (child.name !== 'VTIMEZONE') continue;
      const comp = parseComponent(child, 'icalendar', this.bundle.skipped, this.bundle.warnings);
      const tzid = comp?.getFirstPropertyValue('tzid');
      if (comp && typeof tzid === 'string') this.blocks.set(tzid.trim(), comp);
    }
    const events = calendar.children.filter((c) => c.name === 'VEVENT');
    if (events.length > MAX_EVENTS) {
      throw invalid(
        `The calendar file has ${events.length} events; at most ${MAX_EVENTS} are imported at once.`,
        'file',
      );
    }
    if (events.length === 0) this.bundle.warnings.push('The calendar file has no events.');
    for (const raw of events) {
      try {
        this.readEvent(raw);
      } catch (e) {
        // A safety net: anything ical.js or the zone code throws skips this event only.
        if (e instanceof AppError) throw e;
        this.bundle.skipped.push({
          line: raw.line,
          field: 'VEVENT',
          reason: `could not be read: ${e instanceof Error ? e.message.slice(0, 120) : String(e)}`,
        });
      }
    }
    return this.bundle;
  }

  private readEvent(raw: RawComponent): void {
    if (!raw.complete) {
      this.bundle.skipped.push({
        line: raw.line,
        field: 'VEVENT',
        reason: 'the file ends inside this event (cut short?)',
      });
      return;
    }
    const event = parseComponent(raw, 'icalendar', this.bundle.skipped, this.bundle.warnings);
    if (!event) return;
    const str = (name: string): string | null => {
      const v = event.getFirstPropertyValue(name);
      return typeof v === 'string' ? v : null;
    };
    // ical.js rolls an impossible date over (2026-12-40 reads as 2027-01-09): refuse the file
    // rather than save another day, as the CLI and API refuse impossible dates.
    for (const field of ['DTSTART', 'DTEND', 'RECURRENCE-ID'] as const) {
      const prop = event.getFirstProperty(field.toLowerCase());
      if (prop) refuseRollover(prop, raw, field);
    }
    const start = this.time(event.getFirstProperty('dtstart'), raw.line, 'DTSTART');
    if ('error' in start) {
      this.bundle.skipped.push({ line: raw.line, field: 'DTSTART', reason: start.error });
      return;
    }
    let end: Temporal.Instant;
    const dtend = event.getFirstProperty('dtend');
    const endTime = dtend ? this.time(dtend, raw.line, 'DTEND') : null;
    const duration = event.getFirstPropertyValue('duration');
    if (endTime && !('error' in endTime)) {
      end = endTime.instant;
      // As `interview add` refuses it: an end at or before the start is a mistake in the invite,
      // and inventing an end would save a time nobody gave.
      if (Temporal.Instant.compare(end, start.instant) <= 0) {
        const at = propertyLine(raw, 'DTEND');
        throw invalid(
          `line ${at?.line ?? raw.line}: DTEND ${at?.value ?? ''} is not after DTSTART ${propertyLine(raw, 'DTSTART')?.value ?? ''}; the interview must end after it starts.`,
          `line ${at?.line ?? raw.line}`,
        );
      }
    } else if (duration instanceof ICAL.Duration) {
      end = start.instant.add({ seconds: Math.max(0, Math.min(duration.toSeconds(), 7 * 86400)) });
    } else {
      end = start.instant.add({ hours: 1 });
      this.bundle.warnings.push(`line ${raw.line}: the event has no end time; assumed one hour.`);
    }
    if (Temporal.Instant.compare(end, start.instant) < 0) end = start.instant;

    const uidValue = str('uid')?.trim() || null;
    const recurrenceId = event.getFirstProperty('recurrence-id')?.getFirstValue();
    const uid = uidValue && recurrenceId ? `${uidValue}#${String(recurrenceId)}` : uidValue;
    const sequenceValue = event.getFirstPropertyValue('sequence');
    const sequence = typeof sequenceValue === 'number' && Number.isFinite(sequenceValue) ? sequenceValue : 0;
    const cancelled = this.method === 'CANCEL' || str('status')?.toUpperCase() === 'CANCELLED';
    if (event.hasProperty('rrule')) {
      this.bundle.warnings.push(
        `line ${raw.line}: a repeating event; only its first occurrence is imported.`,
      );
    }

    const summary = (str('summary') ?? '').trim();
    const description = str('description') ?? '';
    const locationText = (str('location') ?? '').trim();
    const meetingUrl = meetingUrlIn(
      str('x-google-conference'),
      str('x-microsoft-skypeteamsmeetingurl'),
      locationText,
      description,
    );
    const place = locationText && !PLACEHOLDER_LOCATION.test(locationText) && !/^https?:/i.test(locationText);
    const location = place ? locationText : (meetingUrl ?? (locationText || null));
    const format = place ? 'onsite' : meetingUrl ? 'video' : null;

    const people = this.people(event, raw.line, summary);
    const key = `event${this.bundle.interviews.length + 1}`;
    const domain = this.opportunityDomain(people);
    const texts = [summary, locationText, description];
    const opportunityKey = domain ? this.opportunity(domain, texts, description, raw.line) : null;
    const company = domain ? this.bundle.opportunities.find((o) => o.key === opportunityKey)?.company : null;

    const participants: CapturedInterview['participants'] = [];
    for (const p of people) {
      const contact = this.contact(p, raw, company ?? null, domain, description);
      if (!participants.some((q) => q.contactKey === contact.key)) {
        participants.push({ contactKey: contact.key, role: p.role });
      }
    }
    const opportunity = this.bundle.opportunities.find((o) => o.key === opportunityKey);
    const coordinator = participants.find((p) => p.role === 'coordinator');
    if (opportunity && coordinator && !opportunity.recruiterKey)
      opportunity.recruiterKey = coordinator.contactKey;

    this.bundle.interviews.push({
      key,
      uid,
      sequence,
      status: cancelled ? 'cancelled' : 'scheduled',
      round: roundFrom(summary, [company ?? '', opportunity?.role ?? '', ...this.selfNames]),
      start: formatInstant(start.instant),
      end: formatInstant(end),
      timeZone: start.zone,
      format,
      location,
      meetingUrl,
      participants,
      opportunityKey,
      line: raw.line,
    });
  }

  /** Names of attendees recognised as the user, to keep them out of the round's name. */
  private readonly selfNames = new Set<string>();

  /** Organizer and attendees, minus the user, rooms, resources and shared mailboxes. */
  private people(event: ICAL.Component, line: number, summary: string): Person[] {
    const out: Person[] = [];
    const organizer = event.getFirstProperty('organizer');
    const organizerEmail = organizer ? addressOf(String(organizer.getFirstValue() ?? '')) : null;
    const attendees = event.getAllProperties('attendee');
    if (attendees.length > MAX_ATTENDEES) {
      this.bundle.skipped.push({
        line,
        field: 'ATTENDEE',
        reason: `${attendees.length - MAX_ATTENDEES} attendees beyond the first ${MAX_ATTENDEES} were left out`,
      });
    }
    const candidates: Array<{ prop: ICAL.Property; role: ParticipantRole }> = [
      ...(organizer ? [{ prop: organizer, role: 'coordinator' as const }] : []),
      ...attendees.slice(0, MAX_ATTENDEES).map((prop) => ({ prop, role: 'interviewer' as const })),
    ];
    const ownNameKey = looseKey(this.options.ownName ?? '');
    const isOwn = (prop: ICAL.Property): boolean => {
      const e = addressOf(String(prop.getFirstValue() ?? ''));
      if (e !== null && this.own.has(e)) return true;
      const cn = prop.getParameter('cn');
      return ownNameKey.length >= 4 && typeof cn === 'string' && looseKey(cn) === ownNameKey;
    };
    const ownMatched = candidates.some((c) => isOwn(c.prop));
    const organizerDomain = organizerEmail ? domainOf(organizerEmail) : null;
    const summaryKey = looseKey(summary);
    // People attending from outside the organizer's company: the user is one of them.
    const outsiders = candidates.filter((c) => {
      if (c.role !== 'interviewer') return false;
      const e = addressOf(String(c.prop.getFirstValue() ?? ''));
      const cutype = String(c.prop.getParameter('cutype') ?? '').toUpperCase();
      if (!e || !organizerDomain || domainOf(e) === organizerDomain) return false;
      return !['ROOM', 'RESOURCE', 'GROUP'].includes(cutype) && !isResourceAddress(e);
    });
    let selfFound = ownMatched;
    for (const { prop, role } of candidates) {
      const value = String(prop.getFirstValue() ?? '');
      const email = addressOf(value);
      const cnParam = prop.getParameter('cn');
      const cn = typeof cnParam === 'string' ? cnParam.trim() : null;
      const cutype = String(prop.getParameter('cutype') ?? '').toUpperCase();
      const label = cn || email || value;
      if (isOwn(prop)) {
        this.selfNames.add(cn ?? '').add(email?.split('@')[0] ?? '');
        continue;
      }
      if (cutype === 'ROOM' || cutype === 'RESOURCE' || (email && isResourceAddress(email))) {
        this.bundle.skipped.push({
          line,
          field: 'ATTENDEE',
          reason: `${label} is a room or resource, not a person`,
        });
        continue;
      }
      if (cutype === 'GROUP' || isSharedMailbox(email, cn)) {
        this.bundle.skipped.push({
          line,
          field: 'ATTENDEE',
          reason: `${label} looks like a shared mailbox or list, not a person`,
        });
        continue;
      }
      if (!email && !cn) continue;
      // With no address of the user's in the invite, the attendee from outside the company
      // whose name is in the title is the candidate ("Alex Kim <> Northwind Labs").
      if (
        !ownMatched &&
        role === 'interviewer' &&
        email &&
        organizerDomain &&
        domainOf(email) !== organizerDomain
      ) {
        const nameKey = looseKey(cn && !isAddressOnly(cn) ? cn : (email.split('@')[0] ?? ''));
        if (nameKey.length >= 4 && summaryKey.includes(nameKey)) {
          this.selfNames.add(cn ?? '').add(email.split('@')[0] ?? '');
          this.warnOnce(
            `${cn && !isAddressOnly(cn) ? `${cn} <${email}>` : email} was taken to be you (named in the event title); add your own addresses with \`afterview config set me EMAIL\`.`,
          );
          selfFound = true;
          continue;
        }
        // The one attendee from outside the company of an invite the company sent is the
        // candidate: a panel's interviewers share the organizer's domain.
        if (outsiders.length === 1 && outsiders[0]?.prop === prop) {
          this.selfNames.add(cn ?? '').add(email.split('@')[0] ?? '');
          this.warnOnce(
            `${cn && !isAddressOnly(cn) ? `${cn} <${email}>` : email} was taken to be you (the only attendee from outside ${organizerDomain}); add your own addresses with \`afterview config set me EMAIL\`.`,
          );
          selfFound = true;
          continue;
        }
      }
      const named = cn && !isAddressOnly(cn) ? cn : null;
      const existing = out.find((p) => p.email !== null && p.email === email);
      if (existing) continue; // the organizer is often listed as an attendee too: coordinator wins
      out.push({ email, name: named ? reorderName(named) : null, written: named, role });
    }
    if (!selfFound && outsiders.length > 1) {
      const names = outsiders.map((o) => addressOf(String(o.prop.getFirstValue() ?? ''))).join(', ');
      this.warnOnce(
        `line ${line}: none of the attendees is known to be you (${names} are from outside ${organizerDomain}), so each is taken as an interviewer; add your own addresses with \`afterview config set me EMAIL\` and import again, or you will be asked to thank yourself.`,
      );
    }
    return out;
  }

  private warned = new Set<string>();
  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.bundle.warnings.push(message);
  }

  /** The company domain: the organizer's, else the most common attendee domain. */
  private opportunityDomain(people: Person[]): string | null {
    const counts = new Map<string, number>();
    for (const p of people) {
      if (!p.email) continue;
      const d = domainOf(p.email);
      if (isPersonalDomain(d)) continue;
      counts.set(d, (counts.get(d) ?? 0) + (p.role === 'coordinator' ? 100 : 1));
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }

  private opportunity(domain: string, texts: string[], description: string, line: number): string {
    const known = this.opportunityByDomain.get(domain);
    if (known) return known;
    const key = `company${this.bundle.opportunities.length + 1}`;
    const role = /\b(?:the|for)\s+(\p{Lu}[\p{L}\p{N}/&+. -]{1,60}?)\s+(?:role|position|opening)\b/u.exec(
      description,
    )?.[1];
    this.bundle.opportunities.push({
      key,
      company: companyNameFor(domain, texts),
      role: role?.trim() ?? null,
      stage: 'interviewing',
      domains: [domain],
      recruiterKey: null,
      appliedOn: null,
      links: [],
      notes: '',
      line,
    });
    this.opportunityByDomain.set(domain, key);
    return key;
  }

  private contact(
    p: Person,
    raw: RawComponent,
    company: string | null,
    domain: string | null,
    description: string,
  ): CapturedContact {
    const key = p.email ? `ics:${p.email}` : `ics:name:${looseKey(p.name ?? '')}`;
    let contact = this.contactsByKey.get(key);
    if (!contact) {
      contact = newContact(key, 'ics', `invite line ${raw.line}`, {
        displayName: p.name,
        nameAsWritten: p.written !== p.name ? p.written : null,
        company: p.email && domain && domainOf(p.email) === domain ? company : null,
        emails: p.email ? [p.email] : [],
      });
      if (!p.name) {
        this.bundle.warnings.push(
          `line ${raw.line}: ${p.email ?? 'an attendee'} has no name in the invite; add it before writing to them.`,
        );
      }
      this.contactsByKey.set(key, contact);
      this.bundle.contacts.push(contact);
    }
    // The recruiter's title and phone are often only in the invite's signature.
    if (p.role === 'coordinator' && p.name && !contact.title) {
      const lines = description.split(/\r?\n/);
      const at = lines.findIndex((l) => looseKey(l) !== '' && looseKey(l) === looseKey(p.name ?? ''));
      if (at >= 0) {
        const sig = readSignature(lines, at);
        contact.title = sig.title;
        contact.company ??= sig.company;
        if (sig.phone && !contact.phones.includes(sig.phone)) contact.phones.push(sig.phone);
      }
    }
    return contact;
  }

  /** The instant and IANA zone of a DTSTART/DTEND, or why it cannot be read. */
  private time(
    prop: ICAL.Property | null,
    line: number,
    field: string,
  ): { instant: Temporal.Instant; zone: string | null } | { error: string } {
    if (!prop) return { error: `the event has no ${field}` };
    const value = prop.getFirstValue();
    if (!(value instanceof ICAL.Time)) return { error: `${field} is not a date-time` };
    if (value.isDate) return { error: 'an all-day event, not an interview slot' };
    let wall: Temporal.PlainDateTime;
    try {
      wall = Temporal.PlainDateTime.from(
        {
          year: value.year,
          month: value.month,
          day: value.day,
          hour: value.hour,
          minute: value.minute,
          second: Math.min(value.second, 59),
        },
        { overflow: 'reject' },
      );
    } catch {
      return { error: `${field} is not a valid date-time` };
    }
    if (wall.year < 1970 || wall.year > 2200) return { error: `${field} year ${wall.year} is out of range` };
    const tzidParam = prop.getParameter('tzid');
    const tzid = typeof tzidParam === 'string' ? tzidParam.trim() : null;
    if (!tzid) {
      if (value.zone === ICAL.Timezone.utcTimezone) {
        return {
          instant: wall.toZonedDateTime('UTC').toInstant(),
          zone: this.calendarZone ?? this.options.timeZone,
        };
      }
      const zone = this.calendarZone ?? this.options.timeZone;
      return { instant: wall.toZonedDateTime(zone, { disambiguation: 'compatible' }).toInstant(), zone };
    }
    const info = this.zone(tzid, line);
    if (info.block && !info.exact) {
      const t = value.clone();
      t.zone = info.block;
      let fromBlock: Temporal.Instant | null = null;
      try {
        fromBlock = Temporal.Instant.fromEpochMilliseconds(Math.round(t.toUnixTime() * 1000));
      } catch {
        fromBlock = null;
      }
      if (fromBlock) {
        if (info.iana) {
          const mapped = wall.toZonedDateTime(info.iana, { disambiguation: 'compatible' }).toInstant();
          if (!mapped.equals(fromBlock)) {
            this.warnOnce(
              `TZID "${tzid}" was mapped to ${info.iana}, but the file's own definition differs at ${wall.toString()}; the file's definition was used.`,
            );
          }
        }
        return { instant: fromBlock, zone: info.iana };
      }
    }
    if (info.iana) {
      return {
        instant: wall.toZonedDateTime(info.iana, { disambiguation: 'compatible' }).toInstant(),
        zone: info.iana,
      };
    }
    return {
      instant: wall.toZonedDateTime(this.options.timeZone, { disambiguation: 'compatible' }).toInstant(),
      zone: null,
    };
  }

  private zone(tzid: string, line: number): ZoneInfo {
    const known = this.zones.get(tzid);
    if (known) return known;
    const mapped = mapTimeZoneId(tzid);
    const blockComp = this.blocks.get(tzid) ?? null;
    const block = blockComp ? safeTimezone(blockComp, tzid) : null;
    let iana = mapped?.iana ?? null;
    if (!iana && blockComp) {
      const location = blockComp.getFirstPropertyValue('x-lic-location');
      if (typeof location === 'string' && isValidTimeZone(location.trim())) iana = location.trim();
    }
    const info: ZoneInfo = { iana, exact: mapped?.how === 'iana', block };
    if (!iana && block) {
      this.warnOnce(
        `line ${line}: time zone "${tzid}" matches no known zone; times were read with the file's own definition of it, and the interview is shown in your zone.`,
      );
    } else if (!iana) {
      this.warnOnce(
        `line ${line}: time zone "${tzid}" could not be mapped to a known zone and has no definition in the file; its times were read in your zone (${this.options.timeZone}). Check them.`,
      );
    }
    this.zones.set(tzid, info);
    return info;
  }
}

/**
 * Throw, naming the line, when a date or date-time property names a day or time that does not
 * exist (month 13, December 40, 25:00). ical.js normalises such values when read, so the check is
 * on the value as parsed from the text, before normalising.
 */
function refuseRollover(prop: ICAL.Property, raw: RawComponent, field: string): void {
  const json: unknown[] = prop.toJSON();
  for (const value of json.slice(3)) {
    if (typeof value !== 'string') continue;
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(value);
    if (!m) continue;
    const [year, month, day, hour, minute, second] = m.slice(1).map((n) => Number(n ?? 0));
    let real = (hour ?? 0) <= 23 && (minute ?? 0) <= 59 && (second ?? 0) <= 60;
    try {
      Temporal.PlainDate.from({ year: year ?? 0, month: month ?? 0, day: day ?? 0 }, { overflow: 'reject' });
    } catch {
      real = false;
    }
    if (real) continue;
    const at = propertyLine(raw, field);
    throw invalid(
      `line ${at?.line ?? raw.line}: ${field} ${at?.value ?? value} is not a real date.`,
      `line ${at?.line ?? raw.line}`,
    );
  }
}

/**
 * An ical.js Timezone from a VTIMEZONE block, or null when the block could make ical.js expand
 * rules without end: only yearly rules and a bounded number of observances are accepted.
 */
function safeTimezone(comp: ICAL.Component, tzid: string): ICAL.Timezone | null {
  const parts = comp.getAllSubcomponents();
  if (parts.length === 0 || parts.length > 40) return null;
  for (const part of parts) {
    if (part.getAllProperties('rdate').length > 100) return null;
    for (const rule of part.getAllProperties('rrule')) {
      const r = rule.getFirstValue();
      if (!(r instanceof ICAL.Recur) || r.freq !== 'YEARLY') return null;
    }
    const start = part.getFirstPropertyValue('dtstart');
    if (!(start instanceof ICAL.Time) || start.year < 1000) return null;
  }
  try {
    return new ICAL.Timezone({ component: comp, tzid });
  } catch {
    return null;
  }
}

/**
 * The round's name from the event title: the title's parts ("Alex Kim <> Northwind Labs: System
 * Design", "Panel Interview - Jordan Bell - Data Analyst II") minus the company, the role and the
 * candidate's own name.
 */
export function roundFrom(summary: string, exclude: string[]): string {
  const drop = new Set(exclude.map(looseKey).filter(Boolean));
  const parts = summary
    .split(/\s+<>\s+|\s*:\s+|\s+[-–—|]\s+/)
    .map((p) => p.trim())
    .filter((p) => p && !drop.has(looseKey(p)));
  return parts.join(' - ') || summary || 'Interview';
}

/**
 * Read an .ics file into a bundle. Throws AppError('invalid-input') for input that is not a
 * calendar at all (naming the line) or is over the size limits; bad events are skipped and listed.
 */
export function parseIcs(input: string | Uint8Array, options: IcsOptions): CaptureBundle {
  return cleanBundle(new IcsReader(options).read(input));
}
