/**
 * `wrong-company`: the classic copy-paste disaster. The note names another company the user is
 * talking to, or puts some other proper noun where the recipient's company belongs and never
 * names that company at all.
 */
import { finding, quote } from '../finding';
import { companyForms, findCompany } from '../names';
import { fold } from '../text';
import type { CheckInput, Finding } from '../types';

// Phrases after which a company name is expected: "the role at X", "joining X".
const COMPANY_SLOT =
  /\b(?:(?:role|position|job|opening|team|opportunity|future|everyone|people|folks|culture|mission|engineers|colleagues|interview|interviews) at|(?:join|joining) the team at|(?:join|joining))[ \t]+(?:the[ \t]+)?(\p{Lu}[\p{L}\p{N}&'’-]*(?:\.[\p{L}\p{N}]+)*(?:[ \t]+\p{Lu}[\p{L}\p{N}&'’-]*(?:\.[\p{L}\p{N}]+)*){0,2})/gu;

// "my team at Globex", "my previous role at Globex": the user's own past, not a slip.
const OWN_PAST = /\b(?:my|our|previous|former|last|prior|current|old)[ \t]+(?:[\p{L}-]+[ \t]+)?$/iu;

const NOT_A_COMPANY =
  /^(?:I|I'm|I’m|The|A|An|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Noon|Midnight|Your|You|Our|My|This|That)\b/;

function spansOf(text: string, company: string): Array<[number, number]> {
  return companyForms(company).flatMap((form) => findCompany(text, form));
}

/** Check the body (with spans) and the subject (span 0..0) against the companies the store knows. */
export function checkWrongCompany(input: CheckInput): Finding[] {
  const own = [input.company, input.recipient.company ?? ''].filter((c) => c.trim());
  const ownForms = new Set(own.flatMap(companyForms).map(fold));
  const ownSpans = own.flatMap((c) => spansOf(input.body, c));
  const out: Finding[] = [];

  const others = [...new Set(input.otherCompanies)].filter(
    (c) => c.trim() && !own.some((o) => fold(o) === fold(c)),
  );
  for (const other of others) {
    for (const form of companyForms(other)) {
      if (ownForms.has(fold(form))) continue; // "Northwind" short for both: not evidence of either
      for (const [s, e] of findCompany(input.body, form)) {
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
    const people = input.knownPeople.flatMap((p) => p.displayName.split(/\s+/));
    for (const m of input.body.matchAll(COMPANY_SLOT)) {
      const name = m[1] ?? '';
      const written = name.replace(/[.'’]+$/, '').replace(/['’]s$/, '');
      if (NOT_A_COMPANY.test(written) || people.includes(written.split(/\s+/)[0] ?? '')) continue;
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
