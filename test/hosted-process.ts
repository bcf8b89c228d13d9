/**
 * The built CLI (`bin/afterview.cjs`, run `npm run build` first) as a hosted server in a child
 * process, on SQLite in a temp folder or on a fresh copy of the test PostgreSQL database, and a
 * plain HTTP client that opens a new connection per request (so cluster workers share the load).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, inject } from 'vitest';
import type { Dialect } from '../src/db/connect';
import { CSRF_COOKIE, CSRF_HEADER } from '../src/http/security';
import { freePort, type NodeProcess, ROOT, spawnNode, waitForOutput } from './child-process';
import { TEMPLATE_DB, withDatabase } from './global-setup';

export { freePort, ROOT };
export const BIN = join(ROOT, 'bin', 'afterview.cjs');
const CSRF = 'hosted-process-csrf-0123456789';

/** A database for one hosted process: a SQLite file in `dataDir`, or a PostgreSQL copy. */
export async function hostedDatabase(
  dialect: Dialect,
): Promise<{ env: Record<string, string>; dataDir: string; drop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'afterview-hosted-proc-'));
  if (dialect === 'sqlite') {
    return {
      env: { DATABASE_URL: '' },
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject('pgAdminUrl');
  const name = `afterview_proc_${randomUUID().replaceAll('-', '')}`;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`).finally(() => admin.end());
  return {
    env: { DATABASE_URL: withDatabase(adminUrl, name) },
    dataDir,
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => drop.end());
    },
  };
}

/** A hosted (or local) server process and the URL it listens on. */
export interface HostedProcess extends NodeProcess {
  url: string;
}

/**
 * `afterview serve --hosted` (plus `args`) on a free port; resolves once it says it listens.
 * `local: true` starts local mode's `afterview serve` instead.
 */
export async function startHostedProcess(options: {
  dataDir: string;
  env: Record<string, string>;
  args?: string[];
  local?: boolean;
}): Promise<HostedProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawnNode(
    [BIN, 'serve', ...(options.local ? [] : ['--hosted']), '--port', String(port), ...(options.args ?? [])],
    {
      TZ: 'UTC',
      AFTERVIEW_DATA: options.dataDir,
      AFTERVIEW_PUBLIC_URL: url,
      AFTERVIEW_AUTH_SECRET: 'process-secret-process-secret-0123456789',
      AFTERVIEW_DEBUG: '',
      PORT: '',
      ...options.env,
    },
  );
  // A cluster is ready once its HTTP workers are announced too.
  const ready = [
    /is listening at|is running at/,
    ...(options.args?.includes('--workers') ? [/HTTP worker/] : []),
  ];
  await waitForOutput(server, ready, 'hosted server', 60_000);
  return { ...server, url };
}

/**
 * For a describe block whose tests each start one hosted process on a fresh `dialect` database:
 * the returned `start` makes both, and after each test a process still running is stopped
 * (`'stop'`: SIGTERM, awaited) or killed (`'kill'`: SIGKILL) and the database dropped.
 */
export function hostedProcessPerTest(dialect: Dialect, after: 'stop' | 'kill') {
  let server: HostedProcess | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      if (after === 'stop') await server.stop();
      else server.child.kill('SIGKILL');
    }
    await drop?.();
    server = undefined;
    drop = undefined;
  });
  return async (options: { env?: Record<string, string>; args?: string[] } = {}): Promise<HostedProcess> => {
    const db = await hostedDatabase(dialect);
    drop = db.drop;
    server = await startHostedProcess({
      dataDir: db.dataDir,
      env: { ...db.env, ...options.env },
      ...(options.args && { args: options.args }),
    });
    return server;
  };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A cookie jar over plain HTTP requests, each on a fresh connection (no keep-alive). */
export function httpBrowser(base: string) {
  const cookies = new Map<string, string>([[CSRF_COOKIE, CSRF]]);
  const origin = new URL(base).origin;
  const send = (method: string, path: string, body?: unknown): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        new URL(path, base),
        {
          method,
          agent: false,
          headers: {
            connection: 'close',
            cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            ...(method !== 'GET' && {
              origin,
              'sec-fetch-site': 'same-origin',
              [CSRF_HEADER]: CSRF,
            }),
            ...(payload !== undefined && { 'content-type': 'application/json' }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            text += c;
          });
          res.on('end', () => {
            for (const line of res.headers['set-cookie'] ?? []) {
              const [pair] = line.split(';');
              const eq = pair?.indexOf('=') ?? -1;
              if (!pair || eq < 0) continue;
              const name = pair.slice(0, eq).trim();
              const value = pair.slice(eq + 1).trim();
              if (value === '' || /max-age=0/i.test(line)) cookies.delete(name);
              else cookies.set(name, value);
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
          });
        },
      );
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  return {
    cookies,
    get: (path: string) => send('GET', path),
    post: (path: string, body?: unknown) => send('POST', path, body),
  };
}

/** The password every built-CLI test signs up with. */
export const TEST_PASSWORD = 'Coffee-in-the-lobby-after';

/** Sign up through the API (the test fails unless it answers 200); returns the answer. */
export async function signUpOverHttp(
  b: ReturnType<typeof httpBrowser>,
  account: { email: string; name: string },
): Promise<Answer> {
  const answer = await b.post('/api/auth/sign-up/email', { ...account, password: TEST_PASSWORD });
  expect(answer.status, answer.body).toBe(200);
  return answer;
}
