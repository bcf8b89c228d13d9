/**
 * Debriefs redesigned (issue 8): per interviewer a promise of its own, per interview "a point to
 * add to one of your answers". The old `improve` column keeps its text and becomes the private
 * "what to practise" field, and the old per-interview `promises` stays readable (drafts use it
 * only while no interviewer has a promise of their own). The account gains a chosen locale;
 * null means "follow the time zone".
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('debrief')
    .addColumn('add_to_answer', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('debrief_note')
    .addColumn('promise', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('account').addColumn('locale', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('account').dropColumn('locale').execute();
  await db.schema.alterTable('debrief_note').dropColumn('promise').execute();
  await db.schema.alterTable('debrief').dropColumn('add_to_answer').execute();
}
