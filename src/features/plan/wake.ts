/**
 * The planner's wake-up index: per opportunity, from when it can have open work (or "not until
 * its data changes"), so Today reads and plans only the opportunities that can show something,
 * not the whole history of a long job hunt. It is an index of where to look; actions are still
 * computed by the pure planner from the data (src/core/plan/slice.ts).
 *
 * `touchPlan` is the one function every writer calls, in the same transaction as its change (or,
 * without a transaction, before it: a touch with no change after it only costs a re-plan). It
 * marks the touched opportunities dirty; Today plans dirty ones, computes their wake-up time with
 * `wakeAt` and stores it (src/features/plan/slice.service.ts). What touches what:
 * - an opportunity, interview (participants included), debrief: its opportunity;
 * - a contact: every opportunity where the contact is the recruiter or took part in an interview
 *   (their name and addresses are in those plans);
 * - a message: its opportunity, its interview's, the opportunity of its action key, and when it
 *   has neither opportunity nor interview, those of its contacts (the planner attributes it there);
 * - a decision: the opportunity of its action key;
 * - settings, the playbook, a restore or an import of many rows: all of them.
 */
import { keyTarget } from '../../core/plan/keys';
import type { DbOrTrx } from '../../db/database';
import * as repo from './wake.repository';

/** What a change touched. */
export type PlanTouch =
  | 'all'
  | {
      opportunityIds?: readonly string[];
      interviewIds?: readonly string[];
      contactIds?: readonly string[];
      /** Messages already stored (their current ties are read). */
      messageIds?: readonly string[];
      /** Messages about to be stored, by their ties. */
      messages?: readonly MessageTies[];
      actionKeys?: readonly (string | null | undefined)[];
    };

/** The columns of a message row that tie it to opportunities. */
export interface MessageTies {
  opportunity_id?: string | null;
  interview_id?: string | null;
  action_key?: string | null;
}

/** Mark the opportunities a change touches as needing planning (see the module comment). */
export async function touchPlan(db: DbOrTrx, accountId: string, what: PlanTouch): Promise<void> {
  if (what === 'all') return repo.markAllDirty(db, accountId);
  await repo.markDirty(db, accountId, [...(await opportunitiesTouched(db, accountId, what))]);
}

/** The opportunities a change touches, read from the rows as they stand now. */
async function opportunitiesTouched(db: DbOrTrx, accountId: string, what: Exclude<PlanTouch, 'all'>) {
  const opps = new Set<string>(what.opportunityIds ?? []);
  const interviews = new Set<string>(what.interviewIds ?? []);
  const contacts = new Set<string>(what.contactIds ?? []);

  const ties: MessageTies[] = [...(what.messages ?? [])];
  const stored = what.messageIds ?? [];
  if (stored.length > 0) {
    const [rows, recipients] = await Promise.all([
      repo.messageTies(db, accountId, stored),
      repo.messageContactIds(db, accountId, stored),
    ]);
    ties.push(...rows);
    // A message with neither opportunity nor interview (or whose interview is gone) belongs to its
    // people's opportunities. An update may have just made it so: always include them.
    for (const r of recipients) contacts.add(r.contact_id);
  }
  const keys = [...(what.actionKeys ?? []), ...ties.map((t) => t.action_key)];
  for (const t of ties) {
    if (t.opportunity_id) opps.add(t.opportunity_id);
    else if (t.interview_id) interviews.add(t.interview_id);
  }
  for (const key of keys) {
    const target = key ? keyTarget(key) : null;
    if (!target) continue;
    if ('opportunityId' in target) opps.add(target.opportunityId);
    else interviews.add(target.interviewId);
  }
  const [ofInterviews, ofContacts] = await Promise.all([
    repo.opportunitiesOfInterviews(db, accountId, [...interviews]),
    repo.opportunitiesOfContacts(db, accountId, [...contacts]),
  ]);
  for (const r of ofInterviews) opps.add(r.opportunity_id);
  for (const r of ofContacts) opps.add(r.opportunity_id);
  return opps;
}

/** What a transaction that touches once has collected so far (see `touchingOnce`). */
interface Collected {
  accountId: string;
  all: boolean;
  opportunityIds: Set<string>;
  interviewIds: Set<string>;
  contactIds: Set<string>;
  messageIds: Set<string>;
  actionKeys: Set<string>;
}
const collecting = new WeakMap<DbOrTrx, Collected>();
/** Ids per statement when an import's touches are marked (see `touchingOnce`). */
const TOUCH_SLICE = 500;

/**
 * Run many writes in one transaction (an import of thousands of rows) and touch each affected
 * opportunity once, at the end, still inside the transaction: the writes' `touched` calls only
 * collect what they touched, and the opportunities are read and marked once. A write that touches
 * before it changes a row (it may move it) is resolved at once, as it would be otherwise.
 */
export async function touchingOnce<T>(trx: DbOrTrx, accountId: string, work: () => Promise<T>): Promise<T> {
  if (!trx.isTransaction) throw new Error('touchingOnce needs the transaction its writes run in');
  const outer = collecting.get(trx);
  if (outer) return work(); // already collecting: the outermost one touches
  const c: Collected = {
    accountId,
    all: false,
    opportunityIds: new Set(),
    interviewIds: new Set(),
    contactIds: new Set(),
    messageIds: new Set(),
    actionKeys: new Set(),
  };
  collecting.set(trx, c);
  try {
    const result = await work();
    if (c.all) await repo.markAllDirty(trx, accountId);
    else {
      // In slices: a 20,000-row import names more ids than one statement may bind (SQLite's
      // limit is 32,766 variables, and marking binds five per opportunity).
      const parts: Array<[keyof Exclude<PlanTouch, 'all'>, Set<string>]> = [
        ['opportunityIds', c.opportunityIds],
        ['interviewIds', c.interviewIds],
        ['contactIds', c.contactIds],
        ['messageIds', c.messageIds],
        ['actionKeys', c.actionKeys],
      ];
      for (const [kind, ids] of parts) {
        const all = [...ids];
        for (let i = 0; i < all.length; i += TOUCH_SLICE) {
          await touchPlan(trx, accountId, { [kind]: all.slice(i, i + TOUCH_SLICE) });
        }
      }
    }
    return result;
  } finally {
    collecting.delete(trx);
  }
}

/** Add a touch to what `c` collects (message ties named up front are reduced to their ids). */
function collect(c: Collected, what: PlanTouch): void {
  if (what === 'all') {
    c.all = true;
    return;
  }
  for (const id of what.opportunityIds ?? []) c.opportunityIds.add(id);
  for (const id of what.interviewIds ?? []) c.interviewIds.add(id);
  for (const id of what.contactIds ?? []) c.contactIds.add(id);
  for (const id of what.messageIds ?? []) c.messageIds.add(id);
  for (const key of what.actionKeys ?? []) if (key) c.actionKeys.add(key);
  for (const t of what.messages ?? []) {
    if (t.opportunity_id) c.opportunityIds.add(t.opportunity_id);
    if (t.interview_id) c.interviewIds.add(t.interview_id);
    if (t.action_key) c.actionKeys.add(t.action_key);
  }
}

/**
 * Run a write and its `touchPlan` in one transaction: the caller's, or a new one when the write is
 * a statement of its own. The touch runs after the write (it reads the rows as written, e.g. a
 * message's recipients), or before it with `touchFirst` (an update that may move a row: the touch
 * reads where it was, `what` names where it goes).
 */
export function touched<T>(
  db: DbOrTrx,
  accountId: string,
  what: PlanTouch,
  write: (trx: DbOrTrx) => Promise<T>,
  touchFirst = false,
): Promise<T> {
  const c = db.isTransaction ? collecting.get(db) : undefined;
  if (c && c.accountId === accountId) {
    // Inside `touchingOnce`: note what is touched; where a row was before it moves is read now.
    return (async () => {
      if (touchFirst && what !== 'all') {
        for (const id of await opportunitiesTouched(db, accountId, what)) c.opportunityIds.add(id);
      } else collect(c, what);
      return write(db);
    })();
  }
  const run = async (trx: DbOrTrx): Promise<T> => {
    if (touchFirst) await touchPlan(trx, accountId, what);
    const result = await write(trx);
    if (!touchFirst) await touchPlan(trx, accountId, what);
    return result;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
