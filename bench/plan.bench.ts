/**
 * Cost that follows live work, not history (issue 11), on the web server, in one run:
 *  1. GET /api/today against a light route (GET /api/settings) on the same server, demo --scale 300,
 *     requests per second at 10 keep-alive connections from a separate process, the two measured in
 *     alternating windows (target: Today ≥ 50% of settings);
 *  2. one Compose check (POST /api/check of a 150-word thank-you note) on the scale-300 account
 *     against the same check on an account with one opportunity, interleaved (target ≤ 3×).
 * A missed target is reported, not fatal.
 *
 *   node --import tsx bench/plan.bench.ts [--scale 300] [--seconds 2] [--rounds 3] [--checks 60]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Temporal } from '../src/core/time';
import { openStore, type Store } from '../src/db/connect';
import { ensureLocalAccount } from '../src/features/accounts/account.service';
import type { ServiceContext } from '../src/features/context';
import { seedDemo } from '../src/features/demo/demo.service';
import { addInterview } from '../src/features/interviews/interview.service';
import { addOpportunity } from '../src/features/opportunities/opportunity.service';
import { getToday } from '../src/features/plan/plan.service';
import { CSRF_COOKIE, CSRF_HEADER } from '../src/http/security';
import { buildServer } from '../src/http/server';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
};
const SCALE = arg('scale', 300);
const SECONDS = arg('seconds', 2);
const ROUNDS = arg('rounds', 3);
const CHECKS = arg('checks', 60);
const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? Number.NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** Requests per second at 10 keep-alive connections from a separate process. */
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

const NOTE = (name: string, company: string) =>
  `Hi ${name},\n\nThank you for taking the time to talk with me about the Staff Engineer role at ${company} today. ` +
  'I enjoyed hearing how your team runs blameless post-mortems and how the on-call rotation was redesigned last year. ' +
  'Our conversation about moving the billing pipeline to an event log stayed with me, and I have been thinking about the ' +
  'trade-off you described between replaying history and keeping consumers simple. One approach I have used is to keep ' +
  'a compacted topic per customer and a short retention topic for raw events, so a new consumer can start from the ' +
  'snapshot and catch up quickly. I would be glad to sketch this in more detail if it helps. I also wanted to add to my ' +
  'answer about mentoring: at my last job I paired every new engineer with a buddy for their first two releases. ' +
  `Thank you again for a thoughtful conversation; I am excited about the chance to work with you.\n\nBest regards,\nAlex`;

interface CheckTarget {
  contactId: string;
  name: string;
  company: string;
  opportunityId: string;
}

/** A thank-you target on the account: an interviewer of a recent interview, with their company. */
async function checkTarget(ctx: ServiceContext): Promise<CheckTarget> {
  const today = await getToday(ctx);
  const a =
    today.actions.find((x) => x.rule === 'thank-you' && x.contactId) ??
    today.actions.find((x) => x.contactId);
  if (!a?.contactId) throw new Error('no action with a person to write to');
  const row = await ctx.db
    .selectFrom('contact')
    .select('display_name')
    .where('id', '=', a.contactId)
    .executeTakeFirstOrThrow();
  const opp = await ctx.db
    .selectFrom('opportunity')
    .select('company')
    .where('id', '=', a.opportunityId)
    .executeTakeFirstOrThrow();
  return {
    contactId: a.contactId,
    name: row.display_name,
    company: opp.company,
    opportunityId: a.opportunityId,
  };
}

async function server(store: Store, actorFor: ServiceContext['actor']) {
  return buildServer({ store, actorFor: async () => actorFor, now: () => NOW, webRoot: null });
}

const TOKEN = 'bench-csrf-token-0123456789';

const dirs: string[] = [];
const open = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'afterview-plan-bench-'));
  dirs.push(dir);
  return openStore(`sqlite:${join(dir, 'afterview.db')}`);
};

const big = await open();
const small = await open();
try {
  const bigActor = await ensureLocalAccount(big.db, NOW);
  const bigCtx = { db: big.db, actor: bigActor, now: NOW };
  const seeded = await seedDemo(bigCtx, { scale: SCALE });
  const smallActor = await ensureLocalAccount(small.db, NOW);
  const smallCtx = { db: small.db, actor: smallActor, now: NOW };
  const opp = await addOpportunity(smallCtx, {
    company: 'Acme',
    role: 'Staff Engineer',
    recruiter: 'Sam Lee <sam@acme.example>',
  });
  await addInterview(smallCtx, {
    opportunityId: opp.id,
    start: '2026-11-25T17:00:00Z',
    end: '2026-11-25T18:00:00Z',
    interviewers: ['Priya Raman <priya@acme.example>'],
  });

  const app = await server(big, bigActor);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const smallApp = await server(small, smallActor);
  const today = await (await fetch(`${base}/api/today`)).json();

  // 1. Today against settings, alternating windows so both see the same machine load.
  const settingsRps: number[] = [];
  const todayRps: number[] = [];
  await throughput(`${base}/api/today`, 1); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    settingsRps.push(await throughput(`${base}/api/settings`, SECONDS));
    todayRps.push(await throughput(`${base}/api/today`, SECONDS));
  }
  const rpsRatio = median(todayRps) / median(settingsRps);

  // 2. The Compose check, big account against one opportunity, interleaved.
  const post = (a: typeof app, t: CheckTarget) =>
    a.inject({
      method: 'POST',
      url: '/api/check',
      payload: {
        body: NOTE(t.name, t.company),
        contactId: t.contactId,
        kind: 'thank-you',
        opportunityId: t.opportunityId,
      },
      headers: { [CSRF_HEADER]: TOKEN, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      cookies: { [CSRF_COOKIE]: TOKEN },
    });
  const bigTarget = await checkTarget(bigCtx);
  const smallTarget = await checkTarget(smallCtx);
  const words = NOTE(bigTarget.name, bigTarget.company).split(/\s+/).length;
  const timed = async (fn: () => Promise<{ statusCode: number; body: string }>) => {
    const t = process.hrtime.bigint();
    const res = await fn();
    if (res.statusCode !== 200)
      throw new Error(`check answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  for (let i = 0; i < 5; i++) {
    await timed(() => post(app, bigTarget));
    await timed(() => post(smallApp, smallTarget));
  }
  const bigMs: number[] = [];
  const smallMs: number[] = [];
  for (let i = 0; i < CHECKS; i++) {
    bigMs.push(await timed(() => post(app, bigTarget)));
    smallMs.push(await timed(() => post(smallApp, smallTarget)));
  }
  const checkRatio = median(bigMs) / median(smallMs);
  await app.close();
  await smallApp.close();

  console.log(
    `Plan by opportunity, web server on demo --scale ${SCALE} (${seeded.opportunities} opportunities, ` +
      `${seeded.messages} messages); Today lists ${today.actions.length} actions at ${NOW}`,
  );
  console.log(
    `node ${process.version}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores (each pair measured alternately)`,
  );
  console.log('');
  console.log(
    `GET /api/today vs GET /api/settings, same server, 10 connections, ${ROUNDS} × ${SECONDS} s windows each`,
  );
  console.log(
    `  /api/settings  ${median(settingsRps).toFixed(0)} req/s (windows: ${settingsRps.map((x) => x.toFixed(0)).join(', ')})`,
  );
  console.log(
    `  /api/today     ${median(todayRps).toFixed(0)} req/s (windows: ${todayRps.map((x) => x.toFixed(0)).join(', ')})`,
  );
  console.log(`  ratio ${(rpsRatio * 100).toFixed(0)}%   target ≥ 50%   ${verdict(rpsRatio >= 0.5)}`);
  console.log('');
  console.log(
    `Compose check, POST /api/check of a ${words}-word thank-you note, median of ${CHECKS}, interleaved`,
  );
  console.log(`  one-opportunity account  ${median(smallMs).toFixed(2)} ms`);
  console.log(`  scale ${SCALE} account       ${median(bigMs).toFixed(2)} ms`);
  console.log(`  ratio ${checkRatio.toFixed(2)}×   target ≤ 3×   ${verdict(checkRatio <= 3)}`);
} finally {
  await big.close();
  await small.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
