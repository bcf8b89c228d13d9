import { describe, expect, it } from 'vitest';
import { isoOf, ms } from './context';
import {
  checkInAnchorOf,
  checkInKey,
  checkInOpportunityOf,
  collectContactKey,
  debriefKey,
  fulfilledByKey,
  goneQuietKey,
  reconnectKey,
  ruleOfKey,
  thanksForConsiderationKey,
  thankYouKey,
} from './keys';

describe('action keys', () => {
  it('spell every rule the way DESIGN.md does and are recognised back', () => {
    const cases: Array<[string, string]> = [
      [collectContactKey('iv', 'c', 'before'), 'collect-contact'],
      [collectContactKey('iv', 'c', 'after'), 'collect-contact'],
      [debriefKey('iv'), 'debrief'],
      [thankYouKey('iv', 'c'), 'thank-you'],
      [checkInKey('o', 'after-iv'), 'check-in'],
      [goneQuietKey('o'), 'check-in'],
      [thanksForConsiderationKey('o', 'c'), 'thanks-for-consideration'],
      [thanksForConsiderationKey('o', null), 'thanks-for-consideration'],
      [reconnectKey('o'), 'reconnect'],
    ];
    for (const [key, rule] of cases) expect(ruleOfKey(key)).toBe(rule);
    expect(thankYouKey('iv-1', 'c-2')).toBe('thank-you:iv-1:c-2');
    expect(thanksForConsiderationKey('o-1', null)).toBe('thanks-for-consideration:o-1:company');
    expect(goneQuietKey('o-1')).toBe('check-in:o-1:gone-quiet');
  });

  it('refuses text that is not an action key', () => {
    for (const bad of [
      '',
      'thank-you',
      'thank-you:a',
      'collect-contact:a:b:during',
      'nope:a',
      'debrief:a:b',
    ]) {
      expect(ruleOfKey(bad)).toBeNull();
    }
  });

  it('tells the keys a sent message fulfils wherever it is attributed (the rules that read sentFor)', () => {
    for (const key of [thankYouKey('iv', 'c'), thanksForConsiderationKey('o', null), reconnectKey('o')]) {
      expect(fulfilledByKey(key), key).toBe(true);
    }
    for (const key of [
      debriefKey('iv'),
      collectContactKey('iv', 'c', 'after'),
      checkInKey('o', 'after-iv'),
      'reconnect',
      'reconnectx:o',
      ':reconnect:o',
      '',
    ]) {
      expect(fulfilledByKey(key), key).toBe(false);
    }
  });

  it('takes a check-in key apart', () => {
    expect(checkInOpportunityOf('check-in:o-1:after-iv-2')).toBe('o-1');
    expect(checkInAnchorOf('check-in:o-1:after-iv-2')).toBe('after-iv-2');
    expect(checkInOpportunityOf('thank-you:o-1:c')).toBeNull();
  });
});

describe('instant helpers', () => {
  it('parse ISO instants with Z or an offset and print the stored form', () => {
    expect(ms('2026-12-08T17:00:00Z')).toBe(Date.UTC(2026, 11, 8, 17));
    expect(ms('2026-12-08T18:00:00+01:00')).toBe(Date.UTC(2026, 11, 8, 17));
    expect(isoOf(Date.UTC(2026, 11, 8, 17))).toBe('2026-12-08T17:00:00Z');
    expect(isoOf(Date.UTC(2026, 0, 2, 3, 4, 5, 60))).toBe('2026-01-02T03:04:05.060Z');
  });

  it('refuse an instant without an offset rather than read it in the machine zone', () => {
    expect(() => ms('2026-12-08T17:00:00')).toThrow();
  });
});
