/**
 * A real server on a test store, driven through Fastify's inject: `const t = await createTestApi(store)`
 * then `t.get('/api/opportunities')`, `t.post(path, body)`. Writes carry a matching CSRF cookie and
 * header, as the web app's client sends them; the refusal tests build requests by hand.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Temporal } from '../src/core/time';
import type { Store } from '../src/db/connect';
import type { ServiceContext } from '../src/features/context';
import { CSRF_COOKIE, CSRF_HEADER } from '../src/http/security';
import { buildServer } from '../src/http/server';
import { createTestContext, DEFAULT_TEST_NOW } from './context';

export interface TestApi {
  app: FastifyInstance;
  ctx: ServiceContext;
  /** Move the server's clock. */
  setNow(iso: string): void;
  get(path: string): Promise<LightMyRequestResponse>;
  post(path: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(path: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(path: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(path: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

const TOKEN = 'test-csrf-token-0123456789';

export async function createTestApi(
  store: Store,
  options: { now?: string; timeZone?: string; webRoot?: string | null; dataDir?: string | null } = {},
): Promise<TestApi> {
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
