import { type CheckRuleId, type Finding, RULE_SEVERITY } from './types';

/** A finding with the rule's fixed severity. */
export const finding = (rule: CheckRuleId, message: string, start: number, end: number): Finding => ({
  rule,
  severity: RULE_SEVERITY[rule],
  message,
  start,
  end,
});

/** Quote a piece of the note in a message, shortened when long. */
export function quote(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `“${t.length > 40 ? `${t.slice(0, 37)}…` : t}”`;
}
