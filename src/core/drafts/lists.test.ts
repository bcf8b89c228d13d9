import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatList, joinList, listItems } from './lists';

describe('lists', () => {
  it.each([
    ['topics: caching; sharding, and queues', 'caching, sharding and queues'],
    ['caching', 'caching'],
    ['caching and sharding', 'caching and sharding'],
    ['Kafka, CI/CD & on-call.', 'Kafka, CI/CD and on-call'],
    ['- retries\n- idempotency\n- backpressure', 'retries, idempotency and backpressure'],
    ['caching; Caching; queues', 'caching and queues'],
    ['  ;  , ', ''],
  ])('%j reads as %j', (typed, read) => expect(formatList(typed)).toBe(read));

  it('joins one, two and many items the way a sentence lists them', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['a'])).toBe('a');
    expect(joinList(['a', 'b'])).toBe('a and b');
    expect(joinList(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('keeps every item, ends on the last one, and is stable when formatted again', () => {
    const item = fc.stringMatching(/^[a-z][a-z -]{0,14}[a-z]$/).filter((s) => !/\band\b/.test(s));
    fc.assert(
      fc.property(
        fc.uniqueArray(item, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('; ', ', ', '\n'),
        (items, sep) => {
          const typed = items.join(sep);
          const read = formatList(typed);
          expect(listItems(read)).toEqual(listItems(typed));
          expect(formatList(read)).toBe(read);
          expect(read.endsWith(listItems(typed).at(-1) ?? '')).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
