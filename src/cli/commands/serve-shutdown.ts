/**
 * Stopping a server without dropping work: the HTTP side stops accepting connections and lets
 * the requests it is answering finish (bounded), then the mail background and the store close.
 */
import type { FastifyInstance } from 'fastify';

/** How long in-flight HTTP requests get to finish after a stop signal. */
export const HTTP_DRAIN_MS = 10_000;

/**
 * Stop accepting, let in-flight requests finish, then close. Fastify's close already waits for
 * them (and answers 503 to new requests on kept-alive connections); past `drainMs` the
 * connections still open are cut so a stuck client cannot hold the process.
 */
export async function closeHttpGracefully(app: FastifyInstance, drainMs = HTTP_DRAIN_MS): Promise<void> {
  const timer = setTimeout(() => app.server.closeAllConnections(), drainMs);
  timer.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}
