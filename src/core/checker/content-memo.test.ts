import { describe, expect, it } from 'vitest';
import { ContentMemo, peopleKey } from './content-memo';

describe('ContentMemo', () => {
  it('answers the same lists from memory and builds again when a string changes', () => {
    const memo = new ContentMemo<string[]>();
    let builds = 0;
    const build = (parts: string[]) => () => {
      builds += 1;
      return parts.map((p) => p.toUpperCase());
    };
    const first = memo.get(['Ana', 'Diego'], build(['Ana', 'Diego']));
    expect(memo.get(['Ana', 'Diego'], build(['Ana', 'Diego']))).toBe(first);
    expect(builds).toBe(1);
    expect(memo.get(['Ana', 'Diega'], build(['Ana', 'Diega']))).toEqual(['ANA', 'DIEGA']);
    expect(builds).toBe(2);
  });

  it('never takes two different lists for one (the parts are length-prefixed)', () => {
    const memo = new ContentMemo<string>();
    memo.get(['ab', 'c'], () => 'ab|c');
    expect(memo.get(['a', 'bc'], () => 'a|bc')).toBe('a|bc');
    expect(memo.get(['abc'], () => 'abc')).toBe('abc');
    expect(memo.get([], () => 'none')).toBe('none');
  });

  it('keeps only the latest entries, dropping the least recently used', () => {
    const memo = new ContentMemo<number>(2);
    let builds = 0;
    const value = () => ++builds;
    memo.get(['a'], value);
    memo.get(['b'], value);
    memo.get(['a'], value); // used again: now the newest
    memo.get(['c'], value); // drops b
    expect(builds).toBe(3);
    memo.get(['a'], value);
    expect(builds).toBe(3);
    memo.get(['b'], value);
    expect(builds).toBe(4);
  });
});

describe('peopleKey', () => {
  it('stands for the names in order, so equal lists share a key and a changed name changes it', () => {
    const a = [{ displayName: 'Ana Lima' }, { displayName: 'Ben Ode' }];
    expect(peopleKey(a)).toBe(peopleKey([{ displayName: 'Ana Lima' }, { displayName: 'Ben Ode' }]));
    expect(peopleKey(a)).not.toBe(peopleKey([{ displayName: 'Ana Lim' }, { displayName: 'aBen Ode' }]));
    expect(peopleKey(a)).not.toBe(peopleKey([{ displayName: 'Ben Ode' }, { displayName: 'Ana Lima' }]));
  });
});
