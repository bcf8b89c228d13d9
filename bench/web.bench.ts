/**
 * Web server benchmark, all in one run on `demo --scale 300` data in a SQLite file:
 *  1. Today API latency (p50/p95 of sequential GET /api/today) against the raw SQL that reads
 *     the same rows (the planner's inputs), as a ratio (target ≤ 2×);
 *  2. requests per second, at 10 concurrent keep-alive connections from a separate client process,
 *     of our server against a
 *     Fastify hello-world started in the same process (target ≥ 30%): for a light route that
 *     passes every hook (Host check, CSRF cookie, helmet headers, zod serializer) and for Today;
 *  3. the initial JavaScript of the web app, gzipped (target ≤ 200 KB).
 * A missed target is reported, not fatal.
 *
 *   node --import tsx bench/web.bench.ts [--scale 300] [--requests 200] [--seconds 3]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { Temporal } from '../src/core/time';
import { openStore } from '../src/db/connect';
import { ensureLocalAccount } from '../src/features/accounts/account.service';
import { seedDemo } from '../src/features/demo/demo.service';
import { buildServer } from '../src/http/server';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
};
const SCALE = arg('scale', 300);
const REQUESTS = arg('requests', 200);
const SECONDS = arg('seconds', 3);
const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');
const root = join(import.meta.dirname, '..');

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function timeInterleaved(
  n: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[number[], number[]]> {
  const time = async (fn: () => Promise<unknown>) => {
    const t = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  for (let i = 0; i < Math.min(20, n); i++) {
    await a(); // warm-up: JIT, SQLite page cache
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < n; i++) {
    ta.push(await time(a));
    tb.push(await time(b));
  }
  return [ta.sort((x, y) => x - y), tb.sort((x, y) => x - y)];
}

/**
 * Requests per second at `concurrency` keep-alive connections for `seconds`. The load comes from
 * a separate process, so the client does not compete with the server for this process's event loop.
 */
async function throughput(url: string, seconds: number, concurrency = 10): Promise<number> {
  const client = `
    const until = Date.now() + ${seconds * 1000};
    let done = 0;
    const worker = async () => {
      while (Date.now() < until) {
        const r = await fetch(${JSON.stringify(url)});
        await r.arrayBuffer();
        if (!r.ok) throw new Error('status ' + r.status);
        done++;
      }
    };
    const start = Date.now();
    await Promise.all(Array.from({ length: ${concurrency} }, worker));
    process.stdout.write(String(done / ((Date.now() - start) / 1000)));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', client], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += String(d);
  });
  const code = await new Promise((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`load client for ${url} exited ${code}`);
  return Number(out);
}

function initialJsGzip(): { bytes: number; files: string[] } | null {
  const dir = join(root, 'dist', 'web');
  if (!existsSync(join(dir, 'index.html'))) return null;
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
  return { bytes, files };
}

const dataDir = mkdtempSync(join(tmpdir(), 'afterview-web-bench-'));
const store = await openStore(`sqlite:${join(dataDir, 'afterview.db')}`);
try {
  const actor = await ensureLocalAccount(store.db, NOW);
  const ctx = { db: store.db, actor, now: NOW };
  const seeded = await seedDemo(ctx, { scale: SCALE });

  const app = await buildServer({ store, actorFor: async () => actor, now: () => NOW, webRoot: null });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const hello = Fastify();
  hello.get('/', async () => ({ hello: 'world' }));
  const helloBase = await hello.listen({ port: 0, host: '127.0.0.1' });

  const today = await (await fetch(`${base}/api/today`)).json();

  // The rows the planner reads, straight from SQLite with prepared statements: the floor for Today.
  const sqlite = store.sqlite;
  if (!sqlite) throw new Error('expected a SQLite store');
  const tables = [
    'account',
    'opportunity',
    'interview',
    'interview_participant',
    'contact',
    'debrief',
    'debrief_note',
    'message',
    'message_contact',
    'action_decision',
  ];
  const statements = tables.map((t) =>
    sqlite.prepare(
      t === 'account' ? 'select * from account where id = ?' : `select * from ${t} where account_id = ?`,
    ),
  );
  // Interleaved, so both sides see the same load from whatever else the machine is doing.
  const [raw, api] = await timeInterleaved(
    REQUESTS,
    async () => {
      for (const st of statements) st.all(actor.accountId);
    },
    async () => (await fetch(`${base}/api/today`)).arrayBuffer(),
  );

  const helloRps = await throughput(`${helloBase}/`, SECONDS);
  const settingsRps = await throughput(`${base}/api/settings`, SECONDS);
  const todayRps = await throughput(`${base}/api/today`, SECONDS);
  const js = initialJsGzip();

  await app.close();
  await hello.close();

  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const p95Ratio = percentile(api, 95) / percentile(raw, 95);
  console.log(
    `Web server on demo --scale ${SCALE} (${seeded.opportunities} opportunities, ${seeded.interviews} interviews, ` +
      `${seeded.contacts} people, ${seeded.messages} messages); Today lists ${today.actions.length} actions at ${NOW}`,
  );
  console.log(
    `node ${process.version}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  console.log('');
  console.log(`Today latency, ${REQUESTS} sequential requests      p50          p95`);
  console.log(
    `  raw SQL for the same rows              ${ms(percentile(raw, 50)).padEnd(12)} ${ms(percentile(raw, 95))}`,
  );
  console.log(
    `  GET /api/today (HTTP, plan, JSON)      ${ms(percentile(api, 50)).padEnd(12)} ${ms(percentile(api, 95))}`,
  );
  console.log(`  p95 ratio ${p95Ratio.toFixed(2)}× (target ≤ 2×)${p95Ratio <= 2 ? '' : '  MISSED'}`);
  console.log('');
  console.log(`Throughput, 10 keep-alive connections, ${SECONDS} s each`);
  console.log(`  Fastify hello-world                    ${helloRps.toFixed(0)} req/s`);
  const pct = (n: number) => `${((n / helloRps) * 100).toFixed(0)}%`;
  console.log(
    `  GET /api/settings (every hook)         ${settingsRps.toFixed(0)} req/s = ${pct(settingsRps)} of hello-world (target ≥ 30%)${settingsRps / helloRps >= 0.3 ? '' : '  MISSED'}`,
  );
  console.log(
    `  GET /api/today (plans ${SCALE} opportunities) ${todayRps.toFixed(0)} req/s = ${pct(todayRps)} of hello-world${todayRps / helloRps >= 0.3 ? '' : '  (below 30%)'}`,
  );
  console.log('');
  if (js) {
    const kb = js.bytes / 1024;
    console.log(
      `Initial JS, gzipped: ${kb.toFixed(1)} KB in ${js.files.length} file(s) (target ≤ 200 KB)${kb <= 200 ? '' : '  MISSED'}`,
    );
  } else {
    console.log('Initial JS: dist/web is not built (npm run build).');
  }
} finally {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
