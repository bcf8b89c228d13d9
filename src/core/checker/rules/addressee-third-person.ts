/**
 * `addressee-third-person`: a note to one person that calls them "she", "his", "him" or "they":
 * debrief notes pasted in as written ("Thank you for showing me the tool she built", "they told
 * me about the migration"). Conservative: a pronoun is left alone when someone else is named or
 * described nearby ("your colleague Tom said he…", "my manager", "the recruiter"), since it most
 * likely refers to them; "they" also when a group or a plural is nearby that it may mean ("your
 * team", "the deploys", "Northwind", "everyone I met"). See singular-they.ts.
 */
import { finding, quote } from '../finding';
import { companyForms, nameForms } from '../names';
import { type Sentence, sentences } from '../nlp';
import { fold, type Greeting, STOP_WORDS } from '../text';
import type { CheckInput, Finding } from '../types';
import { genericThey, groupNearby, THEY } from './singular-they';

const PRONOUNS = new Set(['she', 'he', 'her', 'his', 'him', 'hers', 'herself', 'himself']);

// Nouns for a person other than the reader, who a "she" or "he" may be about.
const PERSON_NOUNS = new Set(
  (
    'colleague colleagues coworker co-worker teammate manager boss lead cto ceo cfo coo cpo vp founder cofounder ' +
    'co-founder recruiter interviewer engineer developer designer architect scientist analyst director head ' +
    'officer chair professor teacher student intern friend wife husband partner daughter son mother father mom ' +
    'dad sister brother mentor mentee customer client candidate someone somebody person man woman girl boy guy ' +
    'lady member report hire author speaker owner pm coordinator predecessor successor peer counterpart ' +
    'grandmother grandfather aunt uncle cousin neighbour neighbor user founder-ceo principal staffer assistant'
  ).split(' '),
);

const MONTHS_DAYS =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

// A word after a title or a capitalised run that makes it a job, a team or a thing, not a person:
// "the Senior Software Engineer role", "the Platform team", "the Ledger Service".
const NOT_A_PERSON_AFTER = new Set(
  (
    'role roles position positions job jobs opening openings opportunity team teams interview interviews ' +
    'loop track org organisation organization department group service services platform product products ' +
    'project projects tool tools system systems stack codebase api app office offices conference program ' +
    'programme process round rounds panel'
  ).split(' '),
);

/** Is the word a title or a capitalised run's word that a following noun makes a thing ("Engineer role")? */
function namesAThing(words: Sentence, i: number, body: string): boolean {
  for (let j = i + 1; j < words.length; j++) {
    const w = words[j];
    if (!w) return false;
    if (NOT_A_PERSON_AFTER.has(w.norm)) return true;
    // Keep walking through the rest of a capitalised run ("Senior Software Engineer role").
    if (!/^\p{Lu}/u.test(body.slice(w.start, w.end))) return false;
  }
  return false;
}

/**
 * Does this stretch of sentences name or describe someone the pronoun may be about? Each
 * sentence is read on its own, so a capitalised sentence start ("Talking", "Learning") is not
 * taken for a name just because another sentence came before it.
 */
function someoneElse(stretch: readonly Sentence[], body: string, notThem: ReadonlySet<string>): boolean {
  return stretch.some((words) =>
    words.some((w, i) => {
      const person = PERSON_NOUNS.has(w.norm) || PERSON_NOUNS.has(w.norm.replace(/s$/, ''));
      if (person) return !namesAThing(words, i, body);
      const raw = body.slice(w.start, w.end);
      if (!/^\p{Lu}\p{Ll}/u.test(raw) || PRONOUNS.has(w.norm)) return false;
      const key = fold(raw.replace(/['’]s$/, ''));
      if (notThem.has(key) || STOP_WORDS.has(key) || MONTHS_DAYS.test(key)) return false;
      if (namesAThing(words, i, body)) return false;
      // A capitalised first word is usually just a sentence start ("Thanks", "Looking"), a name
      // only when it is not an ordinary word we know: be conservative and count it as a name.
      if (i > 0) return true;
      return !COMMON_STARTS.has(key) && !/(?:ing|ly)$/.test(key);
    }),
  );
}

const COMMON_STARTS = new Set(
  (
    'thanks thank looking hope hoping it its the this that these those i i’m im we our your you my after before ' +
    'when while since as also again please best kind warm cheers sincerely regards hi hello dear great good it was ' +
    'really what how why where let if in on at for with from by about yes no sure happy glad excited talking ' +
    'meeting speaking learning hearing one two all both either neither overall again finally first second lastly ' +
    'anyway still just so and but or'
  ).split(' '),
);

/** Only for a note to one person; each pronoun with nobody else nearby is reported. */
export function checkAddresseeThirdPerson(input: CheckInput, greeting: Greeting | null): Finding[] {
  const name = input.recipient.displayName.trim();
  if (!name || (greeting && greeting.names.length > 1)) return [];
  const notThem = new Set(
    [
      ...nameForms(name),
      ...name.split(/\s+/),
      ...companyForms(input.company),
      ...companyForms(input.recipient.company ?? ''),
    ]
      .flatMap((f) => f.split(/[\s-]+/))
      .map((f) => fold(f)),
  );
  const companies = [...companyForms(input.company), ...companyForms(input.recipient.company ?? '')]
    .flatMap((f) => f.split(/[\s-]+/))
    .map((f) => fold(f));
  const greetingEnd = greeting ? greeting.lineEnd : 0;
  const all = sentences(input.body);
  const out: Finding[] = [];
  // Where a "they" was read as a group's: a "they" after it continues the same group.
  const groupThey = new Set<Sentence>();
  all.forEach((words, si) => {
    words.forEach((w, wi) => {
      const they = THEY.has(w.norm);
      if ((!PRONOUNS.has(w.norm) && !they) || w.start < greetingEnd) return;
      // The pronoun's antecedent is most likely in this sentence or the two before it.
      const nearby = [all[si - 2] ?? [], all[si - 1] ?? [], words.slice(0, wi)];
      if (they) {
        const chained = [all[si - 2], all[si - 1], words].some((s) => s !== undefined && groupThey.has(s));
        if (chained || genericThey(words, wi) || groupNearby(nearby, companies)) {
          groupThey.add(words);
          return;
        }
      }
      if (someoneElse(nearby, input.body, notThem)) {
        if (they) groupThey.add(words);
        return;
      }
      const written = input.body.slice(w.start, w.end);
      out.push(
        finding(
          'addressee-third-person',
          `${quote(written)} reads as if ${name} were someone else; in a note to them, say “you” or “your”.`,
          w.start,
          w.end,
        ),
      );
    });
  });
  return out;
}
