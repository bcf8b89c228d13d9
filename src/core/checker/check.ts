/**
 * The note checker: every rule of DESIGN.md's table run over one note, against what the store
 * knows. Pure and fast enough to run on every keystroke in the web app.
 */
import { checkAddresseeThirdPerson } from './rules/addressee-third-person';
import { checkDesperateTone } from './rules/desperate-tone';
import { checkDuplicateNote } from './rules/duplicate-note';
import { checkLate } from './rules/late';
import { checkNoAddress } from './rules/no-address';
import { checkPersonalDetail } from './rules/no-personal-detail';
import { checkPlaceholders } from './rules/placeholder';
import { checkSpelling } from './rules/spelling';
import { checkTooEarly } from './rules/too-early';
import { checkTooLong } from './rules/too-long';
import { checkUnsigned } from './rules/unsigned';
import { checkWrongCompany } from './rules/wrong-company';
import { checkWrongName } from './rules/wrong-name';
import { findGreeting } from './text';
import type { CheckInput, Finding } from './types';

export type { CheckInput, CheckLocale, CheckRuleId, Finding, Severity, Speller } from './types';
export { CHECK_RULE_IDS, RULE_SEVERITY } from './types';

const overlaps = (a: Finding, b: Finding) => a.start < b.end && a.end > b.start;

/** A rule's message about the subject line: "In the subject, “Siobhan” misspells…". */
function aboutSubject(message: string): string {
  if (/^The (?:greeting|note) /.test(message))
    return message.replace(/^The (?:greeting|note) /, 'The subject ');
  return `In the subject, ${message.charAt(0) === '“' ? message : message.charAt(0).toLowerCase() + message.slice(1)}`;
}

/**
 * The rules that read words (wrong-name, addressee-third-person, spelling) run over the subject
 * line as if it were a body; their findings name the subject and span 0..0, as placeholder's,
 * wrong-company's and desperate-tone's do. (duplicate-note reads the subject itself.)
 */
function subjectFindings(input: CheckInput): Finding[] {
  const subject = input.subject ?? '';
  if (!subject.trim()) return [];
  const line: CheckInput = { ...input, body: subject, subject: undefined };
  const greeting = findGreeting(subject);
  const blocking = [...checkWrongName(line, greeting), ...checkPlaceholders(line)];
  const found = [
    ...checkWrongName(line, greeting),
    ...checkAddresseeThirdPerson(line, greeting),
    ...checkSpelling(line).filter((s) => !blocking.some((b) => overlaps(s, b))),
  ];
  return found.map((f) => ({ ...f, message: aboutSubject(f.message), start: 0, end: 0 }));
}

/** Run every rule; findings come back sorted by where they start (errors first on a tie). */
export function checkNote(input: CheckInput): Finding[] {
  const greeting = findGreeting(input.body);
  const blocking = [
    ...checkNoAddress(input),
    ...checkWrongCompany(input),
    ...checkWrongName(input, greeting),
    ...checkPlaceholders(input),
  ];
  // A misspelled name or a [Field] is reported once, by the rule that says what is wrong with it.
  const spelling = checkSpelling(input).filter((s) => !blocking.some((b) => overlaps(s, b)));
  const findings = [
    ...blocking,
    ...checkDuplicateNote(input),
    ...checkPersonalDetail(input),
    ...checkDesperateTone(input),
    ...checkAddresseeThirdPerson(input, greeting),
    ...checkTooLong(input),
    ...checkLate(input),
    ...checkTooEarly(input),
    ...checkUnsigned(input),
    ...spelling,
    ...subjectFindings(input),
  ];
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  return findings.sort((a, b) => a.start - b.start || rank(a) - rank(b) || a.end - b.end);
}

/** True when a finding blocks sending (unless the user overrides it). */
export const hasErrors = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === 'error');
