/**
 * The planner's wake-up index: per opportunity, from when it can have open work (`wake_at`), or
 * null for "not until its data changes", and whether a change since needs it planned again
 * (`dirty`). Every write that touches an opportunity's slice marks it dirty in the same
 * transaction; Today plans only dirty or awake opportunities. Existing opportunities start dirty.
 */
import type { Kysely } from 'kysely';

type Tables = {
  opportunity: { id: string; account_id: string };
  plan_wake: {
    account_id: string;
    opportunity_id: string;
    wake_at: string | null;
    dirty: number;
    version: number;
  };
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_wake')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('opportunity_id', 'text', (c) => c.notNull())
    .addColumn('wake_at', 'text')
    .addColumn('dirty', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('plan_wake_pk', ['account_id', 'opportunity_id'])
    .execute();
  const typed = db.withTables<Tables>();
  await typed
    .insertInto('plan_wake')
    .columns(['account_id', 'opportunity_id', 'wake_at', 'dirty', 'version'])
    .expression((eb) =>
      eb
        .selectFrom('opportunity')
        .select((s) => [
          'account_id',
          'id',
          s.val<string | null>(null).as('wake_at'),
          s.val(1).as('dirty'),
          s.val(0).as('version'),
        ]),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('plan_wake').execute();
}
