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
  const spelling = checkSpelling(input).filter(
    (s) => !blocking.some((b) => s.start < b.end && s.end > b.start),
  );
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
  ];
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  return findings.sort((a, b) => a.start - b.start || rank(a) - rank(b) || a.end - b.end);
}

/** True when a finding blocks sending (unless the user overrides it). */
export const hasErrors = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === 'error');
