import { describe, expect, it } from 'vitest';
import { RecentSet } from './hosted';

// The per-process memory of accounts already ensured (http/hosted.ts): bounded, newest kept.
describe('RecentSet', () => {
  it('forgets the least recently used key past its bound, and keeps one just looked up', () => {
    const set = new RecentSet(2);
    set.add('a');
    set.add('b');
    expect(set.has('a')).toBe(true); // a is now newer than b
    set.add('c');
    expect(set.has('b')).toBe(false);
    expect(set.has('a')).toBe(true);
    expect(set.has('c')).toBe(true);
  });

  it('knows nothing it was not given', () => {
    const set = new RecentSet(10);
    expect(set.has('a')).toBe(false);
    set.add('a');
    set.add('a');
    expect(set.has('a')).toBe(true);
  });
});
