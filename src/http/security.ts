/**
 * Local-mode trust (DESIGN.md "Trust"): answer only to loopback Host names (a DNS-rebinding page
 * on evil.example that resolves to 127.0.0.1 still sends `Host: evil.example`), refuse writes
 * from other sites (Origin / Sec-Fetch-Site plus a double-submit CSRF token), and send strict
 * security headers.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors';

/** Cookie holding the CSRF token; JavaScript on our own origin reads it and echoes it in a header. */
export const CSRF_COOKIE = 'afterview_csrf';
/** Header every non-GET request must carry, equal to the cookie. */
export const CSRF_HEADER = 'x-csrf-token';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SecurityOptions {
  /** Extra host names (without port) to answer to, e.g. the name given to `serve --host`. */
  allowedHosts?: readonly string[];
  /** Requests per minute allowed on the expensive routes (defaults: RATE_LIMITS). */
  rateLimits?: Partial<RateLimits>;
  /**
   * Hosted mode: answer to any Host. Sign-in protects it, and a rebinding page on another name
   * never carries our session cookie.
   */
  anyHost?: boolean;
  /**
   * Hosted mode on an https public URL: the CSRF cookie is Secure like the session cookie, so a
   * plain-http page of the same host (or a network attacker answering for it) never receives it,
   * and the answers carry Strict-Transport-Security.
   */
  secureCookies?: boolean;
}

/** Per-minute request budgets of the routes that reach out or do heavy work (each route counts its own). */
export interface RateLimits {
  /** `POST /api/mail/test`: each one opens a connection to a server the request names, a port prober otherwise. */
  mailTest: number;
  /** `POST /api/imports` and `/api/imports/preview`: each may parse 20 MB or run OCR. */
  imports: number;
}

export const RATE_LIMITS: RateLimits = { mailTest: 10, imports: 30 };

const RATE_LIMITED_ROUTES: ReadonlyArray<{ url: string; limit: keyof RateLimits; what: string }> = [
  { url: '/api/mail/test', limit: 'mailTest', what: 'mail server tests' },
  { url: '/api/imports', limit: 'imports', what: 'imports' },
  { url: '/api/imports/preview', limit: 'imports', what: 'imports' },
];

/**
 * The rate limiter, on the listed routes only (everything else is the user's own clicking). Must
 * be installed before the routes: it reads each route's config as the route is added.
 */
async function registerRateLimits(app: FastifyInstance, limits: RateLimits): Promise<void> {
  app.addHook('onRoute', (route) => {
    const entry = RATE_LIMITED_ROUTES.find((r) => r.url === route.url && route.method === 'POST');
    if (!entry) return;
    const max = limits[entry.limit];
    route.config = {
      ...route.config,
      rateLimit: {
        max,
        timeWindow: 60_000,
        // Hosted: each account spends its own budget (the sign-in gate has found it by now), not its
        // address's, which a whole office or the proxy in front of us shares. Local: one account.
        keyGenerator: (req: FastifyRequest) =>
          req.hostedActor ? `account:${req.hostedActor.accountId}` : `address:${req.ip}`,
        errorResponseBuilder: (_req: FastifyRequest, ctx: { after: string }) =>
          new AppError(
            'rate-limited',
            `Too many ${entry.what} in a minute (${max} at most); try again in ${ctx.after}.`,
          ),
      },
    };
  });
  await app.register(fastifyRateLimit, { global: false });
}

/** The host name of a Host header value, lower-cased, without the port; null when malformed. */
export function hostnameOf(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(hostHeader.trim());
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** True when `host` (a Host header value) names this machine's loopback or an allowed host. */
export function isAllowedHost(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  const name = hostnameOf(host);
  return name !== null && (LOOPBACK_HOSTS.has(name) || allowed.has(name));
}

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).type('application/json').send({ error: { code, message } });
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when the Origin header names the same scheme-less host and port as the Host header. */
function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    const o = new URL(origin);
    // Through URL both sides drop the scheme's default port (`localhost:80` is `localhost`).
    return o.host === new URL(`${o.protocol}//${host ?? ''}`).host;
  } catch {
    return false;
  }
}

/** Why a write must be refused as cross-site, or null when it may proceed. */
export function crossSiteReason(req: FastifyRequest): string | null {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return 'This request came from another site, so Afterview refused it.';
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !sameOrigin(origin, req.headers.host)) {
    return 'This request came from another site, so Afterview refused it.';
  }
  const cookie = req.cookies[CSRF_COOKIE];
  const header = req.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || !sameToken(cookie, header)) {
    return 'The security token is missing or out of date; reload the page and try again.';
  }
  return null;
}

/** Install the Host check, the CSRF check, the rate limits and the security headers on `app`. */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions = {}): Promise<void> {
  const allowed = new Set((options.allowedHosts ?? []).map((h) => h.toLowerCase()));
  await registerRateLimits(app, { ...RATE_LIMITS, ...options.rateLimits });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    // Defaults off: helmet's default CSP adds upgrade-insecure-requests, which breaks plain-http loopback.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // Loopback is plain http, where HSTS would only confuse other local apps. Hosted on https, the
    // browser is told to come back on https only (half a year; subdomains are the operator's own).
    strictTransportSecurity:
      options.secureCookies === true ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!options.anyHost && !isAllowedHost(req.headers.host, allowed)) {
      return refuse(
        reply,
        421,
        'forbidden',
        'Afterview only answers to localhost addresses; open it at http://127.0.0.1 instead.',
      );
    }
    if (!req.cookies[CSRF_COOKIE]) {
      const token = randomBytes(24).toString('base64url');
      // Readable by our own script (double-submit), never sent cross-site.
      reply.setCookie(CSRF_COOKIE, token, {
        path: '/',
        sameSite: 'strict',
        httpOnly: false,
        secure: options.secureCookies === true,
      });
      req.cookies[CSRF_COOKIE] = SAFE_METHODS.has(req.method) ? token : '';
    }
    if (!SAFE_METHODS.has(req.method)) {
      const reason = crossSiteReason(req);
      if (reason) return refuse(reply, 403, 'forbidden', reason);
    }
    return undefined;
  });
}
