/**
 * Time-zone names as calendars write them, mapped to IANA zones through CLDR's windowsZones data
 * (the `windows-iana` package) and the runtime's own tz database — never a hand-kept list:
 * - IANA names, also with a vendor prefix (`/mozilla.org/20050126_1/America/New_York`);
 * - Windows names (`Eastern Standard Time`);
 * - Windows display names (`(UTC-05:00) Eastern Time (US & Canada)`), matched by their offset
 *   and their words against the Windows names, territories and IANA city names of CLDR's data;
 * - words and abbreviations in prose ("all times Pacific", "10am PT").
 */
import { findIana, findIanaAliases, WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { isValidTimeZone, Temporal } from '../time';

export type ZoneSource = 'iana' | 'windows' | 'display-name';

export interface MappedZone {
  iana: string;
  how: ZoneSource;
}

interface WindowsZone {
  name: string;
  /** The zone CLDR lists first for territory 001: the canonical one. */
  primary: string;
  zones: string[];
  territories: Set<string>;
  nameWords: Set<string>;
  cityWords: Set<string>;
  /** Standard (non-DST) offset in minutes. */
  standardOffset: number | null;
}

const NOISE = new Set(['standard', 'time', 'and', 'the', 'of', 'utc', 'gmt', 'zone', 'daylight']);

const wordsOf = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[\s,()&/._+-]+/)
    .filter((w) => w.length >= 2 && !NOISE.has(w));

function offsetMinutes(zone: string, iso: string): number | null {
  try {
    return Temporal.Instant.from(iso).toZonedDateTimeISO(zone).offsetNanoseconds / 60e9;
  } catch {
    return null;
  }
}

// Fixed reference dates: Windows display names state the zone's standard offset, the smaller of
// its January and July offsets (southern zones have DST in January).
function standardOffsetOf(zone: string): number | null {
  const jan = offsetMinutes(zone, '2025-01-15T12:00:00Z');
  const jul = offsetMinutes(zone, '2025-07-15T12:00:00Z');
  if (jan === null || jul === null) return null;
  return Math.min(jan, jul);
}

let regionNames: Intl.DisplayNames | null | undefined;
function regionName(code: string): string | null {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code) ?? null;
  } catch {
    return null;
  }
}

let windowsIndex: WindowsZone[] | undefined;
function windowsZones(): WindowsZone[] {
  if (windowsIndex) return windowsIndex;
  const byName = new Map<string, WindowsZone>();
  for (const entry of WINDOWS_TO_IANA_MAP) {
    let z = byName.get(entry.windowsName);
    if (!z) {
      z = {
        name: entry.windowsName,
        primary: '',
        zones: [],
        territories: new Set(),
        nameWords: new Set(wordsOf(entry.windowsName)),
        cityWords: new Set(),
        standardOffset: null,
      };
      byName.set(entry.windowsName, z);
    }
    if (entry.territory === '001' && entry.iana[0]) z.primary = entry.iana[0];
    z.territories.add(entry.territory.toLowerCase());
    const region = regionName(entry.territory);
    if (region) for (const w of wordsOf(region)) z.territories.add(w);
    for (const iana of entry.iana) {
      z.zones.push(iana);
      // Aliases carry today's city names: Asia/Calcutta is also Asia/Kolkata.
      for (const alias of [iana, ...findIanaAliases(iana)]) {
        for (const w of wordsOf(alias.split('/').pop() ?? '')) z.cityWords.add(w);
      }
    }
  }
  windowsIndex = [...byName.values()].map((z) => {
    const primary = z.primary || z.zones[0] || '';
    return { ...z, primary, standardOffset: primary ? standardOffsetOf(primary) : null };
  });
  return windowsIndex;
}

/** `(UTC-05:00) Eastern Time (US & Canada)` or `(GMT+10:00) Canberra, Melbourne, Sydney`. */
function fromDisplayName(tzid: string): string | null {
  const m = /^\(\s*(?:UTC|GMT)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*\)\s*(.*)$/i.exec(tzid);
  if (!m) return null;
  const offset = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  const tokens = wordsOf(m[4] ?? '');
  if (tokens.length === 0) return null;
  let best: { zone: WindowsZone; score: number; extra: number } | null = null;
  for (const zone of windowsZones()) {
    if (zone.standardOffset !== offset) continue;
    let score = 0;
    for (const t of tokens) {
      if (zone.nameWords.has(t) || zone.territories.has(t) || zone.cityWords.has(t)) score++;
    }
    if (score === 0) continue;
    // Words of the Windows name the display name does not mention count against it:
    // "US Eastern" loses to "Eastern" for "Eastern Time (US & Canada)" when both match twice.
    const extra = [...zone.nameWords].filter((w) => !tokens.includes(w)).length;
    // Then the shorter Windows name, the general one: "Mountain" before "US Mountain".
    const better =
      !best ||
      score > best.score ||
      (score === best.score &&
        (extra < best.extra || (extra === best.extra && zone.nameWords.size < best.zone.nameWords.size)));
    if (better) {
      best = { zone, score, extra };
    }
  }
  return best?.zone.primary ?? null;
}

const cache = new Map<string, MappedZone | null>();

/**
 * Map a calendar's TZID to an IANA zone, or null when nothing in the tz database or CLDR's
 * Windows data matches it (the caller warns, naming the TZID).
 */
export function mapTimeZoneId(tzid: string): MappedZone | null {
  const key = tzid
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
  if (!key || key.length > 200) return null;
  if (cache.has(key)) return cache.get(key) ?? null;
  let result: MappedZone | null = null;
  // IANA names contain a slash (UTC and the like are accepted too); a vendor prefix such as
  // /mozilla.org/20050126_1/ is dropped.
  const iana = /([A-Za-z_]+\/[A-Za-z0-9_+-]+(?:\/[A-Za-z0-9_+-]+)?)$/.exec(key)?.[1];
  if (iana && isValidTimeZone(iana)) result = { iana, how: 'iana' };
  else if (/^(UTC|GMT|Etc\/\w+)$/i.test(key) && isValidTimeZone(key)) result = { iana: key, how: 'iana' };
  if (!result) {
    const windows = findIana(key).find(isValidTimeZone);
    if (windows) result = { iana: windows, how: 'windows' };
  }
  if (!result) {
    const display = fromDisplayName(key);
    if (display) result = { iana: display, how: 'display-name' };
  }
  if (cache.size < 1000) cache.set(key, result);
  return result;
}

let abbreviations: Map<string, string> | undefined;
/**
 * PST, PDT, PT, EST, ET... → IANA zone, built from the runtime's CLDR names of each Windows
 * zone's canonical IANA zone; where several zones share an abbreviation, a US one wins (en-US
 * names are what the runtime gives), then the first in CLDR's order.
 */
function abbreviationIndex(): Map<string, string> {
  if (abbreviations) return abbreviations;
  const index = new Map<string, { zone: string; us: boolean }>();
  for (const z of windowsZones()) {
    if (!z.primary) continue;
    for (const style of ['short', 'shortGeneric'] as const) {
      for (const iso of ['2025-01-15T12:00:00Z', '2025-07-15T12:00:00Z']) {
        let abbr: string | undefined;
        try {
          abbr = new Intl.DateTimeFormat('en-US', { timeZone: z.primary, timeZoneName: style })
            .formatToParts(new Date(iso))
            .find((p) => p.type === 'timeZoneName')?.value;
        } catch {
          abbr = undefined;
        }
        if (!abbr || /^GMT|^UTC|\s/.test(abbr)) continue;
        const us = z.territories.has('us');
        const seen = index.get(abbr);
        if (!seen || (us && !seen.us)) index.set(abbr, { zone: z.primary, us });
      }
    }
  }
  abbreviations = new Map([...index].map(([k, v]) => [k, v.zone]));
  return abbreviations;
}

/**
 * The zone a piece of prose names: an IANA name ("America/Chicago"), an abbreviation ("PT",
 * "CET"), or a word that makes a Windows zone name ("Pacific" → "Pacific Standard Time").
 */
export function zoneFromText(text: string): string | null {
  const iana = /\b([A-Z][a-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?)\b/.exec(text)?.[1];
  if (iana && isValidTimeZone(iana)) return iana;
  const abbr = abbreviationIndex();
  for (const m of text.matchAll(/\b([A-Z]{2,5})\b/g)) {
    const zone = abbr.get(m[1] ?? '');
    if (zone) return zone;
  }
  const tokens = text.match(/\p{Lu}[\p{L}.]*/gu) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    for (const n of [2, 1]) {
      const phrase = tokens.slice(i, i + n).join(' ');
      if (tokens.slice(i, i + n).length < n) continue;
      const zone = findIana(`${phrase} Standard Time`).find(isValidTimeZone);
      if (zone) return zone;
    }
  }
  return null;
}
