/**
 * "1 interview", "2 interviews", "1 person", "3 people": every count shown to a person goes
 * through here, so no summary says "1 interviews". English only, which is all Afterview speaks.
 */

/** Irregular plurals of the nouns Afterview counts. */
const IRREGULAR: Record<string, string> = {
  person: 'people',
  reply: 'replies',
  opportunity: 'opportunities',
  entry: 'entries',
  day: 'days',
};

/** The plural of one noun (or the explicit `many`). */
export function pluralOf(one: string, many?: string): string {
  if (many) return many;
  const irregular = IRREGULAR[one];
  if (irregular) return irregular;
  if (/[^aeiou]y$/.test(one)) return `${one.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(one)) return `${one}es`;
  return `${one}s`;
}

/** `n` and the noun agreeing with it: plural(1, 'interview') is "1 interview". */
export function plural(n: number, one: string, many?: string): string {
  return `${n} ${n === 1 ? one : pluralOf(one, many)}`;
}
