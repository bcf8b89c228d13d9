/**
 * Topics are typed as shorthand lists ("topics: caching; sharding, and queues"). In a note they
 * read as an English list ("caching, sharding and queues"), and nothing is glued on after one.
 */

/** The items of a typed list: split on ; , newlines, "and", "&" and bullets; no label, no duplicates. */
export function listItems(text: string): string[] {
  const body = text
    .trim()
    .replace(/^(?:topics?|talked about|discussed)\s*[:\-–]\s*/i, '')
    .replace(/[.!]+$/, '');
  const seen = new Set<string>();
  const items: string[] = [];
  // "roadmap; how design and eng plan together": a question-word item is one clause, and its
  // "and" is no list separator (it read "the roadmap, how design and engineering plan together").
  const pieces = body
    .split(/\s*(?:[;\n•]|^[-*]\s)\s*/)
    .flatMap((chunk) =>
      /^(?:how|what|why|whether|when|where|who)\b/i.test(chunk.trim())
        ? [chunk]
        : chunk.split(/\s*(?:,|\s(?:and|&)\s)\s*/i),
    );
  for (const raw of pieces) {
    const item = raw
      .replace(/^(?:and|&)\s+/i, '')
      .replace(/^[-*•]\s*/, '')
      .trim()
      .replace(/[.;:,]+$/, '');
    const key = item.toLowerCase();
    if (item && !seen.has(key)) {
      seen.add(key);
      items.push(item);
    }
  }
  return items;
}

/** Items joined as a sentence lists them: "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A typed list as an English list ("caching; sharding, and queues" -> "caching, sharding and queues"). */
export const formatList = (text: string): string => joinList(listItems(text));
