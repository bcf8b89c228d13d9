import { describe, expect, it } from 'vitest';
import { mapTimeZoneId, zoneFromText } from './zones';

describe('mapTimeZoneId', () => {
  it.each([
    ['America/Los_Angeles', 'America/Los_Angeles', 'iana'],
    ['/mozilla.org/20050126_1/America/New_York', 'America/New_York', 'iana'],
    ['"Europe/Paris"', 'Europe/Paris', 'iana'],
    ['Eastern Standard Time', 'America/New_York', 'windows'],
    ['W. Europe Standard Time', 'Europe/Berlin', 'windows'],
    ['AUS Eastern Standard Time', 'Australia/Sydney', 'windows'],
    ['(UTC-05:00) Eastern Time (US & Canada)', 'America/New_York', 'display-name'],
    ['(UTC-07:00) Mountain Time (US & Canada)', 'America/Denver', 'display-name'],
    ['(UTC-08:00) Pacific Time (US & Canada)', 'America/Los_Angeles', 'display-name'],
    ['(GMT+10:00) Canberra, Melbourne, Sydney', 'Australia/Sydney', 'display-name'],
    ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin', 'display-name'],
    ['(UTC) Dublin, Edinburgh, Lisbon, London', 'Europe/London', 'display-name'],
    ['(UTC+09:00) Osaka, Sapporo, Tokyo', 'Asia/Tokyo', 'display-name'],
  ])('%s → %s (%s)', (tzid, iana, how) => {
    expect(mapTimeZoneId(tzid)).toEqual({ iana, how });
  });

  it('returns null for names nothing maps', () => {
    expect(mapTimeZoneId('Atlantis Standard Time')).toBeNull();
    expect(mapTimeZoneId('(UTC+03:00) Atlantis')).toBeNull();
    expect(mapTimeZoneId('')).toBeNull();
  });
});

describe('zoneFromText', () => {
  it.each([
    ['Tuesday, December 8 (all times Pacific):', 'America/Los_Angeles'],
    ['all times ET', 'America/New_York'],
    ['times are in Central time', 'America/Chicago'],
    ['10am PST', 'America/Los_Angeles'],
    ['Times shown in Europe/London', 'Europe/London'],
  ])('%s → %s', (text, zone) => {
    expect(zoneFromText(text)).toBe(zone);
  });

  it('returns null when the text names no zone', () => {
    expect(zoneFromText('See you on Tuesday')).toBeNull();
  });
});
