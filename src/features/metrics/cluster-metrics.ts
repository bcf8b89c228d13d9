/**
 * Metrics for `serve --hosted --workers N`. Each process keeps its own registry (HTTP timings
 * live in the workers, sends and the queue in the primary, which runs the outbox), so a scrape
 * of one worker would show a fraction of the truth. The primary therefore serves /metrics on a
 * port of its own (AFTERVIEW_METRICS_PORT): on each scrape it asks every worker for its registry
 * over the cluster's IPC channel and adds them to its own with prom-client's
 * `AggregatorRegistry.aggregate` (counters and histograms summed, queue gauges by maximum).
 */
import cluster from 'node:cluster';
import { createServer, type Server } from 'node:http';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { Temporal } from '../../core/time';
import type { Db } from '../../db/database';
import { enableProcessMetrics, registry } from './metrics';
import { bearerMatches } from './metrics-auth';
import { watchOutboxQueue } from './queue-metrics';

/** One process's registry as JSON (what the aggregation adds up). */
type RegistryJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

/** IPC messages; no `afterview` key, which the cluster's own notes use. */
type MetricsNote =
  | { promMetrics: 'request'; id: number }
  | { promMetrics: 'reply'; id: number; metrics: RegistryJson };

const isMetricsNote = (m: unknown): m is MetricsNote =>
  typeof m === 'object' && m !== null && 'promMetrics' in m && 'id' in m && typeof m.id === 'number';

/** In a worker: answer the primary's requests with this process's registry. */
export function answerMetricsRequests(): void {
  process.on('message', (m: unknown) => {
    if (!isMetricsNote(m) || m.promMetrics !== 'request') return;
    void registry.getMetricsAsJSON().then((metrics) => {
      const reply: MetricsNote = { promMetrics: 'reply', id: m.id, metrics };
      process.send?.(reply);
    });
  });
}

const WORKER_TIMEOUT_MS = 2000;

/** Every connected worker's registry; a worker that does not answer in time is left out. */
async function workerMetrics(requestId: number): Promise<RegistryJson[]> {
  const workers = Object.values(cluster.workers ?? {}).filter((w) => w?.isConnected());
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise<RegistryJson>((resolve) => {
          if (!worker) return resolve([]);
          const timer = setTimeout(() => done([]), WORKER_TIMEOUT_MS);
          const onMessage = (m: unknown) => {
            if (isMetricsNote(m) && m.promMetrics === 'reply' && m.id === requestId) done(m.metrics);
          };
          function done(metrics: RegistryJson) {
            clearTimeout(timer);
            worker?.off('message', onMessage);
            resolve(metrics);
          }
          worker.on('message', onMessage);
          const request: MetricsNote = { promMetrics: 'request', id: requestId };
          worker.send(request);
        }),
    ),
  );
}

/**
 * In the primary: serve `GET /metrics` (bearer token) on `host:port`, the sum of this process
 * and every worker. Resolves once listening.
 */
export async function serveClusterMetrics(options: {
  host: string;
  port: number;
  token: string;
  db: Db;
  now: () => Temporal.Instant;
}): Promise<{ address: string; close(): Promise<void> }> {
  enableProcessMetrics();
  watchOutboxQueue(options.db, options.now);
  let requests = 0;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not-found"}}');
      return;
    }
    if (!bearerMatches(req.headers.authorization, options.token)) {
      res
        .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' })
        .end('{"error":{"code":"unauthenticated","message":"A metrics token is required."}}');
      return;
    }
    requests += 1;
    Promise.all([registry.getMetricsAsJSON(), workerMetrics(requests)])
      .then(([own, workers]) => AggregatorRegistry.aggregate([own, ...workers]).metrics())
      .then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const bound = server.address();
  const address =
    typeof bound === 'object' && bound !== null
      ? `http://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}`
      : String(bound);
  return {
    address,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
