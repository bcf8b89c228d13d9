import { describe, expect, it } from 'vitest';
import { column, perDialect, renderSql, sqlText } from './sql-text';

describe('SQL text', () => {
  it('binds every value as a placeholder of the dialect, nested fragments included', () => {
    const inner = sqlText`"kind" = ${'thank-you'}`;
    const query = sqlText`select * from "message" where "account_id" = ${'a1'} and ${inner} and "sent_at" <= ${'2026-11-26'}`;
    expect(renderSql(query, 'sqlite')).toEqual({
      sql: 'select * from "message" where "account_id" = ? and "kind" = ? and "sent_at" <= ?',
      parameters: ['a1', 'thank-you', '2026-11-26'],
    });
    expect(renderSql(query, 'postgres')).toEqual({
      sql: 'select * from "message" where "account_id" = $1 and "kind" = $2 and "sent_at" <= $3',
      parameters: ['a1', 'thank-you', '2026-11-26'],
    });
  });

  it('writes a per-dialect fragment as its dialect wants it, numbering on after it', () => {
    const ids = perDialect(
      sqlText`"id" in (select value from json_each(${'["x"]'}))`,
      sqlText`"id" = any(${['x']}::text[])`,
    );
    const query = sqlText`select 1 from "contact" where ${ids} and "account_id" = ${'a1'}`;
    expect(renderSql(query, 'sqlite')).toEqual({
      sql: 'select 1 from "contact" where "id" in (select value from json_each(?)) and "account_id" = ?',
      parameters: ['["x"]', 'a1'],
    });
    expect(renderSql(query, 'postgres')).toEqual({
      sql: 'select 1 from "contact" where "id" = any($1::text[]) and "account_id" = $2',
      parameters: [['x'], 'a1'],
    });
  });

  it('never splices a value into the text: a hostile string stays a parameter', () => {
    const hostile = `x'; drop table "account"; --`;
    const { sql, parameters } = renderSql(sqlText`select * from "account" where "id" = ${hostile}`, 'sqlite');
    expect(sql).toBe('select * from "account" where "id" = ?');
    expect(parameters).toEqual([hostile]);
  });

  it('quotes a column written in code and refuses anything that is not a plain name', () => {
    expect(renderSql(sqlText`${column('message.opportunity_id')} is null`, 'sqlite').sql).toBe(
      '"message"."opportunity_id" is null',
    );
    expect(() => column('id"; drop table x; --')).toThrow(/not a column name/);
  });
});
