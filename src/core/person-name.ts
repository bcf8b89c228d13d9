/**
 * The parts of a recorded person's name, in one place: the drafts greet with `greetingNameOf`, the
 * checker accepts what `greetingNames` lists (so it never rejects a greeting the drafter wrote), and
 * the vCard export and the checker's "Mr van der Berg" rule take the surname from `surnameOf`, which
 * keeps its particles ("van der Berg", "Ní Bhriain", "de la Cruz", "Mac Giolla").
 *
 * Name order is not recorded: "Li Wei" may be given name first or last. So the drafter keeps the
 * first word, and the checker accepts any one word of the name, or the whole of it.
 */

const HONORIFIC = /^(?:mr|mrs|ms|mx|miss|dr|prof|professor)\.?$/i;

/**
 * Words that belong to the surname after them. Matched ignoring case: Irish and Scottish particles
 * are written capitalised ("Ní Bhriain", "Mac Giolla"); "van der" and "de la" usually are not.
 */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set(
  (
    'van von der den de del della dei di da du des la le ten ter bin binti al el dos das do y ' +
    "ní nic ni mac mc ó o' ua uí ui bean ap ab ibn bint abu st st. saint"
  ).split(' '),
);

/** True for a surname particle ("van", "Ní", "de"), whatever its case. */
export const isSurnameParticle = (word: string): boolean =>
  SURNAME_PARTICLES.has(word.toLowerCase().replace(/’/g, "'"));

/** The words of a recorded name, without an honorific ("Dr. Wen-Li Zhang" -> Wen-Li, Zhang). */
export function nameWords(displayName: string): string[] {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const named = words.filter((w) => !HONORIFIC.test(w));
  return named.length ? named : words;
}

/** The name a draft greets with: the first word that is not an honorific ("Dr. Wen-Li Zhang" -> "Wen-Li"). */
export function greetingNameOf(displayName: string): string {
  return nameWords(displayName)[0] ?? '';
}

/**
 * Every name a greeting may use for this person: the draft's own greeting name, each single word
 * that is not a particle ("Li" and "Wei" of "Li Wei", since the order is unknown) and the whole name.
 */
export function greetingNames(displayName: string): string[] {
  const words = nameWords(displayName);
  const whole = words.join(' ');
  return [
    ...new Set([greetingNameOf(displayName), ...words.filter((w) => !isSurnameParticle(w)), whole]),
  ].filter(Boolean);
}

/**
 * Given and family name for an address book: the family name is the last word with the particles
 * before it ("Pieter van der Berg" -> Pieter / van der Berg); a one-word name is all family name.
 */
export function nameParts(displayName: string): { given: string; surname: string } {
  const words = nameWords(displayName);
  if (words.length < 2) return { given: '', surname: words[0] ?? '' };
  let at = words.length - 1;
  // Never take the first word: "De Luca" alone or "Van Morrison" keep a given name.
  while (at > 1 && isSurnameParticle(words[at - 1] ?? '')) at--;
  return { given: words.slice(0, at).join(' '), surname: words.slice(at).join(' ') };
}

/**
 * Every surname a title may take: each tail of the name after the first word that does not split
 * off its particles ("van der Berg" for Pieter van der Berg, never "der Berg" or "Berg"; "José
 * García López", "García López" and "López" for María José García López).
 */
export function surnamesOf(displayName: string): string[] {
  const words = nameWords(displayName);
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    if (isSurnameParticle(words[i - 1] ?? '')) continue;
    out.push(words.slice(i).join(' '));
  }
  return out;
}
