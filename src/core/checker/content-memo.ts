/**
 * A value derived from a list of strings, remembered by the strings themselves. The Compose check
 * runs after every pause in typing with the same thousands of known people and companies, and
 * folding each of their names again cost more than the rest of the check (bench/checker.bench.ts:
 * 3,000 people made a check five times dearer). Keyed by content, not identity: the server loads
 * the lists afresh for each check, and a changed store is never answered from a stale entry.
 * Bounded, so a long-running server with many accounts keeps only the latest few.
 */
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
