import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { epochDayOf, zoneClock, zoneWeeks } from '../../core/business-days';
import { withZoneCache } from './zone-cache';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'afterview-zones-'));
  dirs.push(dir);
  return join(dir, 'cache', 'zone-offsets.json');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const WEEK_MS = 7 * 86_400_000;
const noonOn = (zone: string, date: string) => zoneClock(zone).atLocal(epochDayOf(date), 12 * 60);

describe('zone offset cache', () => {
  it('stores the weeks a run computed, stamped with the runtime tz database version', async () => {
    const file = tempFile();
    const noon = await withZoneCache(file, 'Asia/Tokyo', async () => noonOn('Asia/Tokyo', '2026-12-08'));
    expect(noon).toBe(Date.UTC(2026, 11, 8, 3, 0));
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.tz).toBe(process.versions.tz);
    expect(saved.zone).toBe('Asia/Tokyo');
    expect(saved.weeks).toEqual(zoneWeeks('Asia/Tokyo'));
    expect(saved.weeks.length).toBeGreaterThan(0);
  });

  it('answers from the file: a week read from it is not computed again', async () => {
    const file = tempFile();
    const week = Math.floor(Date.UTC(2031, 0, 15) / WEEK_MS);
    // A made-up offset (+2 h) for a week of a zone that is really UTC+8: the clock must use it.
    const taught = [week, 7_200_000, 7_200_000, (week + 1) * WEEK_MS];
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, JSON.stringify({ tz: process.versions.tz, zone: 'Asia/Shanghai', weeks: [taught] }));
    const day = await withZoneCache(file, 'Asia/Shanghai', async () =>
      zoneClock('Asia/Shanghai').localDay(Date.UTC(2031, 0, 15, 21, 0)),
    );
    // 21:00 UTC is the next day at +8, the same day at +2.
    expect(day).toBe(epochDayOf('2031-01-15'));
  });

  it('ignores a file from another tz database, another zone, or a damaged one', async () => {
    const file = tempFile();
    mkdirSync(join(file, '..'), { recursive: true });
    const week = Math.floor(Date.UTC(2032, 0, 15) / WEEK_MS);
    const wrong = [[week, 7_200_000, 7_200_000, (week + 1) * WEEK_MS]];
    const at = Date.UTC(2032, 0, 15, 21, 0);
    for (const [zone, doc] of [
      ['Asia/Singapore', JSON.stringify({ tz: 'not-this-one', zone: 'Asia/Singapore', weeks: wrong })],
      ['Asia/Manila', JSON.stringify({ tz: process.versions.tz, zone: 'Asia/Hong_Kong', weeks: wrong })],
      ['Asia/Taipei', '{"tz": '],
    ] as const) {
      writeFileSync(file, doc);
      const day = await withZoneCache(file, zone, async () => zoneClock(zone).localDay(at));
      expect(day, zone).toBe(epochDayOf('2032-01-16')); // all three are UTC+8
    }
  });
});
