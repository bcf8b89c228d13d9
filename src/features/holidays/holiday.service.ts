/**
 * Public holidays of the user's region, from the date-holidays package, as the `YYYY-MM-DD` set
 * the planner's business-day arithmetic skips.
 *
 * Only `public` and `bank` holidays count as days off: optional days and observances (US
 * Christmas Eve, Halloween) are working days. The date is the holiday's own local date
 * (`h.date`), never `h.start`, which is an instant in the region's zone and can fall on the day
 * before in the user's.
 *
 * date-holidays ships every country's rules (several MB): it is imported on first use only, so
 * commands that never count business days do not pay for it, and results are memoised per
 * region and year for the life of the process.
 */
import type HolidaysClass from 'date-holidays';
import type { HolidayCacheStore } from './holiday-cache';

type HolidaysCtor = typeof HolidaysClass;

const COUNTED_TYPES = new Set(['public', 'bank']);

let modulePromise: Promise<HolidaysCtor> | undefined;
const yearCache = new Map<string, string[]>();
const instanceCache = new Map<string, InstanceType<HolidaysCtor>>();
let persistent: { store: HolidayCacheStore; loaded: boolean } | undefined;

/**
 * Keep computed dates between processes too (the CLI passes a file in the data dir), so a warm
 * `afterview today` never loads date-holidays at all.
 */
export function setPersistentHolidayCache(store: HolidayCacheStore | undefined): void {
  persistent = store ? { store, loaded: false } : undefined;
}

function loadHolidays(): Promise<HolidaysCtor> {
  modulePromise ??= import('date-holidays').then((m) => m.default);
  return modulePromise;
}

/** `US-CA` → `['US', 'CA']`; `gb-eng` → `['GB', 'ENG']`; at most country, state, region. */
function regionParts(region: string): string[] {
  return region
    .trim()
    .split('-')
    .map((p) => p.toUpperCase());
}

/** The canonical spelling of a region code (`de-by` → `DE-BY`), for storing what the user typed. */
export const normalizeRegion = (region: string): string => regionParts(region).join('-');

async function instanceFor(region: string): Promise<InstanceType<HolidaysCtor>> {
  const key = normalizeRegion(region);
  const cached = instanceCache.get(key);
  if (cached) return cached;
  if (!(await isKnownRegion(key))) throw new Error(`Unknown holiday region ${region}.`);
  const Holidays = await loadHolidays();
  const [country, state, sub] = regionParts(key) as [string, string?, string?];
  const h = sub
    ? new Holidays(country, state ?? '', sub)
    : state
      ? new Holidays(country, state)
      : new Holidays(country);
  instanceCache.set(key, h);
  return h;
}

/**
 * True when date-holidays knows `region`: a country (`US`), a country and state (`US-CA`,
 * `GB-ENG`, `DE-BY`) or a country, state and region, in any letter case.
 */
export async function isKnownRegion(region: string): Promise<boolean> {
  const parts = regionParts(region);
  if (parts.length < 1 || parts.length > 3 || parts.some((p) => !/^[A-Z0-9]+$/.test(p))) return false;
  const Holidays = await loadHolidays();
  const hd = new Holidays();
  const [country, state, sub] = parts as [string, string?, string?];
  if (!(country in (hd.getCountries() ?? {}))) return false;
  if (state === undefined) return true;
  if (!(state in (hd.getStates(country) ?? {}))) return false;
  if (sub === undefined) return true;
  return sub in (hd.getRegions(country, state) ?? {});
}

/**
 * The days off (`YYYY-MM-DD`, sorted, unique) of `region` in each of `years`: holidays of type
 * `public` or `bank`. `null` (no region configured) means weekends only: `[]`.
 * @throws Error for a region date-holidays does not know (check with `isKnownRegion` first).
 */
export async function holidayDates(region: string | null, years: number[]): Promise<string[]> {
  if (region === null || region.trim() === '') return [];
  const key = normalizeRegion(region);
  const dates = new Set<string>();
  if (persistent && !persistent.loaded) {
    persistent.loaded = true;
    for (const [k, v] of persistent.store.read()) if (!yearCache.has(k)) yearCache.set(k, v);
  }
  let computed = false;
  for (const year of new Set(years)) {
    const cacheKey = `${key}:${year}`;
    let yearDates = yearCache.get(cacheKey);
    if (!yearDates) {
      computed = true;
      const h = await instanceFor(key);
      yearDates = h
        .getHolidays(year)
        .filter((d) => COUNTED_TYPES.has(d.type))
        .map((d) => d.date.slice(0, 10));
      yearCache.set(cacheKey, yearDates);
    }
    for (const d of yearDates) dates.add(d);
  }
  if (computed) persistent?.store.write(yearCache);
  return [...dates].sort();
}
