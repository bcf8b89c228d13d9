import { describe, expect, it } from 'vitest';
import { plural, pluralOf } from './plural';

describe('plural', () => {
  it('keeps the singular for exactly one and the plural for everything else', () => {
    expect(plural(1, 'interview')).toBe('1 interview');
    expect(plural(0, 'interview')).toBe('0 interviews');
    expect(plural(2, 'check-in')).toBe('2 check-ins');
  });

  it('knows the irregular nouns Afterview counts', () => {
    expect(plural(1, 'person')).toBe('1 person');
    expect(plural(3, 'person')).toBe('3 people');
    expect(plural(2, 'reply')).toBe('2 replies');
    expect(plural(5, 'opportunity')).toBe('5 opportunities');
    expect(pluralOf('bounce')).toBe('bounces');
    expect(pluralOf('match')).toBe('matches');
    expect(plural(2, 'automatic answer', 'automatic answers')).toBe('2 automatic answers');
  });
});
