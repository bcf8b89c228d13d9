/**
 * A real server on a test store, driven through Fastify's inject: `const t = await createTestApi(store)`
 * then `t.get('/api/opportunities')`, `t.post(path, body)`. Writes carry a matching CSRF cookie and
 * header, as the web app's client sends them; the refusal tests build requests by hand.
 *
 * Route tests run in both modes (test/modes.ts) with `describeEachMode`, whose holder goes to
 * `createTestApi(t)`: local mode is the one account with no sign-in; hosted mode is the server as
 * `serve --hosted` builds it (better-auth on the same store), a user signed up through
 * `/api/auth/sign-up/email`, and every request carrying that session cookie, the CSRF pair and the
 * public origin. On PostgreSQL the hosted server connects as a role that is neither a superuser
 * nor BYPASSRLS, as the README asks of an installation, so the row-level security policies hold
 * under every route test (the test server's own user is a superuser, which skips them). Either
 * way `api.ctx` is the context of the account the requests act for, so a test that seeds through
 * services seeds that account (on PostgreSQL through its scoped handle, under the policies).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { Temporal } from '../src/core/time';
import type { Dialect, Store } from '../src/db/connect';
import type { ServiceContext } from '../src/features/context';
import { CSRF_COOKIE, CSRF_HEADER } from '../src/http/security';
import { buildServer } from '../src/http/server';
import { openAsRouteTestRole } from './app-role';
import { createTestContext, DEFAULT_TEST_NOW } from './context';
import { createHostedApi } from './hosted';
import { type TestMode, testModes } from './modes';
import { describeEachDialect } from './store';

export interface TestApi {
  app: FastifyInstance;
  ctx: ServiceContext;
  mode: TestMode;
  /** What a request built by hand (`app.inject`) carries to be signed in: hosted, the session cookie; local, nothing. */
  sessionCookies(): Record<string, string>;
  /** Move the server's clock. */
  setNow(iso: string): void;
  get(path: string): Promise<LightMyRequestResponse>;
  post(path: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(path: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(path: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(path: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** What `describeEachMode` hands its tests: the store of the current test and the mode. */
export interface ModeTarget {
  readonly store: Store;
  readonly dialect: Dialect;
  readonly mode: TestMode;
}

export interface TestApiOptions {
  now?: string;
  timeZone?: string;
  webRoot?: string | null;
  dataDir?: string | null;
}

/**
 * Run `fn` once per tested mode and dialect, each test with a fresh store:
 * `describeEachMode('opportunity routes', (t) => { it('...', async () => { const api = await createTestApi(t) }) })`.
 */
export function describeEachMode(name: string, fn: (t: ModeTarget) => void): void {
  for (const mode of testModes()) {
    describeEachDialect(`${name} (${mode})`, (holder) => {
      fn({
        get store() {
          return holder.store;
        },
        dialect: holder.dialect,
        mode,
      });
    });
  }
}

const TOKEN = 'test-csrf-token-0123456789';
const PASSWORD = 'Lobby-coffee-after-4pm';
let signUps = 0;

/** A server in local mode on `target` (a store), or in the mode of a `describeEachMode` holder. */
export async function createTestApi(
  target: Store | ModeTarget,
  options: TestApiOptions = {},
): Promise<TestApi> {
  if ('mode' in target && target.mode === 'hosted') return createHostedTestApi(target.store, options);
  return createLocalTestApi('mode' in target ? target.store : target, options);
}

async function createLocalTestApi(store: Store, options: TestApiOptions): Promise<TestApi> {
  const ctx = await createTestContext(store, {
    now: options.now ?? DEFAULT_TEST_NOW,
    ...(options.timeZone && { timeZone: options.timeZone }),
  });
  let now = ctx.now;
  const app = await buildServer({
    store,
    actorFor: async () => ctx.actor,
    now: () => now,
    webRoot: options.webRoot ?? null,
    dataDir: options.dataDir ?? null,
  });
  const write = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE') => (path: string, body?: unknown) =>
    app.inject({
      method,
      url: path,
      headers: { [CSRF_HEADER]: TOKEN, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      cookies: { [CSRF_COOKIE]: TOKEN },
      ...(body !== undefined && { payload: body as Record<string, unknown> }),
    });
  return {
    app,
    ctx,
    mode: 'local',
    sessionCookies: () => ({}),
    setNow: (iso) => {
      now = Temporal.Instant.from(iso);
    },
    get: (path) => app.inject({ method: 'GET', url: path }),
    post: write('POST'),
    put: write('PUT'),
    patch: write('PATCH'),
    delete: write('DELETE'),
    close: () => app.close(),
  };
}

/**
 * Hosted: sign up through better-auth (no system mail server, so sign-up signs in, as on a small
 * self-hosted install), then pick the same zone and holidays the local test account starts with,
 * through the settings route, as the new user would.
 */
async function createHostedTestApi(testStore: Store, options: TestApiOptions): Promise<TestApi> {
  let now = Temporal.Instant.from(options.now ?? DEFAULT_TEST_NOW);
  const store = testStore.dialect === 'postgres' ? await openAsRouteTestRole(testStore) : testStore;
  const hosted = await createHostedApi(store, {
    now: () => now,
    webRoot: options.webRoot ?? null,
    ...(options.dataDir && { dataDir: options.dataDir }),
  });
  const browser = hosted.browser();
  signUps += 1;
  const email = `route-test-${signUps}@example.org`;
  const signUp = await browser.post('/api/auth/sign-up/email', {
    email,
    password: PASSWORD,
    name: 'Route Test',
  });
  expect(signUp.statusCode, signUp.body).toBe(200);
  const accountId: unknown = signUp.json().user?.id;
  if (typeof accountId !== 'string') throw new Error(`sign-up answered no user id: ${signUp.body}`);
  const settings = await browser.patch('/api/settings', {
    timeZone: options.timeZone ?? 'America/Los_Angeles',
    holidayRegion: 'US',
  });
  expect(settings.statusCode, settings.body).toBe(200);
  const ctx: ServiceContext = {
    db: store.forAccount(accountId),
    actor: { accountId, kind: 'user' },
    now,
  };
  return {
    app: hosted.app,
    ctx,
    mode: 'hosted',
    sessionCookies: () => Object.fromEntries([...browser.cookies].filter(([name]) => name !== CSRF_COOKIE)),
    setNow: (iso) => {
      now = Temporal.Instant.from(iso);
    },
    get: browser.get,
    post: (path, body) => browser.post(path, body),
    put: browser.put,
    patch: browser.patch,
    delete: browser.delete,
    close: async () => {
      await hosted.close();
      if (store !== testStore) await store.close();
    },
  };
}
