/**
 * Queries written as SQL text with bound values, for the few reads every `afterview today` makes
 * (see select-rows.ts for why they skip Kysely's query pipeline). The same text serves both
 * dialects: values become `?` on SQLite and `$1, $2…` on PostgreSQL, and a fragment that must
 * differ between them is written once per dialect (`perDialect`). No value is ever spliced into
 * the text: only fragments written in the code are.
 */
export type SqlDialect = 'sqlite' | 'postgres';

/** SQL text and its values, nested fragments included; `T` is the row a query reads. */
export interface SqlText<T = unknown> {
  readonly kind: 'sql-text';
  readonly strings: readonly string[];
  readonly values: readonly unknown[];
  /** Never set: carries the row type. */
  readonly row?: T;
}

/** A fragment written differently for each dialect. */
export interface PerDialect {
  readonly kind: 'per-dialect';
  readonly sqlite: SqlText;
  readonly postgres: SqlText;
}

/** Tag for SQL text: `sqlText<Row>`select … where "id" = ${id}``. */
export const sqlText = <T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): SqlText<T> => ({
  kind: 'sql-text',
  strings,
  values,
});

/** Anything that can stand inside SQL text as text rather than as a bound value. */
export type SqlFragment = SqlText | PerDialect;

export const perDialect = (sqlite: SqlText, postgres: SqlText): PerDialect => ({
  kind: 'per-dialect',
  sqlite,
  postgres,
});

/** A column written in code (`table.column` or `column`), quoted as an identifier. */
export function column(name: string): SqlText {
  if (!/^[a-z_]+(\.[a-z_]+)?$/.test(name)) throw new Error(`not a column name: ${name}`);
  return { kind: 'sql-text', strings: [name.replace(/[a-z_]+/g, (part) => `"${part}"`)], values: [] };
}

const isFragment = (v: unknown): v is SqlFragment =>
  typeof v === 'object' &&
  v !== null &&
  ((v as { kind?: unknown }).kind === 'sql-text' || (v as { kind?: unknown }).kind === 'per-dialect');

/** The text and parameters of `query` for `dialect`. */
export function renderSql(query: SqlText, dialect: SqlDialect): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const render = (q: SqlText): string => {
    let out = q.strings[0] ?? '';
    for (let i = 0; i < q.values.length; i++) {
      const v = q.values[i];
      if (isFragment(v)) out += render(v.kind === 'sql-text' ? v : v[dialect]);
      else {
        parameters.push(v);
        out += dialect === 'postgres' ? `$${parameters.length}` : '?';
      }
      out += q.strings[i + 1] ?? '';
    }
    return out;
  };
  return { sql: render(query), parameters };
}
