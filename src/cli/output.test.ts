import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inline, table, terminalSafe } from './output';

const ACTS_ON_TERMINAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

describe('terminalSafe', () => {
  it('shows escape sequences, C1 controls and bidi overrides as visible \\uXXXX', () => {
    expect(terminalSafe('Evil\u001b[2J\u001b]0;pwned\u0007 \u009b31m \u202egnp.exe')).toBe(
      'Evil\\u001b[2J\\u001b]0;pwned\\u0007 \\u009b31m \\u202egnp.exe',
    );
  });

  it('keeps line feeds, tabs and CR LF line ends; escapes a lone CR', () => {
    expect(terminalSafe('a\tb\nc\r\nd\re')).toBe('a\tb\nc\r\nd\\u000de');
  });

  it('leaves JSON valid and meaning the same, with nothing a terminal acts on', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const out = terminalSafe(JSON.stringify({ name: s }, null, 2));
        expect(out).not.toMatch(ACTS_ON_TERMINAL);
        expect(JSON.parse(out)).toEqual({ name: s });
      }),
      { numRuns: 500 },
    );
  });
});

describe('table', () => {
  it('keeps one line per row when a cell holds line breaks', () => {
    const out = table([
      ['ID', 'NAME'],
      ['1', 'Evil\r\nCorp\tInc'],
      ['2', 'Plain'],
    ]);
    expect(out.split('\n')).toEqual(['ID  NAME', '1   Evil\\u000d\\u000aCorp\\u0009Inc', '2   Plain']);
    expect(inline('a\nb')).toBe('a\\u000ab');
  });
});
