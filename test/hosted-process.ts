/**
 * The built CLI (`bin/afterview.js`, run `npm run build` first) as a hosted server in a child
 * process, on SQLite in a temp folder or on a fresh copy of the test PostgreSQL database, and a
 * plain HTTP client that opens a new connection per request (so cluster workers share the load).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Dialect } from '../src/db/connect';
import { CSRF_COOKIE, CSRF_HEADER } from '../src/http/security';
import { TEMPLATE_DB, withDatabase } from './global-setup';

export const ROOT = join(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'afterview.js');
const CSRF = 'hosted-process-csrf-0123456789';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

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

export interface HostedProcess {
  url: string;
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** Milliseconds from `stop()` to exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | string; ms: number }>;
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
  const child = spawn(
    process.execPath,
    [BIN, 'serve', ...(options.local ? [] : ['--hosted']), '--port', String(port), ...(options.args ?? [])],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TZ: 'UTC',
        AFTERVIEW_DATA: options.dataDir,
        AFTERVIEW_PUBLIC_URL: url,
        AFTERVIEW_AUTH_SECRET: 'process-secret-process-secret-0123456789',
        AFTERVIEW_DEBUG: '',
        PORT: '',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hosted server did not start:\n${out}`)), 60_000);
    const check = () => {
      if (
        /is listening at|is running at/.test(out) &&
        (!options.args?.includes('--workers') || /HTTP worker/.test(out))
      ) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`hosted server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    exited,
    stop: async (signal = 'SIGTERM') => {
      const started = Date.now();
      child.kill(signal);
      const code = await exited;
      return { code, ms: Date.now() - started };
    },
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
