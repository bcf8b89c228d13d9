/**
 * Many notes already due in the outbox, for the tests and the bench that drive real workers
 * against the SMTP harness (crash, graceful stop, throughput): the local account with its SMTP
 * server set, one opportunity, and `count` `scheduled` notes to its recruiter, inserted directly
 * (the checker and scheduling have their own tests) in transactions of 500.
 */
import { randomUUID } from 'node:crypto';
import type { Temporal } from '../../src/core/time';
import type { MessageKind } from '../../src/core/types';
import type { Store } from '../../src/db/connect';
import { ensureLocalAccount } from '../../src/features/accounts/account.service';
import { setSmtpUrl } from '../../src/features/mail/mail.service';
import { addOpportunity } from '../../src/features/opportunities/opportunity.service';
import type { SecretBox } from '../../src/features/secrets/secret-box';

export interface DueNotesOptions {
  count: number;
  /** The SMTP server's URL, with its `from=` parameter. */
  smtpUrl: string;
  box: SecretBox;
  /** When the notes were created and the first falls due. */
  now: Temporal.Instant;
  /** Put in each Message-ID (`<tag.i.uuid@example.test>`), to tell runs apart in the server's log. */
  tag: string;
  /** Seconds between one note's due time and the next (0: all due at `now`). */
  spacingSeconds?: number;
  kind?: MessageKind;
  recruiter?: string;
  subject?: (i: number) => string;
  body?: (i: number) => string;
}

/** Seed the notes; returns their ids in the order they fall due. */
export async function seedDueNotes(store: Store, o: DueNotesOptions): Promise<string[]> {
  const actor = await ensureLocalAccount(store.db, o.now);
  const ctx = { db: store.db, actor, now: o.now };
  await setSmtpUrl(ctx, o.box, o.smtpUrl);
  const opp = await addOpportunity(ctx, {
    company: 'Northwind Labs',
    role: 'Engineer',
    recruiter: o.recruiter ?? 'Dana <dana@northwind.example>',
  });
  const recruiterId = opp.recruiterId;
  if (!recruiterId) throw new Error('the opportunity has no recruiter');
  const created = o.now.toString();
  const ids: string[] = [];
  for (let from = 0; from < o.count; from += 500) {
    const batch = Array.from({ length: Math.min(500, o.count - from) }, (_, k) => ({
      i: from + k,
      id: randomUUID(),
    }));
    await store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('message')
        .values(
          batch.map(({ i, id }) => ({
            id,
            account_id: actor.accountId,
            kind: o.kind ?? 'other',
            direction: 'out',
            opportunity_id: opp.id,
            interview_id: null,
            subject: o.subject?.(i) ?? `Note ${i}`,
            body: o.body?.(i) ?? `Dear Dana,\n\nNote number ${i}.\n\nJo`,
            status: 'scheduled',
            send_at: o.now.add({ seconds: i * (o.spacingSeconds ?? 0) }).toString(),
            sent_at: null,
            rfc_message_id: `<${o.tag}.${i}.${id}@example.test>`,
            in_reply_to: null,
            action_key: null,
            attempts: 0,
            lease_until: null,
            last_error: null,
            created_at: created,
            updated_at: created,
          })),
        )
        .execute();
      await trx
        .insertInto('message_contact')
        .values(
          batch.map(({ id }) => ({
            account_id: actor.accountId,
            message_id: id,
            contact_id: recruiterId,
            address: 'dana@northwind.example',
            role: 'to',
          })),
        )
        .execute();
    });
    ids.push(...batch.map((b) => b.id));
  }
  return ids;
}
