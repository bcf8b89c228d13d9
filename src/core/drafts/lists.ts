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
  for (const raw of body.split(/\s*(?:[;,\n•]|\s(?:and|&)\s|^[-*]\s)\s*/i)) {
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
