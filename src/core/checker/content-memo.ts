/**
 * A value derived from a list of strings, remembered by the strings themselves. The Compose check
 * runs after every pause in typing with the same thousands of known people and companies, and
 * folding each of their names again cost more than the rest of the check (bench/checker.bench.ts:
 * 3,000 people made a check five times dearer). Keyed by content, not identity: the server loads
 * the lists afresh for each check, and a changed store is never answered from a stale entry.
 * Bounded, so a long-running server with many accounts keeps only the latest few.
 */
const peopleKeys = new WeakMap<object, string>();

/**
 * One string standing for the store's people, made once per list: every rule of one check is
 * handed the same list, and three of them key a memo by it (3,000 names each time was the cost).
 */
export function peopleKey(people: ReadonlyArray<{ displayName: string }>): string {
  let key = peopleKeys.get(people);
  if (key === undefined) {
    key = '';
    for (const p of people) key += `${p.displayName.length}:${p.displayName}`;
    peopleKeys.set(people, key);
  }
  return key;
}

export class ContentMemo<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly limit = 8) {}

  get(parts: readonly string[], build: () => T): T {
    // Each part prefixed with its length: no two different lists can make the same key.
    let key = '';
    for (const part of parts) key += `${part.length}:${part}`;
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, hit);
      return hit;
    }
    const value = build();
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return value;
  }
}
