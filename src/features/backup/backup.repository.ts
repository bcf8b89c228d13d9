/**
 * Whole-account reads and bulk writes, shared by export, import and the demo seeder. Every query
 * filters by (or writes) one account id; inserts go in chunks so a large import stays within the
 * bound-parameter limits of both SQLite and PostgreSQL.
 */
import type { DbOrTrx } from '../../db/database';
import type { ActionDecisionRow } from '../../db/tables/action-decision.table';
import type { ContactRow } from '../../db/tables/contact.table';
import type { DebriefNoteRow, DebriefRow } from '../../db/tables/debrief.table';
import type { EventRow } from '../../db/tables/event.table';
import type { InterviewParticipantRow, InterviewRow } from '../../db/tables/interview.table';
import type { MessageContactRow, MessageRow } from '../../db/tables/message.table';
import type { OpportunityRow } from '../../db/tables/opportunity.table';
import { touchPlan } from '../plan/wake';

/** Every row of one account's records, table by table (the account row itself apart). */
export interface AccountRows {
  contacts: ContactRow[];
  opportunities: OpportunityRow[];
  interviews: InterviewRow[];
  participants: InterviewParticipantRow[];
  debriefs: DebriefRow[];
  debriefNotes: DebriefNoteRow[];
  messages: MessageRow[];
  messageContacts: MessageContactRow[];
  decisions: ActionDecisionRow[];
  events: EventRow[];
}

export const emptyAccountRows = (): AccountRows => ({
  contacts: [],
  opportunities: [],
  interviews: [],
  participants: [],
  debriefs: [],
  debriefNotes: [],
  messages: [],
  messageContacts: [],
  decisions: [],
  events: [],
});

/** All of an account's rows, each table in a stable order (so two exports of the same data match). */
export async function readAccountRows(db: DbOrTrx, accountId: string): Promise<AccountRows> {
  const [
    contacts,
    opportunities,
    interviews,
    participants,
    debriefs,
    debriefNotes,
    messages,
    messageContacts,
    decisions,
    events,
  ] = await Promise.all([
    db.selectFrom('contact').selectAll().where('account_id', '=', accountId).orderBy('id').execute(),
    db.selectFrom('opportunity').selectAll().where('account_id', '=', accountId).orderBy('id').execute(),
    db.selectFrom('interview').selectAll().where('account_id', '=', accountId).orderBy('id').execute(),
    db
      .selectFrom('interview_participant')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('interview_id')
      .orderBy('contact_id')
      .execute(),
    db
      .selectFrom('debrief')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('interview_id')
      .execute(),
    db
      .selectFrom('debrief_note')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('interview_id')
      .orderBy('contact_id')
      .execute(),
    db.selectFrom('message').selectAll().where('account_id', '=', accountId).orderBy('id').execute(),
    db
      .selectFrom('message_contact')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('message_id')
      .orderBy('contact_id')
      .execute(),
    db
      .selectFrom('action_decision')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('action_key')
      .execute(),
    db.selectFrom('event').selectAll().where('account_id', '=', accountId).orderBy('id').execute(),
  ]);
  return {
    contacts,
    opportunities,
    interviews,
    participants,
    debriefs,
    debriefNotes,
    messages,
    messageContacts,
    decisions,
    events,
  };
}

// PostgreSQL allows 65 535 bound parameters per statement, SQLite 32 766: stay well under both.
const MAX_PARAMS = 10_000;

type InsertableTable =
  | 'contact'
  | 'opportunity'
  | 'interview'
  | 'interview_participant'
  | 'debrief'
  | 'debrief_note'
  | 'message'
  | 'message_contact'
  | 'action_decision'
  | 'event';

async function insertChunked<R extends object>(
  db: DbOrTrx,
  table: InsertableTable,
  rows: R[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += size) {
    // The row types match the table by construction (AccountRows); Kysely cannot see that through
    // the table-name union, hence the one cast.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

/**
 * Insert every row, parents before children so foreign keys hold on both dialects. Call inside a
 * transaction: a failure half-way must leave nothing behind.
 */
export async function insertAccountRows(trx: DbOrTrx, rows: AccountRows): Promise<void> {
  await insertChunked(trx, 'contact', rows.contacts);
  await insertChunked(trx, 'opportunity', rows.opportunities);
  await insertChunked(trx, 'interview', rows.interviews);
  await insertChunked(trx, 'interview_participant', rows.participants);
  await insertChunked(trx, 'debrief', rows.debriefs);
  await insertChunked(trx, 'debrief_note', rows.debriefNotes);
  await insertChunked(trx, 'message', rows.messages);
  await insertChunked(trx, 'message_contact', rows.messageContacts);
  await insertChunked(trx, 'action_decision', rows.decisions);
  await insertChunked(trx, 'event', rows.events);
  const accountId = [...rows.opportunities, ...rows.contacts, ...rows.messages, ...rows.decisions][0]
    ?.account_id;
  if (accountId) await touchPlan(trx, accountId, 'all');
}

/** The ids of each kind this account already has: what an import must not collide with. */
export interface ExistingIds {
  contacts: Set<string>;
  opportunities: Set<string>;
  interviews: Set<string>;
  messages: Set<string>;
  events: Set<string>;
  decisions: Set<string>;
}

export async function readExistingIds(db: DbOrTrx, accountId: string): Promise<ExistingIds> {
  const ids = async (table: 'contact' | 'opportunity' | 'interview' | 'message' | 'event') =>
    new Set(
      (await db.selectFrom(table).select('id').where('account_id', '=', accountId).execute()).map(
        (r) => r.id,
      ),
    );
  const [contacts, opportunities, interviews, messages, events, decisionRows] = await Promise.all([
    ids('contact'),
    ids('opportunity'),
    ids('interview'),
    ids('message'),
    ids('event'),
    db.selectFrom('action_decision').select('action_key').where('account_id', '=', accountId).execute(),
  ]);
  return {
    contacts,
    opportunities,
    interviews,
    messages,
    events,
    decisions: new Set(decisionRows.map((r) => r.action_key)),
  };
}
