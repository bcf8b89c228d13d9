/**
 * Hosted mode's HTTP layer: the bridge to better-auth under /api/auth (with Afterview's password
 * blocklist and rate limits in front of it), the sign-in gate every other route sits behind, and
 * the health probes. `actorOf` is the ONE place a hosted request becomes an actor.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../core/errors';
import { passwordProblem } from '../core/password-policy';
import type { Temporal } from '../core/time';
import type { Db } from '../db/database';
import type { AuthFailureTable } from '../db/tables/auth-failure.table';
import type { Auth } from '../features/auth/auth';
import { COMMON_PASSWORDS } from '../features/auth/common-passwords';
import { FailureLimiter, tooMany } from '../features/auth/failure-limiter';
import { ensureHostedAccount } from '../features/auth/hosted-account.service';
import type { SystemMailer } from '../features/auth/system-mailer';
import type { Actor } from '../features/context';
import { databaseIsReady } from '../features/health/health.service';

export interface HostedOptions {
  auth: Auth;
  /** AFTERVIEW_PUBLIC_URL, e.g. https://afterview.example.org */
  publicUrl: string;
  /** Whether a system mail server is configured (AFTERVIEW_SYSTEM_SMTP_URL); resets need one. */
  systemMail: boolean;
  /** Afterview's own mails besides better-auth's (coach invitations); without one they are refused. */
  mailer?: SystemMailer;
  /** Per-client-address (IP) budgets per minute of the sign-in and reset routes, shared by every process. */
  signInPerMinute?: number;
  resetPerMinute?: number;
  /** Failed sign-ins of one address before it must wait (per account). */
  failuresPerAccount?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the sign-in gate: the signed-in account, or null. */
    hostedActor: Actor | null;
  }
}

/** Paths anyone may reach without signing in. */
function isPublicPath(path: string): boolean {
  return (
    path.startsWith('/api/auth/') ||
    path === '/healthz' ||
    path === '/readyz' ||
    // Prometheus scrapes with AFTERVIEW_METRICS_TOKEN, not a session (http/metrics.ts checks it).
    path === '/metrics' ||
    path.startsWith('/feed/') ||
    path.startsWith('/assets/') ||
    path === '/sign-in' ||
    path === '/reset-password' ||
    path === '/favicon.svg' ||
    path === '/favicon.ico' ||
    path === '/robots.txt'
  );
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid-input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  422: 'invalid-input',
  429: 'rate-limited',
};

/** What sign-up answers when a mail server is configured, for a new and a known address alike. */
export const SIGN_UP_SENT =
  'Check your mail: we sent a link to confirm this address. Open it to start using Afterview.';

/** Sign-in with the right password before the address is confirmed. */
export const CONFIRM_FIRST =
  'Confirm your e-mail address first: open the link in the mail we sent when you signed up, or send the link again.';

/** The one sentence for any failed sign-in, whether the address is unknown or the password wrong. */
export const SIGN_IN_FAILED = 'That e-mail address and password do not match an account.';

/** `value` with every `token` property removed, at any depth. */
function withoutTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTokens);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'token')
      .map(([k, v]) => [k, withoutTokens(v)]),
  );
}

const AUTH_ROUTES_WITH_NEW_PASSWORD = new Set(['/api/auth/sign-up/email', '/api/auth/reset-password']);

interface JsonBody {
  email?: unknown;
  password?: unknown;
  newPassword?: unknown;
}

function bodyOf(req: FastifyRequest): JsonBody {
  return typeof req.body === 'object' && req.body !== null ? (req.body as JsonBody) : {};
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export async function registerHosted(
  app: FastifyInstance,
  options: HostedOptions & { db: Db; now: () => Temporal.Instant },
): Promise<void> {
  const { auth, db, now } = options;
  const base = new URL(options.publicUrl);
  // In the database, so every app process of the installation spends the same budget.
  const window = 15 * 60_000;
  const failures = new FailureLimiter(
    db,
    { kind: 'sign-in', max: options.failuresPerAccount ?? 5, windowMs: window },
    now,
  );
  const resets = new FailureLimiter(db, { kind: 'reset', max: 3, windowMs: window }, now);
  const confirmations = new FailureLimiter(db, { kind: 'verify', max: 3, windowMs: window }, now);

  app.decorateRequest('hostedActor', null);

  // Accounts whose row this process has seen or made: the repair below runs once per account per
  // process, not on every request. Forgetting one is harmless (the next request checks again); a
  // deleted account never comes back through here, since its sessions go in the same transaction.
  const ensured = new RecentSet(10_000);

  /** Session cookie → actor; null when there is no valid session. */
  async function actorOf(req: FastifyRequest): Promise<Actor | null> {
    const session = await auth.api.getSession({ headers: webHeaders(req) });
    if (!session) return null;
    const accountId = session.user.id;
    // The account row is written at sign-up; a crash between the two is repaired here.
    if (!ensured.has(accountId)) {
      await ensureHostedAccount(db, accountId, now());
      ensured.add(accountId);
    }
    return { accountId, kind: 'user' };
  }

  // The gate: after the security hook (Host, CSRF), before any route runs.
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (isPublicPath(path)) return undefined;
    req.hostedActor = await actorOf(req);
    if (req.hostedActor) return undefined;
    if (path.startsWith('/api/') || req.method !== 'GET') {
      return reply
        .code(401)
        .type('application/json')
        .send({ error: { code: 'unauthenticated', message: 'Sign in first: this needs your account.' } });
    }
    const next = encodeURIComponent(req.url);
    return reply.redirect(`/sign-in?next=${next}`, 302);
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const ready = await databaseIsReady(db);
    return reply.code(ready.ok ? 200 : 503).send({ status: ready.ok ? 'ready' : 'not-ready', ...ready });
  });

  /**
   * A budget per client address (the IP Fastify trusts) and minute for one sign-in route, counted
   * in the database like the per-account ones: with `--workers N` or N processes behind a proxy,
   * an address still gets one budget, not N. Checked before the body is read. A refused request
   * is not recorded, so a flood adds no rows: an address holds at most `max` rows a minute.
   */
  const perClient = (kind: AuthFailureTable['kind'], max: number, what: string) => {
    const limiter = new FailureLimiter(db, { kind, max, windowMs: 60_000 }, now);
    return {
      onRequest: async (req: FastifyRequest, reply: FastifyReply) => {
        const wait = await limiter.waitSeconds(req.ip);
        if (wait !== null) {
          reply.header('retry-after', String(wait));
          throw tooMany(`${what} from this address`, wait);
        }
        await limiter.hit(req.ip, what, false);
      },
    };
  };

  const bridge = async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '';
    const body = bodyOf(req);
    const email = asText(body.email)?.trim().toLowerCase();
    if (AUTH_ROUTES_WITH_NEW_PASSWORD.has(path)) {
      const password = asText(path.endsWith('/reset-password') ? body.newPassword : body.password) ?? '';
      const problem = passwordProblem(password, COMMON_PASSWORDS, email);
      if (problem) throw new AppError('invalid-input', problem, 'password');
    }
    const signIn = path === '/api/auth/sign-in/email';
    const signUp = path === '/api/auth/sign-up/email';
    const resetAsk = path === '/api/auth/request-password-reset';
    const confirmAsk = path === '/api/auth/send-verification-email';
    if (signIn && email) await failures.check(email, 'failed sign-ins for this account');
    if ((resetAsk || confirmAsk) && !options.systemMail) {
      // better-auth answers 200 whatever the mailer does (so as not to reveal who has an account).
      throw new AppError(
        'unavailable',
        'This server has no mail server for its own mails (AFTERVIEW_SYSTEM_SMTP_URL), so it cannot send a reset link; ask whoever runs it.',
      );
    }
    if (resetAsk && email) await resets.hit(email, 'password reset requests for this account');
    if (confirmAsk && email) await confirmations.hit(email, 'confirmation mails for this address');
    const res = await auth.handler(toWebRequest(req, base));
    if (signIn && email) {
      if (res.status === 401) await failures.hit(email, 'failed sign-ins for this account', false);
      else if (res.ok) await failures.clear(email);
    }
    // Right password, address not confirmed yet (only when a mail server is configured).
    if (signIn && res.status === 403) throw new AppError('forbidden', CONFIRM_FIRST, 'email');
    if (signUp && res.ok && options.systemMail) {
      // The same answer whether the address is new or has an account already (better-auth mails
      // its owner then): nothing here tells who has an account, not even a user id.
      return reply
        .code(200)
        .header('cache-control', 'no-store')
        .send({ status: 'check-your-mail', message: SIGN_UP_SENT });
    }
    return sendWebResponse(reply, res, signIn);
  };

  app.post(
    '/api/auth/sign-in/email',
    perClient('client-sign-in', options.signInPerMinute ?? 10, 'sign-in attempts'),
    bridge,
  );
  app.post(
    '/api/auth/sign-up/email',
    perClient('client-sign-up', options.signInPerMinute ?? 10, 'sign-ups'),
    bridge,
  );
  app.post(
    '/api/auth/request-password-reset',
    perClient('client-reset-request', options.resetPerMinute ?? 5, 'password reset requests'),
    bridge,
  );
  app.post(
    '/api/auth/reset-password',
    perClient('client-reset', options.resetPerMinute ?? 5, 'password resets'),
    bridge,
  );
  app.post(
    '/api/auth/send-verification-email',
    perClient('client-verify', options.resetPerMinute ?? 5, 'confirmation mails'),
    bridge,
  );
  app.route({ method: ['GET', 'POST'], url: '/api/auth/*', handler: bridge });
}

/** The `max` most recently added or looked-up keys (a bounded LRU set). */
export class RecentSet {
  private readonly keys = new Set<string>();
  constructor(private readonly max: number) {}

  has(key: string): boolean {
    if (!this.keys.has(key)) return false;
    // Move to the newest end: a Set iterates in insertion order, so the oldest is first.
    this.keys.delete(key);
    this.keys.add(key);
    return true;
  }

  add(key: string): void {
    this.keys.delete(key);
    this.keys.add(key);
    if (this.keys.size > this.max) {
      const oldest = this.keys.values().next();
      if (!oldest.done) this.keys.delete(oldest.value);
    }
  }
}

/** Request headers for better-auth, with the client address Fastify trusts (AFTERVIEW_TRUSTED_PROXY). */
function webHeaders(req: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith('x-forwarded-')) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  headers.set('x-forwarded-for', req.ip);
  return headers;
}

function toWebRequest(req: FastifyRequest, base: URL): Request {
  const headers = webHeaders(req);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body !== undefined;
  if (hasBody) headers.set('content-type', 'application/json');
  headers.delete('content-length');
  return new Request(new URL(req.url, base.origin), {
    method: req.method,
    headers,
    ...(hasBody && { body: JSON.stringify(req.body) }),
  });
}

/** Copy better-auth's answer to Fastify, turning its errors into Afterview's error shape. */
async function sendWebResponse(reply: FastifyReply, res: Response, signIn: boolean) {
  for (const cookie of res.headers.getSetCookie()) reply.header('set-cookie', cookie);
  const location = res.headers.get('location');
  if (location) reply.header('location', location);
  const text = await res.text();
  reply.code(res.status).header('cache-control', 'no-store');
  // Sign-up, sign-in, get-session and list-sessions answer with session tokens in the body. The
  // cookie is HttpOnly so that page scripts never hold one, so every `token` is taken out of every
  // JSON answer (sessions are revoked by id through /api/sessions/revoke).
  if (res.ok && (res.headers.get('content-type') ?? '').includes('json')) {
    return reply.type('application/json').send(JSON.stringify(withoutTokens(JSON.parse(text))));
  }
  if (res.ok || res.status === 302) {
    return reply.type(res.headers.get('content-type') ?? 'application/json').send(text);
  }
  let message = 'The sign-in service refused this request.';
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string' && parsed.message !== '') message = parsed.message;
  } catch {
    // Not JSON: keep the generic sentence.
  }
  if (signIn && res.status === 401) message = SIGN_IN_FAILED;
  const code = CODE_BY_STATUS[res.status] ?? (res.status >= 500 ? 'internal' : 'invalid-input');
  return reply.type('application/json').send({ error: { code, message } });
}

export { isPublicPath };
