/** `too-long`: notes people actually read are short. */

import { finding } from '../finding';
import { tokenize } from '../text';
import type { CheckInput, Finding, MessageKind } from '../types';

/** Word limits per kind of note (DESIGN.md: thank-you ~250, check-in ~120). */
export const WORD_LIMITS: Readonly<Record<MessageKind, number>> = {
  'thank-you': 250,
  'check-in': 120,
  'thanks-for-consideration': 150,
  reconnect: 150,
  reply: 300,
  other: 300,
};

const KIND_NAMES: Readonly<Record<MessageKind, string>> = {
  'thank-you': 'thank-you note',
  'check-in': 'check-in',
  'thanks-for-consideration': 'thanks-for-consideration note',
  reconnect: 'reconnect note',
  reply: 'reply',
  other: 'note',
};

/** Spans from the first word past the limit to the end, so the overflow is what gets highlighted. */
export function checkTooLong(input: CheckInput): Finding[] {
  const words = tokenize(input.body);
  const limit = WORD_LIMITS[input.kind];
  const first = words[limit];
  if (!first) return [];
  return [
    finding(
      'too-long',
      `This ${KIND_NAMES[input.kind]} has ${words.length} words; keep it under ${limit} so it gets read.`,
      first.start,
      input.body.length,
    ),
  ];
}
