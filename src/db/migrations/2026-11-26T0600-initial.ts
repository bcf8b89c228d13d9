/**
 * The first schema. Schema builder only, so the same migration runs on SQLite and PostgreSQL.
 * Every table leads with `account_id` in its keys and indexes: the tenant is the first thing
 * every query filters on, and the column a distributed PostgreSQL would shard by.
 */
import type { Kysely } from 'kysely';

// Migrations must not depend on the evolving Database type: they describe the past.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('holiday_region', 'text')
    .addColumn('own_emails', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('playbook', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('signature', 'text')
    .addColumn('display_name', 'text')
    .addColumn('feed_token', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('contact')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('company', 'text')
    .addColumn('emails', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('bad_emails', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('phones', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('provenance', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_pk', ['account_id', 'id'])
    .execute();

  await db.schema
    .createTable('opportunity')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('company', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('recruiter_id', 'text')
    .addColumn('decision_by', 'text')
    .addColumn('domains', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('stage_changed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('opportunity_pk', ['account_id', 'id'])
    .addForeignKeyConstraint('opportunity_recruiter_fk', ['account_id', 'recruiter_id'], 'contact', [
      'account_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('interview')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('opportunity_id', 'text', (c) => c.notNull())
    .addColumn('round', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('location', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
    .addColumn('source_uid', 'text')
    .addColumn('source_sequence', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interview_pk', ['account_id', 'id'])
    .addForeignKeyConstraint(
      'interview_opportunity_fk',
      ['account_id', 'opportunity_id'],
      'opportunity',
      ['account_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('interview_opportunity_idx')
    .on('interview')
    .columns(['account_id', 'opportunity_id'])
    .execute();
  await db.schema
    .createIndex('interview_uid_idx')
    .on('interview')
    .columns(['account_id', 'source_uid'])
    .execute();

  await db.schema
    .createTable('interview_participant')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('interview_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interview_participant_pk', ['account_id', 'interview_id', 'contact_id'])
    .addForeignKeyConstraint(
      'interview_participant_interview_fk',
      ['account_id', 'interview_id'],
      'interview',
      ['account_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'interview_participant_contact_fk',
      ['account_id', 'contact_id'],
      'contact',
      ['account_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('debrief')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('interview_id', 'text', (c) => c.notNull())
    .addColumn('feeling', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('went_well', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('improve', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('promises', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('debrief_pk', ['account_id', 'interview_id'])
    .addForeignKeyConstraint(
      'debrief_interview_fk',
      ['account_id', 'interview_id'],
      'interview',
      ['account_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('debrief_note')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('interview_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('memorable', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('topics', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('problem', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('debrief_note_pk', ['account_id', 'interview_id', 'contact_id'])
    .addForeignKeyConstraint(
      'debrief_note_interview_fk',
      ['account_id', 'interview_id'],
      'interview',
      ['account_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'debrief_note_contact_fk',
      ['account_id', 'contact_id'],
      'contact',
      ['account_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('message')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('opportunity_id', 'text')
    .addColumn('interview_id', 'text')
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('send_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('rfc_message_id', 'text')
    .addColumn('in_reply_to', 'text')
    .addColumn('action_key', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_pk', ['account_id', 'id'])
    .execute();
  await db.schema
    .createIndex('message_opportunity_idx')
    .on('message')
    .columns(['account_id', 'opportunity_id'])
    .execute();
  // The outbox claim scans due scheduled messages across accounts: status first, then time.
  await db.schema.createIndex('message_outbox_idx').on('message').columns(['status', 'send_at']).execute();
  await db.schema
    .createIndex('message_rfc_id_idx')
    .on('message')
    .columns(['account_id', 'rfc_message_id'])
    .execute();

  await db.schema
    .createTable('message_contact')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_contact_pk', ['account_id', 'message_id', 'contact_id'])
    .addForeignKeyConstraint(
      'message_contact_message_fk',
      ['account_id', 'message_id'],
      'message',
      ['account_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'message_contact_contact_fk',
      ['account_id', 'contact_id'],
      'contact',
      ['account_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('action_decision')
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('action_key', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('action_decision_pk', ['account_id', 'action_key'])
    .execute();

  await db.schema
    .createTable('event')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('opportunity_id', 'text')
    .addColumn('interview_id', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('event_pk', ['account_id', 'id'])
    .execute();
  await db.schema
    .createIndex('event_opportunity_idx')
    .on('event')
    .columns(['account_id', 'opportunity_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'event',
    'action_decision',
    'message_contact',
    'message',
    'debrief_note',
    'debrief',
    'interview_participant',
    'interview',
    'opportunity',
    'contact',
    'account',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
