/**
 * The process's Prometheus metrics: one registry per process (a cluster's primary adds up its
 * workers' registries, see cluster-metrics.ts). The outbox worker and the IMAP pass count their
 * outcomes here; the HTTP layer times requests; the queue gauges are read from the database at
 * scrape time (queue-metrics.ts). Nothing is exported unless AFTERVIEW_METRICS_TOKEN is set.
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** This process's registry. */
export const registry = new Registry();

/** Outcomes of one send attempt, as the outbox worker records them. */
export type SendOutcomeLabel = 'sent' | 'failed' | 'retried' | 'uncertain';

const sends = new Counter({
  name: 'afterview_outbox_sends_total',
  help: 'Outbox send attempts by outcome (sent, failed, retried later, uncertain).',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const imapSyncErrors = new Counter({
  name: 'afterview_imap_sync_errors_total',
  help: 'IMAP reply-detection passes of one account that failed.',
  registers: [registry],
});

/** Seconds; the buckets bracket the 50 ms Today target. */
export const httpDuration = new Histogram({
  name: 'afterview_http_request_duration_seconds',
  help: 'HTTP request duration by method, route pattern and status class.',
  labelNames: ['method', 'route', 'status_class'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

// Every outcome exported from the start (at 0), so a rate() over it never starts from nothing.
for (const outcome of ['sent', 'failed', 'retried', 'uncertain'] satisfies SendOutcomeLabel[])
  sends.inc({ outcome }, 0);

/** Count one send attempt's outcome (the worker's status: `scheduled` again means retried). */
export function countSend(status: 'sent' | 'scheduled' | 'failed' | 'uncertain'): void {
  sends.inc({ outcome: status === 'scheduled' ? 'retried' : status });
}

/** Count one failed IMAP pass. */
export function countImapSyncError(): void {
  imapSyncErrors.inc();
}

let processMetrics = false;

/** Add Node's process metrics (CPU, memory, event loop lag, GC) once, in a process that serves them. */
export function enableProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry });
}
