/**
 * The API under pressure: the expensive routes are rate-limited with a sentence, impossible dates
 * are refused with the field's name, and a database another process keeps locked is a 503 "busy"
 * with a sentence, reported in the server's log, while reads still answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/context';
import { createHostedApi } from '../../test/hosted';
import { createTestApi, describeEachMode } from '../../test/http';
import { describeEachDialect } from '../../test/store';
import { Temporal } from '../core/time';
import { openStore } from '../db/connect';
import { BUSY_MESSAGE } from '../db/sqlite-dialect';
import { addOpportunity } from '../features/opportunities/opportunity.service';
import { CSRF_COOKIE, CSRF_HEADER, RATE_LIMITS } from './security';
import { buildServer } from './server';

describeEachMode('http hardening', (t) => {
  it('answers the request past the budget on mail test and imports with 429 and a sentence', async () => {
    const api = await createTestApi(t);
    for (let i = 0; i < RATE_LIMITS.mailTest; i++) {
      expect((await api.post('/api/mail/test', {})).statusCode).not.toBe(429);
    }
    const tooMany = await api.post('/api/mail/test', {});
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.json().error).toMatchObject({ code: 'rate-limited' });
    expect(tooMany.json().error.message).toMatch(
      /^Too many mail server tests in a minute \(10 at most\); try again in (\d+ seconds?|1 minute)\.$/,
    );

    const file = { fileName: 'schedule.txt', text: 'Tuesday 10:00 Priya Raman' };
    for (const [path, body] of [
      ['/api/imports/preview', file],
      ['/api/imports', { file }],
    ] as const) {
      for (let i = 0; i < RATE_LIMITS.imports; i++) {
        expect((await api.post(path, body)).statusCode, `${path} #${i + 1}`).not.toBe(429);
      }
      const blocked = await api.post(path, body);
      expect(blocked.statusCode, path).toBe(429);
      expect(blocked.json().error.message).toMatch(/^Too many imports in a minute \(30 at most\)/);
    }
    // Everything else is unaffected.
    expect((await api.get('/api/opportunities')).statusCode).toBe(200);
    await api.close();
  });

  it('refuses impossible dates with the field’s name instead of rolling them over', async () => {
    const api = await createTestApi(t);
    const opp = await api.post('/api/opportunities', {
      company: 'Contoso',
      role: 'PM',
      decisionBy: '2026-02-31',
    });
    expect(opp.statusCode).toBe(400);
    expect(opp.json().error).toMatchObject({
      field: 'decisionBy',
      message: 'decisionBy: is not a real calendar date',
    });
    const ok = await api.post('/api/opportunities', { company: 'Contoso', role: 'PM' });
    expect(ok.statusCode).toBe(201);
    const interview = await api.post('/api/interviews', {
      opportunityId: ok.json().id,
      start: '2026-11-31T10:00',
      end: '2026-11-31T11:00',
    });
    expect(interview.statusCode).toBe(400);
    expect(interview.json().error.field).toBe('start');
    expect(interview.json().error.message).toMatch(/^start: "2026-11-31T10:00" is not/);
    expect((await api.get('/api/opportunities')).json().opportunities).toHaveLength(1);
    await api.close();
  });
});

// Hosted only: local mode has one account, so its budget and its address's are the same thing.
describeEachDialect('http hardening: budgets per account (hosted)', (t) => {
  it("spends each account's own budget: another account behind the same address (one office, one proxy) still gets its own", async () => {
    const api = await createHostedApi(t.store);
    const signedUp = async (email: string) => {
      const b = api.browser();
      const res = await b.post('/api/auth/sign-up/email', {
        email,
        password: 'Lobby-coffee-after-4pm',
        name: 'x',
      });
      expect(res.statusCode, res.body).toBe(200);
      return b;
    };
    const ada = await signedUp('ada@example.org');
    const bert = await signedUp('bert@example.org');
    for (let i = 0; i < RATE_LIMITS.mailTest; i++) {
      expect((await ada.post('/api/mail/test', {})).statusCode).not.toBe(429);
    }
    expect((await ada.post('/api/mail/test', {})).statusCode).toBe(429);
    expect((await bert.post('/api/mail/test', {})).statusCode).not.toBe(429);
    await api.close();
  });
});

describe('http on a busy SQLite file', () => {
  it('answers reads within a second while a large import is being saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'afterview-import-read-'));
    const store = await openStore(`sqlite:${join(dir, 'afterview.db')}`);
    try {
      const ctx = await createTestContext(store);
      await addOpportunity(ctx, { company: 'Already there', role: 'Engineer' });
      const app = await buildServer({
        store,
        actorFor: async () => ctx.actor,
        now: () => Temporal.Instant.from('2026-12-01T17:00:00Z'),
      });
      const rows = ['Company,Title,Status,Contact Name,Contact Email'];
      for (let i = 0; i < 4000; i++)
        rows.push(`Company ${i},Engineer ${i},applied,Person ${i},p${i}@c${i}.example`);
      let saved = false;
      const started = Date.now();
      const importing = app
        .inject({
          method: 'POST',
          url: '/api/imports',
          headers: { [CSRF_HEADER]: 'tok-tok-tok-tok', 'sec-fetch-site': 'same-origin' },
          cookies: { [CSRF_COOKIE]: 'tok-tok-tok-tok' },
          payload: { file: { fileName: 'big.csv', text: rows.join('\n') } },
        })
        .then((r) => {
          saved = true;
          return r;
        });
      const waits: number[] = [];
      while (!saved) {
        await new Promise((r) => setTimeout(r, 100));
        if (saved) break;
        const t = Date.now();
        const read = await app.inject({ method: 'GET', url: '/api/opportunities' });
        waits.push(Date.now() - t);
        // The import is one transaction: until it commits, readers see what was there before.
        expect(read.json().opportunities).toHaveLength(1);
      }
      const result = await importing;
      expect(result.statusCode).toBe(200);
      expect(result.json().opportunities.created).toHaveLength(4000);
      console.info(
        `import of 4,000 rows: ${Date.now() - started} ms; ${waits.length} reads meanwhile, slowest ${Math.max(...waits)} ms`,
      );
      expect(waits.length).toBeGreaterThan(0);
      // The import takes seconds; a read queued behind its transaction would wait all of it.
      expect(Math.max(...waits)).toBeLessThan(3000);
      expect(
        (await app.inject({ method: 'GET', url: '/api/opportunities' })).json().opportunities,
      ).toHaveLength(4001);
      await app.close();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('answers 503 with the busy sentence (and logs it) while another process holds the write lock; reads go on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'afterview-busy-'));
    const file = join(dir, 'afterview.db');
    const store = await openStore(`sqlite:${file}`);
    const reported: string[] = [];
    try {
      const ctx = await createTestContext(store);
      await addOpportunity(ctx, { company: 'Northwind', role: 'Engineer' });
      const app = await buildServer({
        store,
        actorFor: async () => ctx.actor,
        now: () => Temporal.Instant.from('2026-12-01T17:00:00Z'),
        onServerError: (line) => reported.push(line),
      });
      const other = new Sqlite(file);
      other.exec('BEGIN IMMEDIATE');
      try {
        let started = Date.now();
        const read = await app.inject({ method: 'GET', url: '/api/opportunities' });
        const readMs = Date.now() - started;
        expect(read.statusCode).toBe(200);
        expect(readMs).toBeLessThan(3000); // a read that waited for the lock would take busy_timeout's 5 s
        started = Date.now();
        const write = await app.inject({
          method: 'POST',
          url: '/api/opportunities',
          headers: { [CSRF_HEADER]: 'tok-tok-tok-tok', 'sec-fetch-site': 'same-origin' },
          cookies: { [CSRF_COOKIE]: 'tok-tok-tok-tok' },
          payload: { company: 'Contoso', role: 'PM' },
        });
        const waitedMs = Date.now() - started;
        expect(write.statusCode).toBe(503);
        expect(write.json()).toEqual({ error: { code: 'busy', message: BUSY_MESSAGE } });
        expect(waitedMs).toBeGreaterThanOrEqual(4500); // busy_timeout: it waited before giving up
        expect(reported).toHaveLength(1);
        expect(reported[0]).toMatch(/^POST \/api\/opportunities answered 503: /);
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
      // Once the lock is free the same write goes through.
      const again = await app.inject({
        method: 'POST',
        url: '/api/opportunities',
        headers: { [CSRF_HEADER]: 'tok-tok-tok-tok', 'sec-fetch-site': 'same-origin' },
        cookies: { [CSRF_COOKIE]: 'tok-tok-tok-tok' },
        payload: { company: 'Contoso', role: 'PM' },
      });
      expect(again.statusCode).toBe(201);
      await app.close();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
