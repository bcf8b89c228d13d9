/** Printing: JSON for scripts (`--json`), short aligned text for people. */
import type { Session } from './session';

export function printJson(io: { stdout: (t: string) => void }, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Print `value` as JSON under --json, else the human text. */
export function present(session: Session, value: unknown, human: () => string): void {
  if (session.json) printJson(session.io, value);
  else session.io.stdout(`${human()}\n`);
}

/** Rows as aligned columns. */
export function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '))
    .join('\n');
}
