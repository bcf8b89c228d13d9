/**
 * The outbox queue gauges, computed when Prometheus scrapes (one query), not kept up to date on
 * every write. The gauges take the maximum across a cluster's processes: each process that reads
 * the queue sees the same database, so adding them up would count the queue once per process.
 */
import { Gauge } from 'prom-client';
import { formatInstant, type Temporal } from '../../core/time';
import type { Db } from '../../db/database';
import { registry } from './metrics';
import { outboxQueue } from './metrics.repository';

let source: { db: Db; now: () => Temporal.Instant } | null = null;
let last: { scheduled: number; due: number; ageSeconds: number } | null = null;
let pending: Promise<void> | null = null;

/** One query per scrape, shared by the three gauges' collect callbacks. */
async function refresh(): Promise<void> {
  if (!source) return;
  const { db, now } = source;
  const at = now();
  let q: Awaited<ReturnType<typeof outboxQueue>>;
  try {
    q = await outboxQueue(db, formatInstant(at));
  } catch {
    // Database unreachable: the scrape still answers (process metrics), without queue figures.
    last = null;
    return;
  }
  const ageSeconds = q.oldestDue ? Math.max(0, (at.epochMilliseconds - Date.parse(q.oldestDue)) / 1000) : 0;
  last = { scheduled: q.scheduled, due: q.due, ageSeconds };
}

function read(): Promise<void> {
  pending ??= refresh().finally(() => {
    // Cleared on the next tick so the three collects of one scrape share one query.
    setImmediate(() => {
      pending = null;
    });
  });
  return pending;
}

const gauge = (name: string, help: string, pick: (v: NonNullable<typeof last>) => number) =>
  new Gauge({
    name,
    help,
    aggregator: 'max',
    registers: [registry],
    async collect() {
      await read();
      if (last) this.set(pick(last));
    },
  });

gauge(
  'afterview_outbox_due_messages',
  'Scheduled messages whose send time has come (queue depth).',
  (v) => v.due,
);
gauge('afterview_outbox_scheduled_messages', 'Scheduled messages, due or not.', (v) => v.scheduled);
gauge(
  'afterview_outbox_oldest_due_age_seconds',
  'How long the oldest due message has waited past its send time (0 when none is due).',
  (v) => v.ageSeconds,
);

/** Read the queue from this database when metrics are scraped (the last one given wins). */
export function watchOutboxQueue(db: Db, now: () => Temporal.Instant): void {
  source = { db, now };
  last = null;
}
