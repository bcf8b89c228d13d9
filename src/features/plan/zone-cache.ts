/**
 * A file cache of the user's zone offsets, so `afterview today` plans without creating an
 * `Intl.DateTimeFormat`: the first Intl object of a process loads ICU's data, about 20 ms of CPU
 * and several MB of memory on every run, to answer the same few weeks of offsets as last time.
 *
 * Entries are the planner's own week records (`ZoneWeek`, src/core/business-days.ts), computed
 * from Intl and stamped with the time-zone database version of the runtime that computed them
 * (`process.versions.tz`): a Node upgrade with new zone rules recomputes. A cache must never break
 * the command it speeds up: an unreadable, corrupt or unwritable file counts as empty.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { teachZoneWeeks, type ZoneWeek, zoneWeeks } from '../../core/business-days';

/** More weeks than a long job hunt touches (20 years); past it the file is left as it is. */
const MAX_WEEKS = 1040;

/**
 * Run `work` with `zone`'s offsets read from the cache file at `path`, and store the weeks it
 * had to compute when there were any.
 */
export async function withZoneCache<T>(path: string, zone: string, work: () => Promise<T>): Promise<T> {
  const tz = process.versions.tz ?? '';
  if (tz !== '') teachZoneWeeks(zone, readWeeks(path, tz, zone));
  const known = zoneWeeks(zone).length;
  const result = await work();
  const weeks = zoneWeeks(zone);
  if (tz !== '' && weeks.length > known && weeks.length <= MAX_WEEKS) writeWeeks(path, tz, zone, weeks);
  return result;
}

function readWeeks(path: string, tz: string, zone: string): ZoneWeek[] {
  try {
    const doc: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!isRecord(doc) || doc.tz !== tz || doc.zone !== zone || !Array.isArray(doc.weeks)) return [];
    // Each entry is checked again by teachZoneWeeks (a week of offsets that cannot be is ignored).
    return doc.weeks.filter(
      (w): w is ZoneWeek => Array.isArray(w) && w.length === 4 && w.every((n) => typeof n === 'number'),
    );
  } catch {
    return []; // no cache yet, or a damaged one: compute afresh
  }
}

function writeWeeks(path: string, tz: string, zone: string, weeks: ZoneWeek[]): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ tz, zone, weeks }));
    renameSync(tmp, path);
  } catch {
    // A read-only data dir only costs speed.
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
