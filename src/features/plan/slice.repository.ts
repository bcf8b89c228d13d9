/**
 * The planner's inputs for a set of opportunities only (their slices: see
 * src/core/plan/slice.ts), the same columns as snapshot.repository.ts. Today reads these for the
 * opportunities the wake-up index says can show something, so its cost follows live work, not
 * the length of the history.
 */
import type { DbOrTrx } from '../../db/database';

const none = <T>(): Promise<T[]> => Promise.resolve([]);

export const sliceOpportunities = (db: DbOrTrx, accountId: string, ids: readonly string[]) =>
  ids.length === 0 ? none<Awaited<ReturnType<typeof oppQuery>>[number]>() : oppQuery(db, accountId, ids);
const oppQuery = (db: DbOrTrx, accountId: string, ids: readonly string[]) =>
  db
    .selectFrom('opportunity')
    .select(['id', 'company', 'role', 'stage', 'recruiter_id', 'decision_by', 'stage_changed_at'])
    .where('account_id', '=', accountId)
    .where('id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const sliceInterviews = (db: DbOrTrx, accountId: string, opportunityIds: readonly string[]) =>
  db
    .selectFrom('interview')
    .select(['id', 'opportunity_id', 'round', 'start_at', 'end_at', 'status', 'created_at'])
    .where('account_id', '=', accountId)
    .where('opportunity_id', 'in', opportunityIds.length ? opportunityIds : [''])
    .orderBy('start_at')
    .orderBy('id')
    .execute();

export const sliceParticipants = (db: DbOrTrx, accountId: string, interviewIds: readonly string[]) =>
  db
    .selectFrom('interview_participant')
    .select(['interview_id', 'contact_id', 'role'])
    .where('account_id', '=', accountId)
    .where('interview_id', 'in', interviewIds.length ? interviewIds : [''])
    .execute();

export const sliceContacts = (db: DbOrTrx, accountId: string, ids: readonly string[]) =>
  db
    .selectFrom('contact')
    .select(['id', 'display_name', 'emails', 'bad_emails'])
    .where('account_id', '=', accountId)
    .where('id', 'in', ids.length ? ids : [''])
    .execute();

export const sliceDebriefs = (db: DbOrTrx, accountId: string, interviewIds: readonly string[]) =>
  db
    .selectFrom('debrief')
    .select('interview_id')
    .where('account_id', '=', accountId)
    .where('interview_id', 'in', interviewIds.length ? interviewIds : [''])
    .execute();

const MESSAGE_COLUMNS = [
  'message.id',
  'message.kind',
  'message.direction',
  'message.opportunity_id',
  'message.interview_id',
  'message.status',
  'message.sent_at',
  'message.send_at',
  'message.action_key',
  'message.created_at',
] as const;

/**
 * Messages a slice can read: of the opportunities, of their interviews (with no opportunity), with
 * neither (or an interview that no longer exists) sent to or from one of `contactIds`, and those
 * recorded for an action key matching `keys` (exact keys and `prefix%` patterns).
 */
export const sliceMessages = (
  db: DbOrTrx,
  accountId: string,
  scope: {
    opportunityIds: readonly string[];
    interviewIds: readonly string[];
    contactIds: readonly string[];
    keys: KeyPatterns;
  },
) =>
  db
    .selectFrom('message')
    // `interview_found` is null when the message names no interview or one that no longer exists:
    // the planner then attributes it by its contacts.
    .leftJoin('interview', (j) =>
      j
        .onRef('interview.id', '=', 'message.interview_id')
        .onRef('interview.account_id', '=', 'message.account_id'),
    )
    .select([...MESSAGE_COLUMNS, 'interview.id as interview_found'])
    .where('message.account_id', '=', accountId)
    .where((eb) =>
      eb.or([
        eb('message.opportunity_id', 'in', orNone(scope.opportunityIds)),
        eb.and([
          eb('message.opportunity_id', 'is', null),
          eb('message.interview_id', 'in', orNone(scope.interviewIds)),
        ]),
        eb.and([
          eb('message.opportunity_id', 'is', null),
          eb('interview.id', 'is', null),
          eb(
            'message.id',
            'in',
            eb
              .selectFrom('message_contact')
              .select('message_contact.message_id')
              .where('message_contact.account_id', '=', accountId)
              .where('message_contact.contact_id', 'in', orNone(scope.contactIds)),
          ),
        ]),
        matchKeys(scope.keys, {
          in: (exact) => eb('message.action_key', 'in', exact),
          like: (pattern) => eb('message.action_key', 'like', pattern),
          or: (parts) => eb.or(parts),
        }),
      ]),
    )
    .orderBy('message.created_at')
    .orderBy('message.id')
    .execute();

export const sliceMessageContacts = (db: DbOrTrx, accountId: string, messageIds: readonly string[]) =>
  db
    .selectFrom('message_contact')
    .select(['message_id', 'contact_id'])
    .where('account_id', '=', accountId)
    .where('message_id', 'in', orNone(messageIds))
    .execute();

export const sliceDecisions = (db: DbOrTrx, accountId: string, keys: KeyPatterns) =>
  db
    .selectFrom('action_decision')
    .selectAll()
    .where('account_id', '=', accountId)
    .where((eb) =>
      matchKeys(keys, {
        in: (exact) => eb('action_key', 'in', exact),
        like: (pattern) => eb('action_key', 'like', pattern),
        or: (parts) => eb.or(parts),
      }),
    )
    .execute();

/** Action keys of some opportunities: exact keys and `prefix:` patterns. */
export interface KeyPatterns {
  exact: string[];
  prefixes: string[];
}

const orNone = (ids: readonly string[]): readonly string[] => (ids.length ? ids : ['']);

/** Batches keep each OR short (SQLite limits expression depth). */
const PATTERNS_PER_OR = 200;

/**
 * `column in exact or column like prefix% or ...`. A `_` or `%` inside an id would only let in
 * keys of other opportunities, which the planner never asks about, so patterns are not escaped.
 */
function matchKeys<E>(
  keys: KeyPatterns,
  ops: { in: (exact: readonly string[]) => E; like: (pattern: string) => E; or: (parts: E[]) => E },
): E {
  const parts = [ops.in(orNone(keys.exact))];
  for (let i = 0; i < keys.prefixes.length; i += PATTERNS_PER_OR) {
    parts.push(ops.or(keys.prefixes.slice(i, i + PATTERNS_PER_OR).map((p) => ops.like(`${p}%`))));
  }
  return ops.or(parts);
}
