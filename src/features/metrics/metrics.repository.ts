/**
 * The outbox queue as Prometheus sees it, read at scrape time. Across every account on purpose:
 * it is the operator's view of the one queue the workers serve.
 */
import type { DbOrTrx } from '../../db/database';

export interface OutboxQueueRow {
  /** Scheduled messages, due or not. */
  scheduled: number;
  /** Scheduled messages whose send time has come: what the workers have yet to claim. */
  due: number;
  /** The earliest send time among the due ones (ISO text), null when none is due. */
  oldestDue: string | null;
}

export async function outboxQueue(db: DbOrTrx, now: string): Promise<OutboxQueueRow> {
  const row = await db
    .selectFrom('message')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('scheduled'),
      eb.fn.sum<number | string | null>(eb.case().when('send_at', '<=', now).then(1).else(0).end()).as('due'),
      eb.fn
        .min<string | null>(eb.case().when('send_at', '<=', now).then(eb.ref('send_at')).else(null).end())
        .as('oldest_due'),
    ])
    .where('status', '=', 'scheduled')
    .executeTakeFirstOrThrow();
  return { scheduled: Number(row.scheduled), due: Number(row.due ?? 0), oldestDue: row.oldest_due };
}
