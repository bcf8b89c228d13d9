/** Printing: JSON for scripts (`--json`), short aligned text for people. */
import type { CliIo } from './io';
import type { Session } from './session';

// What a terminal could act on: C0 controls but tab, line feed and the CR of a CR LF line end
// (vCards and .eml files are printed with them), DEL, C1 controls, the Unicode line and paragraph
// separators, and the bidi embeddings, overrides and isolates.
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
// In a table cell or on a one-line label, tab and line feed are unsafe too: they break the layout.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE_INLINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text with every character a terminal would act on written as a visible `\uXXXX` escape, so a
 * name from an imported invite cannot clear the screen, set the window title or reorder the line.
 * Inside a JSON string literal the escape is the same character, so `--json` output stays valid
 * and means the same.
 */
export const terminalSafe = (text: string): string => text.replace(UNSAFE, escapeChar);

/** One line's worth of text (a table cell): line breaks and tabs are escaped as well. */
export const inline = (text: string): string => text.replace(UNSAFE_INLINE, escapeChar);

/** The io with everything written to stdout and stderr passed through `terminalSafe`. */
export function terminalSafeIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (t) => io.stdout(terminalSafe(t)),
    stderr: (t) => io.stderr(terminalSafe(t)),
  };
}

export function printJson(io: { stdout: (t: string) => void }, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Print `value` as JSON under --json, else the human text. */
export function present(session: Session, value: unknown, human: () => string): void {
  if (session.json) printJson(session.io, value);
  else session.io.stdout(`${human()}\n`);
}

/** Rows as aligned columns; a line break inside a cell is shown escaped, never breaks a row. */
export function table(given: string[][]): string {
  if (given.length === 0) return '';
  const rows = given.map((r) => r.map(inline));
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '))
    .join('\n');
}
