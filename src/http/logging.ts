/**
 * The server's logs: one JSON line per request (pino, Fastify's own logger) carrying a request
 * id, the route pattern, the status and the duration, and nothing a user typed or holds as a
 * secret. Bodies are never logged; the line names the route pattern (`/api/interviews/:id/debrief`)
 * and never the raw URL, whose path or query can carry a calendar-feed, verification or reset
 * token; headers are not logged either, and pino's `redact` blanks the secret-bearing ones should
 * any code log a request or reply object anyway.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';

/** Fastify's logger options (pino's, plus a stream). */
export type ServerLogger = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/** The header a request id arrives in (from a trusted proxy) and is echoed back in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Where a logged object may carry a secret; pino replaces the value with "[Redacted]". */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["proxy-authorization"]',
  'req.body',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'body',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
];

/**
 * Options for Fastify's `logger`: JSON lines to `stream` (stdout by default) at `level`, secrets
 * redacted. The request id is logged as `requestId`.
 */
export function loggerOptions(
  options: { level?: string; stream?: { write(line: string): void } } = {},
): ServerLogger {
  return {
    level: options.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    // Fastify's default request serializer logs the raw URL; the access line below logs the pattern.
    serializers: {
      req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? null }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
    ...(options.stream && { stream: options.stream }),
  };
}

/** A request id is echoed and logged: only short, plain tokens are taken from a proxy. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify's `genReqId`: a fresh UUID, or the incoming X-Request-Id when the connection comes
 * from the trusted proxy (an address, a CIDR, or a comma-separated list of them); a client
 * talking to the server directly cannot choose the id its requests are logged under.
 */
export function requestIdGenerator(trustedProxy?: string): (req: IncomingMessage) => string {
  const trusted = trustedProxy ? proxyList(trustedProxy) : null;
  return (req) => {
    const incoming = req.headers[REQUEST_ID_HEADER];
    if (trusted && typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming)) {
      const from = plainAddress(req.socket.remoteAddress ?? '');
      const family = isIPv4(from) ? 'ipv4' : isIPv6(from) ? 'ipv6' : null;
      if (family && trusted.check(from, family)) return incoming;
    }
    return randomUUID();
  };
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) → `10.0.0.1`. */
const plainAddress = (address: string): string =>
  address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;

function proxyList(spec: string): BlockList {
  const list = new BlockList();
  for (const part of spec.split(',').map((s) => s.trim())) {
    if (!part) continue;
    const [address = '', bits] = part.split('/');
    const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
    // Fastify's own names for loopback and private ranges are not addresses: no ids from them.
    if (!family) continue;
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

/**
 * Echo the request id in every answer, and (when the logger is on) write one access line per
 * request: `{requestId, method, route, status, ms}`. Fastify's own two lines per request are
 * turned off in server.ts (they carry the raw URL).
 */
export function registerRequestLogging(app: FastifyInstance, logRequests: boolean): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });
  if (!logRequests) return;
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        // The pattern, never the URL: ids and tokens stay out of the log.
        route: req.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
}

/**
 * Hosted mode logs by default: JSON lines on stdout at AFTERVIEW_LOG_LEVEL (default `info`;
 * `silent` turns them off). Local mode stays quiet unless AFTERVIEW_DEBUG.
 */
export function hostedLogger(env: Record<string, string | undefined>): ServerLogger {
  return loggerOptions({ level: env.AFTERVIEW_LOG_LEVEL || (env.AFTERVIEW_DEBUG ? 'debug' : 'info') });
}
