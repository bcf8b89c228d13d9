import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holidayDates, setPersistentHolidayCache } from './holiday.service';
import { fileHolidayCache, type HolidayCacheStore } from './holiday-cache';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'afterview-holidays-'));
  dirs.push(dir);
  return join(dir, 'cache', 'holidays.json');
};
afterEach(() => {
  setPersistentHolidayCache(undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('holiday date cache', () => {
  it('writes computed years to the file and reads them back', async () => {
    const file = tempFile();
    setPersistentHolidayCache(fileHolidayCache(file));
    const dates = await holidayDates('US', [2030]);
    expect(dates).toContain('2030-07-04');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.version).toMatch(/^\d+\.\d+\.\d+/);
    // The version of the package import() loads, as require's resolver finds it.
    const installed: { version: string } = createRequire(import.meta.url)('date-holidays/package.json');
    expect(saved.version).toBe(installed.version);
    expect(saved.entries['US:2030']).toEqual(dates);
    expect(fileHolidayCache(file).read().get('US:2030')).toEqual(dates);
  });

  it('serves a year from the cache without computing it', async () => {
    const fake: HolidayCacheStore = {
      read: () => new Map([['DE-BY:2087', ['2087-01-01', '2087-03-03']]]),
      write: () => {
        throw new Error('nothing was computed, so nothing should be written');
      },
    };
    setPersistentHolidayCache(fake);
    expect(await holidayDates('de-by', [2087])).toEqual(['2087-01-01', '2087-03-03']);
  });

  it('treats a corrupt file, a foreign version or bad dates as empty', () => {
    const file = tempFile();
    const cache = fileHolidayCache(file);
    expect(cache.read().size).toBe(0);
    cache.write(new Map([['US:2031', ['2031-01-01']]]));
    expect(cache.read().get('US:2031')).toEqual(['2031-01-01']);
    writeFileSync(file, '{"version":"0.0.1","entries":{"US:2031":["2031-01-01"]}}');
    expect(fileHolidayCache(file).read().size).toBe(0);
    writeFileSync(file, '{not json');
    expect(fileHolidayCache(file).read().size).toBe(0);
    cache.write(new Map([['US:2032', ['2032-01-01']]]));
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    raw.entries['US:2033'] = ['Jan 1st'];
    writeFileSync(file, JSON.stringify(raw));
    const read = fileHolidayCache(file).read();
    expect(read.get('US:2032')).toEqual(['2032-01-01']);
    expect(read.has('US:2033')).toBe(false);
  });
});
