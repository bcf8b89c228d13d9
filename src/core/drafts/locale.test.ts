import { describe, expect, it } from 'vitest';
import { defaultLocaleFor, isLocale } from './locale';

describe('defaultLocaleFor', () => {
  it.each([
    ['Europe/London', 'en-GB'],
    ['Europe/Dublin', 'en-GB'],
    ['Australia/Sydney', 'en-GB'],
    ['Pacific/Auckland', 'en-GB'],
    ['America/New_York', 'en-US'],
    ['America/Los_Angeles', 'en-US'],
    ['Europe/Berlin', 'en-US'],
    ['Asia/Tokyo', 'en-US'],
    ['UTC', 'en-US'],
  ])('%s -> %s', (zone, locale) => expect(defaultLocaleFor(zone)).toBe(locale));
});

describe('isLocale', () => {
  it('knows only the two locales Afterview writes', () => {
    expect(isLocale('en-GB')).toBe(true);
    expect(isLocale('en-US')).toBe(true);
    expect(isLocale('en-AU')).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});
