/**
 * Prometheus in the HTTP layer: every request's duration is observed by method, route PATTERN
 * (`/api/opportunities/:id/overview`, never the URL with its ids) and status class; `GET
 * /metrics` answers the registry's text to a request bearing AFTERVIEW_METRICS_TOKEN (401
 * otherwise). Without a token nothing here is installed and /metrics does not exist (404).
 */
import type { FastifyInstance } from 'fastify';
import type { Temporal } from '../core/time';
import type { Db } from '../db/database';
import { enableProcessMetrics, httpDuration, registry } from '../features/metrics/metrics';
import { bearerMatches } from '../features/metrics/metrics-auth';
import { watchOutboxQueue } from '../features/metrics/queue-metrics';

export const METRICS_PATH = '/metrics';

export interface MetricsOptions {
  /** AFTERVIEW_METRICS_TOKEN. */
  token: string;
  /**
   * Serve /metrics from this server. A cluster worker does not: the primary serves the sum of
   * every process on AFTERVIEW_METRICS_PORT (cluster-metrics.ts); one worker's share would mislead.
   */
  route?: boolean;
}

export function registerMetrics(
  app: FastifyInstance,
  options: MetricsOptions & { db: Db; now: () => Temporal.Instant },
): void {
  enableProcessMetrics();
  // A cluster worker leaves the queue to the primary (the same query from every process adds nothing).
  if (options.route !== false) watchOutboxQueue(options.db, options.now);
  app.addHook('onResponse', async (req, reply) => {
    httpDuration.observe(
      {
        method: req.method,
        route: req.routeOptions.url ?? '(no route)',
        status_class: `${Math.floor(reply.statusCode / 100)}xx`,
      },
      reply.elapsedTime / 1000,
    );
  });
  if (options.route === false) return;
  app.get(METRICS_PATH, { schema: { hide: true } }, async (req, reply) => {
    if (!bearerMatches(req.headers.authorization, options.token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: { code: 'unauthenticated', message: 'A metrics token is required.' } });
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
