/**
 * Hosted load test (issue 12), everything on loopback: an embedded PostgreSQL (the npm server
 * binaries, as the test suite uses), 1,000 accounts with small demo data, the BUILT CLI as the
 * server (`node bin/afterview.js serve --hosted`, logs on as in production), and autocannon
 * sending a mix of Today (`GET /api/today`), opportunity pages (`GET
 * /api/opportunities/:id/overview`) and debrief saves (`PUT /api/interviews/:id/debrief`), each
 * request with a random signed-in session.
 *
 * Accounts: the 1,000 better-auth users and their password rows are written straight into the
 * database with ONE password hash made by better-auth's own `hashPassword` (scrypt costs ~0.1 s a
 * user, so 1,000 sign-ups would take most of the time budget), then each gets the demo generator's
 * data (`seedDemo`). The sessions are real: `--sessions` accounts (300) sign in through
 * `POST /api/auth/sign-in/email` on the first server started (the sessions live in the database,
 * so the second server takes the same cookies), each from its own X-Forwarded-For address
 * (the server trusts loopback as its proxy, as behind a real proxy), since sign-in is limited to
 * 10 a minute per address.
 *
 * The run: a Fastify hello-world (its own process) at full speed as the baseline, and at 10, 40
 * and 160 req/s for the machine's latency floor; then for 1 app process and for 2 (`--workers
 * 2`): every session's Today and overview once per worker (first visits, reported apart), 40
 * requests of each type one at a time, the mix at stepped total rates (50% Today, 35% overview,
 * 15% debrief saves; each type is its own autocannon instance so each gets its own percentiles),
 * stopping after the first step whose Today p99 passes 50 ms, then the mix unthrottled. The
 * load generator shares the 2 cores with the server and PostgreSQL, as any single-machine test.
 *
 *   npm run bench -- hosted   [--accounts 1000] [--sessions 300] [--scale 3] [--seconds 5]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { hashPassword } from 'better-auth/crypto';
import pg from 'pg';
import { Temporal } from '../src/core/time';
import { openStore, type Store } from '../src/db/connect';
import { newId } from '../src/db/ids';
import { ensureHostedAccount } from '../src/features/auth/hosted-account.service';
import { seedDemo } from '../src/features/demo/demo.service';
import { CSRF_COOKIE, CSRF_HEADER } from '../src/http/security';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
};
const ACCOUNTS = arg('accounts', 1000);
const SESSIONS = Math.min(arg('sessions', 300), ACCOUNTS);
const SCALE = arg('scale', 3);
const SECONDS = arg('seconds', 5);
const RATES = [10, 20, 40, 60, 80, 120, 160, 240, 320];
const TARGET_P99_MS = 50;
const MIX = { today: 0.5, overview: 0.35, debrief: 0.15 } as const;
type Kind = keyof typeof MIX;
const ROOT = join(import.meta.dirname, '..');
const PASSWORD = 'Bench-password-for-everyone-1';
const CSRF = 'bench-csrf-token-0123456789abcdef';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

/** A child process; resolves once a line of its output matches `ready`. */
async function startChild(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let started = false;
  const keep = (d: Buffer) => {
    // After start-up the JSON request log is read and dropped (keeping it would grow this process).
    if (!started) out += String(d);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', (d: Buffer) => {
    out += String(d).slice(0, 2000);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${out}`)), 120_000);
    child.stdout?.on('data', () => {
      if (!started && ready.test(out)) {
        started = true;
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
  return {
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The embedded PostgreSQL of the test suite (test/embedded-postgres.mjs), stopped by closing stdin. */
async function startPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(ROOT, 'test', 'embedded-postgres.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      const m = /^READY (\S+)$/m.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin.end();
      await exited;
    },
  };
}

interface Account {
  id: string;
  email: string;
  opportunityId: string;
  interviewId: string;
}

/** 1,000 users with one shared password hash, each with the demo generator's data. */
async function seedAccounts(store: Store, now: Temporal.Instant): Promise<Account[]> {
  const hash = await hashPassword(PASSWORD);
  const at = new Date(now.epochMilliseconds);
  const accounts: Account[] = [];
  const one = async (i: number): Promise<void> => {
    const id = newId();
    const email = `user${i}@bench.example`;
    await store.db
      .insertInto('auth_user')
      .values({
        id,
        name: `User ${i}`,
        email,
        email_verified: true,
        image: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await store.db
      .insertInto('auth_account')
      .values({
        id: newId(),
        account_id: id,
        provider_account_id: id,
        provider_id: 'credential',
        access_token: null,
        refresh_token: null,
        id_token: null,
        access_token_expires_at: null,
        refresh_token_expires_at: null,
        scope: null,
        password: hash,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await ensureHostedAccount(store.db, id, now);
    const ctx = { db: store.forAccount(id), actor: { accountId: id, kind: 'user' as const }, now };
    await seedDemo(ctx, { scale: SCALE, seed: 5000 + i });
    const opp = await store.db
      .selectFrom('opportunity')
      .select('id')
      .where('account_id', '=', id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const iv = await store.db
      .selectFrom('interview')
      .select('id')
      .where('account_id', '=', id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    accounts.push({ id, email, opportunityId: opp.id, interviewId: iv.id });
  };
  // A few at a time: PostgreSQL takes concurrent writers, the seeding is mostly this process's CPU.
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < ACCOUNTS) await one(next++);
    }),
  );
  return accounts;
}

/** POST JSON; resolves with the status and the Set-Cookie lines. */
function post(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; cookies: string[]; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, cookies: res.headers['set-cookie'] ?? [], text }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface Session {
  cookie: string;
  opportunityId: string;
  interviewId: string;
}

/** Sign `accounts` in through the API, each from its own forwarded address; the cookie headers. */
async function signIn(base: string, accounts: Account[]): Promise<Session[]> {
  const sessions: Session[] = [];
  let next = 0;
  await Promise.all(
    // scrypt runs on the server's libuv threads: a few sign-ins at once keep both cores busy.
    Array.from({ length: 4 }, async () => {
      while (next < accounts.length) {
        const i = next++;
        const a = accounts[i] as Account;
        const res = await post(
          `${base}/api/auth/sign-in/email`,
          { email: a.email, password: PASSWORD },
          {
            origin: base,
            'sec-fetch-site': 'same-origin',
            cookie: `${CSRF_COOKIE}=${CSRF}`,
            [CSRF_HEADER]: CSRF,
            'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          },
        );
        if (res.status !== 200) throw new Error(`sign-in ${a.email}: ${res.status} ${res.text}`);
        const pairs = res.cookies.map((c) => c.split(';')[0]).filter(Boolean);
        sessions.push({
          cookie: [...pairs, `${CSRF_COOKIE}=${CSRF}`].join('; '),
          opportunityId: a.opportunityId,
          interviewId: a.interviewId,
        });
      }
    }),
  );
  return sessions;
}

interface Figures {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

/** One autocannon run per request type, all at once; `total` req/s split by MIX (0: unthrottled). */
async function runMix(base: string, sessions: Session[], total: number): Promise<Record<Kind, Figures>> {
  const url = new URL(base);
  const one = async (kind: Kind): Promise<[Kind, Figures]> => {
    const rate = total > 0 ? Math.max(1, Math.round(total * MIX[kind])) : undefined;
    const result = await autocannon({
      url: base,
      connections: Math.max(2, Math.round(20 * MIX[kind])),
      duration: SECONDS,
      // Latency from when each request was sent: autocannon's correction for coordinated omission
      // put a rate-limited hello-world at p50 16 ms (2 ms measured) on this machine.
      ...(rate && { overallRate: rate, ignoreCoordinatedOmission: true }),
      requests: [
        {
          setupRequest: (req) => {
            const s = pick(sessions);
            const headers: Record<string, string> = { cookie: s.cookie, host: url.host };
            if (kind === 'today') return { ...req, method: 'GET', path: '/api/today', headers };
            if (kind === 'overview')
              return {
                ...req,
                method: 'GET',
                path: `/api/opportunities/${s.opportunityId}/overview`,
                headers,
              };
            return {
              ...req,
              method: 'PUT',
              path: `/api/interviews/${s.interviewId}/debrief`,
              headers: {
                ...headers,
                'content-type': 'application/json',
                origin: base,
                'sec-fetch-site': 'same-origin',
                [CSRF_HEADER]: CSRF,
              },
              body: JSON.stringify({
                feeling: `Went fine; they asked about queues (${Math.random().toString(36).slice(2, 8)}).`,
                wentWell: 'The system design part.',
              }),
            };
          },
        },
      ],
    });
    const bad = result.non2xx + result.errors + result.timeouts;
    return [
      kind,
      { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: bad },
    ];
  };
  const rows = await Promise.all((Object.keys(MIX) as Kind[]).map(one));
  return Object.fromEntries(rows) as Record<Kind, Figures>;
}

/**
 * Every session's Today and opportunity page once per pass, four at a time. A server keeps each
 * account's planned slices in memory after its first Today (plan.service.ts), and the demo data
 * leaves every slice to be planned: without this the steps would measure first visits. Returns
 * the p50 of the first pass's Today (a first visit since the server started).
 */
async function warmUp(base: string, sessions: Session[], passes: number): Promise<number> {
  const cold: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < sessions.length) {
          const s = sessions[next++] as Session;
          const ms = await timeRequest(base, '/api/today', 'GET', s);
          if (pass === 0) cold.push(ms);
          await timeRequest(base, `/api/opportunities/${s.opportunityId}/overview`, 'GET', s);
        }
      }),
    );
  }
  return cold.sort((a, b) => a - b)[Math.floor(cold.length / 2)] ?? Number.NaN;
}

/** One request on a fresh connection; resolves with its milliseconds. */
const timeRequest = (
  base: string,
  path: string,
  method: string,
  s: Session,
  body?: string,
): Promise<number> =>
  new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(
      `${base}${path}`,
      {
        method,
        headers: {
          cookie: s.cookie,
          ...(body && {
            'content-type': 'application/json',
            origin: base,
            'sec-fetch-site': 'same-origin',
            [CSRF_HEADER]: CSRF,
          }),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(performance.now() - t0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

/** p50 of 40 sequential requests of each type (and of /healthz, which passes no session lookup). */
async function sequential(base: string, sessions: Session[]): Promise<Record<Kind | 'health', number>> {
  const time = (path: string, method: string, s: Session, body?: string) =>
    timeRequest(base, path, method, s, body);
  const out: Record<string, number[]> = { today: [], overview: [], debrief: [], health: [] };
  for (let i = 0; i < 40; i++) {
    const s = pick(sessions);
    out.today?.push(await time('/api/today', 'GET', s));
    out.overview?.push(await time(`/api/opportunities/${s.opportunityId}/overview`, 'GET', s));
    out.debrief?.push(await time(`/api/interviews/${s.interviewId}/debrief`, 'PUT', s, '{"feeling":"ok"}'));
    out.health?.push(await time('/healthz', 'GET', s));
  }
  const p50 = (xs: number[] = []) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return {
    today: p50(out.today),
    overview: p50(out.overview),
    debrief: p50(out.debrief),
    health: p50(out.health),
  };
}

/** Fastify hello-world in its own process: the ceiling of this machine's HTTP stack. */
/** Hello-world's own p99 at these total rates: the machine's noise floor for the steps. */
const FLOOR_RATES = [10, 40, 160];

async function helloWorld(): Promise<{ saturated: Figures; floor: Map<number, Figures> }> {
  const port = await freePort();
  const script = `import Fastify from 'fastify';
    const app = Fastify({ logger: false });
    app.get('/', async () => ({ hello: 'world' }));
    await app.listen({ port: ${port}, host: '127.0.0.1' });
    console.log('READY');`;
  const server = await startChild(['--input-type=module', '-e', script], {}, /READY/);
  try {
    const run = async (rate?: number): Promise<Figures> => {
      const result = await autocannon({
        url: `http://127.0.0.1:${port}/`,
        connections: 20,
        duration: SECONDS,
        ...(rate && { overallRate: rate, ignoreCoordinatedOmission: true }),
      });
      return {
        p50: result.latency.p50,
        p99: result.latency.p99,
        rps: result.requests.average,
        errors: result.non2xx + result.errors,
      };
    };
    const saturated = await run();
    const floor = new Map<number, Figures>();
    for (const rate of FLOOR_RATES) floor.set(rate, await run(rate));
    return { saturated, floor };
  } finally {
    await server.stop();
  }
}

interface Config {
  label: string;
  /** Highest stepped total rate whose Today p99 met the target, with its figures. */
  best: { rate: number; figures: Record<Kind, Figures> } | null;
  steps: { rate: number; todayP99: number; ok: boolean }[];
  saturated: Record<Kind, Figures>;
}

async function measure(
  label: string,
  pgUrl: string,
  dataDir: string,
  accounts: Account[],
  workers: number,
  signedIn: Session[],
): Promise<Config> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startChild(
    [
      // e.g. AFTERVIEW_BENCH_SERVER_ARGS=--cpu-prof to profile the app server under the mix.
      ...(process.env.AFTERVIEW_BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? []),
      join(ROOT, 'bin', 'afterview.js'),
      'serve',
      '--hosted',
      '--port',
      String(port),
      ...(workers > 1 ? ['--workers', String(workers)] : []),
    ],
    {
      DATABASE_URL: pgUrl,
      AFTERVIEW_DATA: dataDir,
      AFTERVIEW_PUBLIC_URL: base,
      AFTERVIEW_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      AFTERVIEW_TRUSTED_PROXY: '127.0.0.1',
      AFTERVIEW_SYSTEM_SMTP_URL: '',
      AFTERVIEW_DEBUG: '',
      AFTERVIEW_NOW: '',
      TZ: 'UTC',
    },
    workers > 1 ? /HTTP worker/ : /is listening at/,
  );
  try {
    // Sessions live in the database: the ones made through the first server serve the second too.
    if (signedIn.length === 0) {
      const t0 = performance.now();
      signedIn.push(...(await signIn(base, accounts.slice(0, SESSIONS))));
      console.log(
        `   ${signedIn.length} accounts signed in through the API (${label}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    const sessions = signedIn;
    // Warm-up: every account's first Today in this server (each worker has its own memory: a
    // fresh connection per request lands on the workers in turn, so more passes for more workers).
    const coldToday = await warmUp(base, sessions, workers + 1);
    console.log(
      `   ${label}, first Today of an account since the server started (p50, 4 at a time): ${f(coldToday)} ms`,
    );
    await runMix(base, sessions, 20);
    // One request at a time: what each type costs with no queueing at all.
    const alone = await sequential(base, sessions);
    console.log(
      `   ${label}, one request at a time (p50): Today ${f(alone.today)} ms, overview ${f(alone.overview)} ms, debrief ${f(alone.debrief)} ms, hello ${f(alone.health)} ms (/healthz)`,
    );
    const steps: Config['steps'] = [];
    let best: Config['best'] = null;
    for (const rate of RATES) {
      const figures = await runMix(base, sessions, rate);
      const errors = figures.today.errors + figures.overview.errors + figures.debrief.errors;
      const ok = figures.today.p99 <= TARGET_P99_MS && errors === 0;
      steps.push({ rate, todayP99: figures.today.p99, ok });
      console.log(
        `   ${label} at ${rate} req/s: Today p50 ${figures.today.p50} / p99 ${figures.today.p99} ms, overview p99 ${figures.overview.p99} ms, debrief p99 ${figures.debrief.p99} ms${errors ? `, ${errors} errors` : ''}`,
      );
      if (!ok) break;
      best = { rate, figures };
    }
    const saturated = await runMix(base, sessions, 0);
    return { label, best, steps, saturated };
  } finally {
    await server.stop();
  }
}

const f = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '–');

// ---------------------------------------------------------------------------------------------
console.log(
  `hosted load test: ${ACCOUNTS} accounts (demo --scale ${SCALE}), ${SESSIONS} signed-in sessions, ${SECONDS} s per step; ${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(1)}`,
);
const started = performance.now();
const postgres = await startPostgres();
const dbName = `afterview_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const admin = new pg.Client({ connectionString: postgres.url });
await admin.connect();
await admin.query(`create database ${dbName}`);
const dbUrl = (() => {
  const u = new URL(postgres.url);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const dataDir = mkdtempSync(join(tmpdir(), 'afterview-bench-hosted-'));
try {
  const store = await openStore(dbUrl);
  const seedStart = performance.now();
  const accounts = await seedAccounts(store, Temporal.Now.instant());
  await store.close();
  await admin.query(`vacuum analyze`).catch(() => {});
  console.log(
    `   seeded ${accounts.length} accounts in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const { saturated: hello, floor } = await helloWorld();
  console.log(
    `   Fastify hello-world: ${f(hello.rps)} req/s, p50 ${hello.p50} ms, p99 ${hello.p99} ms; p99 at ${[...floor].map(([r, x]) => `${r} req/s ${x.p99} ms`).join(', ')}`,
  );
  const sessions: Session[] = [];
  const one = await measure('1 process', dbUrl, dataDir, accounts, 1, sessions);
  const two = await measure('2 processes (--workers 2)', dbUrl, dataDir, accounts, 2, sessions);

  console.log(
    `\nper request type: at the highest stepped rate whose Today p99 ≤ ${TARGET_P99_MS} ms, and unthrottled`,
  );
  console.log('| app | load | request | p50 ms | p99 ms | req/s | vs hello-world req/s |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(
    `| Fastify hello-world | unthrottled | GET / | ${hello.p50} | ${hello.p99} | ${f(hello.rps)} | 1.00 |`,
  );
  for (const [rate, x] of floor)
    console.log(`| Fastify hello-world | ${rate} req/s | GET / | ${x.p50} | ${x.p99} | ${f(x.rps)} | |`);
  for (const c of [one, two]) {
    const rows: [string, Record<Kind, Figures> | undefined][] = [
      [c.best ? `${c.best.rate} req/s` : 'no step met', c.best?.figures],
      ['unthrottled', c.saturated],
    ];
    for (const [load, figs] of rows) {
      if (!figs) continue;
      for (const kind of Object.keys(MIX) as Kind[]) {
        const x = figs[kind];
        console.log(
          `| ${c.label} | ${load} | ${kind} | ${x.p50} | ${x.p99} | ${f(x.rps)} | ${(x.rps / hello.rps).toFixed(3)} |`,
        );
      }
      const sum = figs.today.rps + figs.overview.rps + figs.debrief.rps;
      console.log(`| ${c.label} | ${load} | all | | | ${f(sum)} | ${(sum / hello.rps).toFixed(3)} |`);
    }
  }
  console.log(`\n| row | result | target | |`);
  console.log('| --- | --- | --- | --- |');
  for (const c of [one, two]) {
    const met = c.best !== null;
    console.log(
      `| Today p99 at the highest rate the mix sustains, ${c.label} | ${met ? `${c.best?.figures.today.p99} ms at ${c.best?.rate} req/s total (${f((c.best?.rate ?? 0) * MIX.today)} Today/s)` : `p99 ${c.steps[0]?.todayP99} ms already at ${c.steps[0]?.rate} req/s`} | ≤ ${TARGET_P99_MS} ms | ${met ? 'met' : 'missed'} |`,
    );
  }
  const gain = (two.best?.rate ?? 0) / Math.max(1, one.best?.rate ?? 0);
  const satGain =
    (two.saturated.today.rps + two.saturated.overview.rps + two.saturated.debrief.rps) /
    Math.max(1, one.saturated.today.rps + one.saturated.overview.rps + one.saturated.debrief.rps);
  console.log(`| 2 processes vs 1, highest rate meeting the target | ${gain.toFixed(2)}× | (report) | |`);
  console.log(`| 2 processes vs 1, unthrottled mix req/s | ${satGain.toFixed(2)}× | (report) | |`);
  console.log(
    `\nsteps tried: ${[one, two].map((c) => `${c.label}: ${c.steps.map((s) => `${s.rate}→${s.todayP99} ms${s.ok ? '' : ' ✗'}`).join(', ')}`).join('; ')}`,
  );
  console.log(
    `wall time ${((performance.now() - started) / 1000).toFixed(0)} s; load at the end ${loadavg()[0]?.toFixed(1)}`,
  );
} finally {
  await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await admin.end();
  await postgres.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
