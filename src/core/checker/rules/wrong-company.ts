/**
 * `wrong-company`: the classic copy-paste disaster. The note names another company the user is
 * talking to, or puts some other proper noun where the recipient's company belongs and never
 * names that company at all.
 */
import { ContentMemo, peopleKey } from '../content-memo';
import { finding, quote } from '../finding';
import { companyForms, findCompany } from '../names';
import { isCommonWord } from '../nlp';
import { fold } from '../text';
import type { CheckInput, Finding } from '../types';

// Phrases after which a company name is expected: "the role at X", "joining X".
const COMPANY_SLOT =
  /\b(?:(?:role|position|job|opening|team|opportunity|future|everyone|people|folks|culture|mission|engineers|colleagues|interview|interviews) at|(?:join|joining) the team at|(?:join|joining))[ \t]+(?:the[ \t]+)?(\p{Lu}[\p{L}\p{N}&'’-]*(?:\.[\p{L}\p{N}]+)*(?:[ \t]+\p{Lu}[\p{L}\p{N}&'’-]*(?:\.[\p{L}\p{N}]+)*){0,2})/gu;

// "my team at Globex", "my previous role at Globex": the user's own past, not a slip.
const OWN_PAST = /\b(?:my|our|previous|former|last|prior|current|old)[ \t]+(?:[\p{L}-]+[ \t]+)?$/iu;

const NOT_A_COMPANY =
  /^(?:I|I'm|I’m|The|A|An|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Noon|Midnight|Your|You|Our|My|This|That)\b/;

// First words too common to stand for a company on their own ("Global", "First", "United").
const GENERIC_FIRST = new Set(
  (
    'the a an first second third global united american national general international new big blue red green ' +
    'black white grey gray orange open smart digital bright north south east west northern southern eastern ' +
    'western pacific atlantic central modern next true pure prime premier royal standard universal advanced ' +
    'applied integrated innovative creative data cloud tech net web my our your one all best great good little ' +
    'golden silver star sun sky metro city urban home health life bank capital mutual allied consolidated ' +
    'continental federal state public people human total rapid quick swift simple clear fresh happy lucky free ' +
    'liberty summit pinnacle apex alpha beta delta omega vector quantum neural deep core edge cyber info micro ' +
    'mega super ultra hyper meta social mobile online direct express precision dynamic strategic professional ' +
    'business enterprise software systems solutions services medical bio eco solar energy power british european ' +
    'asian world planet earth ocean river mountain valley bay lake hill park bridge gate tower harbor harbour ' +
    'union alliance project lab labs studio works house hub base field line path way view vision insight logic ' +
    'mind spark light wave stream flow shift stack scale grid loop link signal pulse beacon compass anchor atlas ' +
    'horizon frontier pioneer venture summit peak nova evergreen redwood oak pine cedar maple'
  ).split(' '),
);

/**
 * The forms of another company that give it away: its name, its short form, and its first word
 * when that word is distinctive ("Acme" of "Acme Robotics", never "Global" of "Global Payments").
 */
function otherForms(company: string): string[] {
  let forms = otherFormsCache.get(company);
  if (!forms) {
    if (otherFormsCache.size > 5_000) otherFormsCache.clear();
    forms = computeOtherForms(company);
    otherFormsCache.set(company, forms);
  }
  return forms;
}

// Every check goes over every company the user talks to, and telling a distinctive first word
// from a common one asks the English model: remember each company's forms (a pure, bounded cache).
const otherFormsCache = new Map<string, string[]>();

function computeOtherForms(company: string): string[] {
  const forms = companyForms(company);
  const first = company.trim().split(/[\s,]+/)[0] ?? '';
  const distinctive = !GENERIC_FIRST.has(fold(first)) && !isCommonWord(first);
  if (first.length >= 3 && /^\p{Lu}/u.test(first) && distinctive) forms.push(first);
  return [...new Set(forms)];
}

function spansOf(text: string, company: string): Array<[number, number]> {
  return companyForms(company).flatMap((form) => findCompany(text, form));
}

const ownWordsMemo = new ContentMemo<ReadonlySet<string>>();
const peopleWordsMemo = new ContentMemo<ReadonlySet<string>>();

/** Check the body (with spans) and the subject (span 0..0) against the companies the store knows. */
export function checkWrongCompany(input: CheckInput): Finding[] {
  const own = [input.company, input.recipient.company ?? ''].filter((c) => c.trim());
  const ownForms = new Set(own.flatMap(companyForms).map(fold));
  const ownSpans = own.flatMap((c) => spansOf(input.body, c));
  const out: Finding[] = [];

  const others = [...new Set(input.otherCompanies)].filter(
    (c) => c.trim() && !own.some((o) => fold(o) === fold(c)),
  );
  // Words of the recipient's and the user's world that happen to start another company's name
  // ("Jordan" of "Jordan Logistics" when Jordan is a person). Built on first need: the store may
  // hold thousands of people and most notes name no other company at all.
  let ownWords: ReadonlySet<string> | null = null;
  const isOwnWord = (word: string): boolean => {
    if (!ownWords) {
      const parts = [String(own.length), ...own, input.recipient.displayName, peopleKey(input.knownPeople)];
      ownWords = ownWordsMemo.get(parts, () => {
        const names = [...own, input.recipient.displayName, ...input.knownPeople.map((p) => p.displayName)];
        return new Set(names.flatMap((n) => n.split(/[\s,-]+/).map(fold)));
      });
    }
    return ownWords.has(fold(word));
  };
  for (const other of others) {
    const full = companyForms(other);
    for (const form of otherForms(other)) {
      if (ownForms.has(fold(form))) continue; // "Northwind" short for both: not evidence of either
      const written = [
        ...findCompany(input.body, form),
        ...(form.length >= 4 ? findCompany(input.body, form.toUpperCase()) : []),
      ];
      if (written.length && !full.includes(form) && isOwnWord(form)) continue;
      for (const [s, e] of written) {
        if (ownSpans.some(([a, b]) => s >= a && e <= b)) continue;
        if (out.some((f) => s < f.end && e > f.start)) continue;
        out.push(
          finding(
            'wrong-company',
            `The note names ${quote(input.body.slice(s, e))}, another company you are talking to; this note is for ${input.company}.`,
            s,
            e,
          ),
        );
      }
      if (
        input.subject &&
        findCompany(input.subject, form).length > 0 &&
        !out.some((f) => f.start === 0 && f.end === 0)
      ) {
        out.push(
          finding(
            'wrong-company',
            `The subject names ${quote(form)}, another company you are talking to; this note is for ${input.company}.`,
            0,
            0,
          ),
        );
      }
    }
  }

  if (
    ownSpans.length === 0 &&
    out.length === 0 &&
    !(input.subject && own.some((c) => spansOf(input.subject ?? '', c).length))
  ) {
    let people: ReadonlySet<string> | null = null;
    for (const m of input.body.matchAll(COMPANY_SLOT)) {
      const name = m[1] ?? '';
      const written = name.replace(/[.'’]+$/, '').replace(/['’]s$/, '');
      if (NOT_A_COMPANY.test(written)) continue;
      if (!people) {
        people = peopleWordsMemo.get([peopleKey(input.knownPeople)], () => {
          return new Set(input.knownPeople.flatMap((p) => p.displayName.split(/\s+/)));
        });
      }
      if (people.has(written.split(/\s+/)[0] ?? '')) continue;
      if (OWN_PAST.test(input.body.slice(Math.max(0, m.index - 30), m.index))) continue;
      const s = m.index + m[0].length - name.length;
      out.push(
        finding(
          'wrong-company',
          `The note says ${quote(written)} where you would expect ${input.company}, and never names ${input.company}.`,
          s,
          s + written.length,
        ),
      );
    }
  }
  return out;
}
