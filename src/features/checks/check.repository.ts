/**
 * What the note checker reads besides the recipient's slices: names only (every company and
 * person, for spelling and wrong-name/-company), the words the user wrote (debriefs and notes on
 * people), the recipient's interviews (to tell which one a note is about), and the notes to the
 * same company. Never every message body or every debrief of the account as records.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';

/** Every opportunity's company and what picks a recruiter's opportunity, oldest first (as listed). */
export const opportunityNames = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('opportunity')
    .select(['id', 'company', 'recruiter_id', 'stage'])
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Every person's name and company, in the order contacts are listed. */
export const contactNames = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('contact')
    .select(['id', 'display_name', 'company'])
    .where('account_id', '=', accountId)
    .orderBy('display_name')
    .execute();

/** The interviews a person took part in, as interviews are listed (by start). */
export const interviewsWith = (db: DbOrTrx, accountId: string, contactId: string) =>
  db
    .selectFrom('interview')
    .innerJoin('interview_participant as p', (j) =>
      j.onRef('p.interview_id', '=', 'interview.id').onRef('p.account_id', '=', 'interview.account_id'),
    )
    .select(['interview.id', 'interview.opportunity_id', 'interview.start_at', 'interview.status'])
    .where('interview.account_id', '=', accountId)
    .where('p.contact_id', '=', contactId)
    .orderBy('interview.start_at')
    .orderBy('interview.id')
    .execute();

/** The text of every debrief (each column the Debrief record carries). */
export const debriefTexts = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('debrief')
    .select(['interview_id', 'feeling', 'went_well', 'improve', 'add_to_answer', 'promises', 'updated_at'])
    .where('account_id', '=', accountId)
    .execute();

/** The text of every per-person debrief note that belongs to a debrief. */
export const debriefNoteTexts = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('debrief_note')
    .select(['interview_id', 'contact_id', 'memorable', 'topics', 'problem', 'promise'])
    .where('account_id', '=', accountId)
    .execute();

/**
 * What changes when any of the user's words or any person's name or company change: per table,
 * the row count, the latest `updated_at` and the total length of the text (every writer stamps
 * `updated_at`; the length also catches a restore of other rows with the same stamps).
 * Aggregated in the database, so no row is sent over.
 */
export const userWordsFingerprint = async (db: DbOrTrx, accountId: string): Promise<string> => {
  const [d, n, c] = await Promise.all([
    db
      .selectFrom('debrief')
      .select((eb) => [
        eb.fn.countAll<number>().as('rows'),
        eb.fn.max('updated_at').as('latest'),
        eb.fn
          .sum<number>(
            sql`length(feeling) + length(went_well) + length(improve) + length(add_to_answer) + length(promises)`,
          )
          .as('chars'),
      ])
      .where('account_id', '=', accountId)
      .executeTakeFirst(),
    db
      .selectFrom('debrief_note')
      .select((eb) => [
        eb.fn.countAll<number>().as('rows'),
        eb.fn.max('updated_at').as('latest'),
        eb.fn
          .sum<number>(sql`length(memorable) + length(topics) + length(problem) + length(promise)`)
          .as('chars'),
      ])
      .where('account_id', '=', accountId)
      .executeTakeFirst(),
    db
      .selectFrom('contact')
      .select((eb) => [
        eb.fn.countAll<number>().as('rows'),
        eb.fn.max('updated_at').as('latest'),
        eb.fn
          .sum<number>(sql`length(notes) + length(display_name) + coalesce(length(company), 0)`)
          .as('chars'),
      ])
      .where('account_id', '=', accountId)
      .executeTakeFirst(),
  ]);
  return JSON.stringify([d, n, c].map((r) => [String(r?.rows ?? 0), r?.latest ?? '', String(r?.chars ?? 0)]));
};

/** The user's notes on people (non-empty only). */
export const contactNotes = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('contact')
    .select('notes')
    .where('account_id', '=', accountId)
    .where('notes', '<>', '')
    .execute();

/** The debriefs of some interviews with the notes about one person (for personal details). */
export const debriefNotesAbout = async (
  db: DbOrTrx,
  accountId: string,
  interviewIds: readonly string[],
  contactId: string,
) => {
  if (interviewIds.length === 0) return { debriefs: [], notes: [] };
  const [debriefs, notes] = await Promise.all([
    db
      .selectFrom('debrief')
      .select('interview_id')
      .where('account_id', '=', accountId)
      .where('interview_id', 'in', interviewIds)
      .execute(),
    db
      .selectFrom('debrief_note')
      .select(['interview_id', 'memorable', 'topics', 'problem'])
      .where('account_id', '=', accountId)
      .where('interview_id', 'in', interviewIds)
      .where('contact_id', '=', contactId)
      .execute(),
  ]);
  return { debriefs, notes };
};

/** The interviews of one opportunity (ids only). */
export const interviewIdsOf = (db: DbOrTrx, accountId: string, opportunityId: string) =>
  db
    .selectFrom('interview')
    .select('id')
    .where('account_id', '=', accountId)
    .where('opportunity_id', '=', opportunityId)
    .execute();

/**
 * Notes sent (or drafted) that can be about the same company: those of the opportunity and those
 * to any of `contactIds` (the people at the company), oldest first, as messages are listed.
 */
export const notesToCompany = async (
  db: DbOrTrx,
  accountId: string,
  opportunityId: string | null,
  contactIds: readonly string[],
) => {
  if (!opportunityId && contactIds.length === 0) return { messages: [], recipients: [] };
  const messages = await db
    .selectFrom('message')
    .select(['id', 'opportunity_id', 'subject', 'body'])
    .where('account_id', '=', accountId)
    .where('direction', '=', 'out')
    .where((eb) => {
      const ors = [];
      if (opportunityId) ors.push(eb('opportunity_id', '=', opportunityId));
      if (contactIds.length > 0)
        ors.push(
          eb(
            'id',
            'in',
            eb
              .selectFrom('message_contact')
              .select('message_id')
              .where('account_id', '=', accountId)
              .where('contact_id', 'in', contactIds),
          ),
        );
      return eb.or(ors);
    })
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (messages.length === 0) return { messages, recipients: [] };
  const recipients = await db
    .selectFrom('message_contact')
    .select(['message_id', 'contact_id'])
    .where('account_id', '=', accountId)
    .where(
      'message_id',
      'in',
      messages.map((m) => m.id),
    )
    .execute();
  return { messages, recipients };
};
