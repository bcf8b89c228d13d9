import { describe, expect, it } from 'vitest';
import { parseUserInstant, Temporal } from './time';

describe('parseUserInstant', () => {
  it('reads a UTC instant to the millisecond as Temporal does', () => {
    for (const text of [
      '2026-12-08T09:00:00Z',
      '2026-12-08T09:00Z',
      '2026-12-08t09:00:00z',
      '2026-12-08T09:00:00.5Z',
      '2026-12-08T09:00:00.123Z',
      '2024-02-29T23:59:59.999Z',
      '  2026-12-08T09:00:00Z  ',
    ]) {
      expect(parseUserInstant(text, 'Europe/Berlin').toString(), text).toBe(
        Temporal.Instant.from(text.trim()).toString(),
      );
    }
  });

  it('keeps what a millisecond cannot hold and every other form to Temporal', () => {
    expect(parseUserInstant('2026-12-08T09:00:00.123456789Z', 'UTC').epochNanoseconds).toBe(
      Temporal.Instant.from('2026-12-08T09:00:00.123456789Z').epochNanoseconds,
    );
    expect(parseUserInstant('2026-12-08T10:00:00+01:00', 'UTC').toString()).toBe('2026-12-08T09:00:00Z');
    expect(parseUserInstant('2026-12-08T10:00', 'Europe/Berlin').toString()).toBe('2026-12-08T09:00:00Z');
    expect(parseUserInstant('2026-12-08', 'Europe/Berlin').toString()).toBe('2026-12-07T23:00:00Z');
  });

  it('refuses a day or time that does not exist rather than moving it (Date.parse would)', () => {
    for (const text of ['2026-02-30T09:00:00Z', '2026-11-31T09:00:00Z', '2026-12-08T25:00:00Z']) {
      expect(() => parseUserInstant(text, 'UTC'), text).toThrow();
    }
  });
});
