/**
 * A hosted-mode server on a test store, driven through Fastify's inject, with a cookie jar per
 * "browser": `const h = await createHostedApi(store, smtp.url)`, `const a = h.browser()`,
 * `await a.post('/api/auth/sign-up/email', {...})`. Writes carry the CSRF cookie and header and a
 * same-origin Origin, as the web app's client sends them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { Temporal } from '../src/core/time';
import type { Store } from '../src/db/connect';
import { createAuth } from '../src/features/auth/auth';
import { systemMailer } from '../src/features/auth/system-mailer';
import { runSystemMailOnce } from '../src/features/outbox/system-mail.worker';
import { CSRF_COOKIE, CSRF_HEADER } from '../src/http/security';
import { buildServer, type ServerOptions } from '../src/http/server';
import { DEFAULT_TEST_NOW } from './context';

export const PUBLIC_URL = 'https://afterview.test';
const MAIL_FROM = 'Afterview <no-reply@afterview.test>';
const TOKEN = 'hosted-csrf-token-0123456789';

export interface Browser {
  cookies: Map<string, string>;
  get(path: string): Promise<LightMyRequestResponse>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(path: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(path: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(path: string): Promise<LightMyRequestResponse>;
}

export interface HostedApi {
  app: FastifyInstance;
  browser(): Browser;
  close(): Promise<void>;
}

export async function createHostedApi(
  store: Store,
  options: {
    smtpUrl?: string;
    publicUrl?: string;
    signInPerMinute?: number;
    trustedProxy?: string;
    /** Told of every route the server adds (the route-table isolation test). */
    onRoute?: (route: RouteOptions) => void;
    /** The logger and Prometheus settings, as `serve --hosted` passes them. */
    server?: Pick<ServerOptions, 'logger' | 'metrics'>;
    /** The server's clock (fixed at DEFAULT_TEST_NOW unless given). */
    now?: () => Temporal.Instant;
    /** The built front end, as in ServerOptions (none by default). */
    webRoot?: string | null;
    /** The data dir; a fresh temporary one (removed on close) unless given. */
    dataDir?: string;
  } = {},
): Promise<HostedApi> {
  const publicUrl = options.publicUrl ?? PUBLIC_URL;
  const fixed = Temporal.Instant.from(DEFAULT_TEST_NOW);
  const now = options.now ?? (() => fixed);
  // System mails are queued in the request, as in `serve --hosted`; instead of a background loop,
  // each write here ends with a pass of the system mail worker, so a test finds the mail in the
  // SMTP harness as soon as its request returns.
  const mailQueue = { db: store.db, now };
  const smtpUrl = options.smtpUrl;
  const settleMail = async () => {
    if (smtpUrl)
      await runSystemMailOnce({ db: store.db, dialect: store.dialect, smtpUrl, from: MAIL_FROM, now });
  };
  const auth = createAuth({
    db: store.db,
    dialect: store.dialect,
    publicUrl,
    secret: 'test-secret-test-secret-test-secret-0123',
    mailer: systemMailer(options.smtpUrl, MAIL_FROM, mailQueue),
    canMail: options.smtpUrl !== undefined,
    now,
  });
  // A data dir of its own unless the test brings one: the mail-password key file lives there.
  const ownDataDir = options.dataDir === undefined ? mkdtempSync(join(tmpdir(), 'afterview-hosted-')) : null;
  const dataDir = options.dataDir ?? ownDataDir ?? '';
  const app = await buildServer({
    store,
    dataDir,
    webRoot: options.webRoot ?? null,
    actorFor: async () => {
      throw new Error('hosted mode never asks for the local actor');
    },
    now,
    ...(options.onRoute && { onRoute: options.onRoute }),
    ...options.server,
    hosted: {
      auth,
      publicUrl,
      systemMail: options.smtpUrl !== undefined,
      mailer: systemMailer(options.smtpUrl, MAIL_FROM, mailQueue),
      ...(options.signInPerMinute !== undefined && { signInPerMinute: options.signInPerMinute }),
      ...(options.trustedProxy !== undefined && { trustedProxy: options.trustedProxy }),
    },
  });
  const origin = new URL(publicUrl).origin;
  const host = new URL(publicUrl).host;
  const browser = (): Browser => {
    const cookies = new Map<string, string>([[CSRF_COOKIE, TOKEN]]);
    const remember = (res: LightMyRequestResponse) => {
      for (const c of res.cookies) {
        if (c.maxAge === 0 || c.value === '') cookies.delete(c.name);
        else cookies.set(c.name, c.value);
      }
      return res;
    };
    return {
      cookies,
      get: async (path) =>
        remember(
          await app.inject({
            method: 'GET',
            url: path,
            headers: { host },
            cookies: Object.fromEntries(cookies),
          }),
        ),
      post: (path, body, headers = {}) => write('POST', path, body, headers),
      put: (path, body) => write('PUT', path, body, {}),
      patch: (path, body) => write('PATCH', path, body, {}),
      delete: (path) => write('DELETE', path, undefined, {}),
    };
    async function write(
      method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      path: string,
      body: unknown,
      headers: Record<string, string>,
    ) {
      const res = await app.inject({
        method,
        url: path,
        headers: { host, origin, 'sec-fetch-site': 'same-origin', [CSRF_HEADER]: TOKEN, ...headers },
        cookies: Object.fromEntries(cookies),
        ...(body !== undefined && { payload: body as Record<string, unknown> }),
      });
      await settleMail();
      return remember(res);
    }
  };
  return {
    app,
    browser,
    close: async () => {
      await app.close();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}
