/**
 * Hosted-mode operations over HTTP, in process with a log stream: the JSON access log (request
 * id, route pattern, status, duration, and none of the secrets or words a user typed) and the
 * Prometheus endpoint behind AFTERVIEW_METRICS_TOKEN.
 */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/context';
import { createHostedApi } from '../../test/hosted';
import { confirmationPath } from '../../test/hosted-signup';
import { draftTo, opportunityWithRecruiter, TEST_BOX } from '../../test/mail/outbox-fixtures';
import { smtpHarnessPerFile } from '../../test/mail/smtp-harness-per-file';
import { describeEachDialect } from '../../test/store';
import { setSmtpUrl } from '../features/mail/mail.service';
import { scheduleSend, sendNow } from '../features/outbox/outbox.service';
import { loggerOptions, requestIdGenerator } from './logging';

const PASSWORD = 'Ferry-timetable-at-dawn-42';
const DEBRIEF = 'She lit up when I described the pager rotation overhaul';
const NOTE = 'Thank you for the whiteboard session about the ledger rewrite';
const FEELING = 'Quietly hopeful about the second round';
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

const smtp = smtpHarnessPerFile();

/** A stream that keeps every line the logger writes. */
function logSink() {
  const lines: string[] = [];
  return {
    lines,
    stream: { write: (line: string) => void lines.push(line) },
    text: () => lines.join(''),
    json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** The token in a mail's link (quoted-printable soft breaks joined first). */
function tokenIn(raw: string | undefined, pattern: RegExp): string {
  const token = pattern.exec((raw ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '='))?.[1];
  if (!token) throw new Error(`no token in mail:\n${raw}`);
  return token;
}

describeEachDialect('hosted logs and metrics', (t) => {
  it('logs one JSON line per request with its id, pattern, status and duration, and nothing secret', async () => {
    const log = logSink();
    const api = await createHostedApi(t.store, {
      smtpUrl: smtp.url,
      server: { logger: loggerOptions({ stream: log.stream }) },
    });
    // A route that fails, to see the 5xx line carry the request id (public path: no session needed).
    api.app.get('/api/auth/__boom', async () => {
      throw new Error('kaboom');
    });
    const a = api.browser();
    const up = await a.post('/api/auth/sign-up/email', {
      email: 'ola@example.org',
      password: PASSWORD,
      name: 'Ola',
    });
    expect(up.statusCode, up.body).toBe(200);
    const verifyToken = tokenIn(
      smtp.accepted.find((m) => m.to.includes('ola@example.org'))?.raw,
      /[?&]token=([A-Za-z0-9._-]+)/,
    );
    // With a system mail server the address is confirmed before first use; the link signs in.
    expect((await a.get(confirmationPath(smtp, 'ola@example.org'))).statusCode).toBeLessThan(400);
    const sessionCookies = [...a.cookies.entries()]
      .filter(([name]) => name.includes('session'))
      .map(([, value]) => decodeURIComponent(value));
    expect(sessionCookies.length).toBeGreaterThan(0);

    const opp = await a.post('/api/opportunities', {
      company: 'Northwind Labs',
      role: 'Staff Engineer',
      recruiter: 'Dana Whitfield <dana@northwind.example>',
    });
    expect(opp.statusCode, opp.body).toBe(201);
    const iv = await a.post('/api/interviews', {
      opportunityId: opp.json().id,
      start: '2026-12-01T09:00',
      end: '2026-12-01T10:00',
      timeZone: 'Europe/London',
      interviewers: ['Priya Raman <priya@northwind.example>'],
    });
    expect(iv.statusCode, iv.body).toBe(201);
    const people = (await a.get('/api/people')).json().people as Array<{ id: string; displayName: string }>;
    const priya = people.find((p) => p.displayName === 'Priya Raman')?.id ?? '';
    const debrief = await a.put(`/api/interviews/${iv.json().id}/debrief`, {
      feeling: FEELING,
      notes: [{ contactId: priya, memorable: DEBRIEF }],
    });
    expect(debrief.statusCode, debrief.body).toBe(200);
    const draft = await a.post('/api/drafts', {
      kind: 'thank-you',
      contactIds: [priya],
      subject: 'Thank you, Priya',
      body: NOTE,
      opportunityId: opp.json().id,
    });
    expect(draft.statusCode, draft.body).toBe(200);
    // An Authorization header (a token some client might send) is never logged either.
    const bearer = await a.post(
      '/api/drafts',
      { kind: 'thank-you', contactIds: [priya], body: NOTE },
      {
        authorization: 'Bearer sekret-bearer-value-77',
      },
    );
    expect(bearer.statusCode).toBe(200);

    const ask = await a.post('/api/auth/request-password-reset', {
      email: 'ola@example.org',
      redirectTo: '/reset-password',
    });
    expect(ask.statusCode, ask.body).toBe(200);
    const resetToken = tokenIn(
      smtp.accepted.find((m) => /Reset your/.test(m.raw))?.raw,
      /reset-password\/([A-Za-z0-9_-]+)/,
    );
    const boom = await a.get('/api/auth/__boom');
    expect(boom.statusCode).toBe(500);

    const lines = log.json();
    const requests = lines.filter((l) => l.msg === 'request');
    // One access line per request above, each with an id, the route pattern, status and duration.
    expect(requests.length).toBeGreaterThanOrEqual(9);
    for (const line of requests) {
      expect(line.requestId).toEqual(expect.any(String));
      expect(line.route).toEqual(expect.any(String));
      expect(line.status).toEqual(expect.any(Number));
      expect(line.ms).toEqual(expect.any(Number));
    }
    const saved = requests.find((l) => l.route === '/api/interviews/:id/debrief');
    expect(saved).toMatchObject({ method: 'PUT', status: 200 });
    // The answer carries the same id the log line has.
    expect(requests.map((l) => l.requestId)).toContain(debrief.headers['x-request-id']);
    // The 5xx is logged with its request id, at error level.
    const failed = lines.find((l) => l.msg === 'request failed');
    expect(failed).toMatchObject({ level: 50, requestId: boom.headers['x-request-id'] });

    const text = log.text();
    expect(text).toContain('/api/interviews/:id/debrief');
    for (const secret of [
      PASSWORD,
      ...sessionCookies,
      ...sessionCookies.map((c) => c.split('.')[0] ?? c),
      verifyToken,
      resetToken,
      'sekret-bearer-value-77',
      DEBRIEF,
      FEELING,
      NOTE,
      'Thank you, Priya',
      iv.json().id,
    ]) {
      expect(text, `the log contains ${secret}`).not.toContain(secret);
    }
    await api.close();
  });

  it('takes X-Request-Id only from the trusted proxy, and echoes the id it used', async () => {
    const direct = await createHostedApi(t.store);
    const r1 = await direct.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(r1.headers['x-request-id']).not.toBe('abc-123');
    expect(r1.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await direct.close();
    const proxied = await createHostedApi(t.store, { trustedProxy: '127.0.0.1' });
    const r2 = await proxied.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(r2.headers['x-request-id']).toBe('abc-123');
    // Not a plain token: a fresh id instead (no log injection through the header).
    const r3 = await proxied.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc\n{"level":60}' },
    });
    expect(r3.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await proxied.close();
  });

  it('/metrics does not exist without AFTERVIEW_METRICS_TOKEN', async () => {
    const api = await createHostedApi(t.store);
    const res = await api.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(404);
    await api.close();
  });

  it('/metrics wants the token, then shows route patterns, the outbox queue and sends by outcome', async () => {
    const api = await createHostedApi(t.store, { server: { metrics: { token: METRICS_TOKEN } } });
    const scrape = (authorization?: string) =>
      api.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape('Bearer wrong-token')).statusCode).toBe(401);
    expect((await scrape(METRICS_TOKEN)).statusCode).toBe(401);

    const a = api.browser();
    await a.post('/api/auth/sign-up/email', { email: 'max@example.org', password: PASSWORD, name: 'Max' });
    const opp = await a.post('/api/opportunities', { company: 'Contoso', role: 'Engineer' });
    const oppId = opp.json().id as string;
    expect((await a.get(`/api/opportunities/${oppId}/overview`)).statusCode).toBe(200);
    expect((await a.get('/api/today')).statusCode).toBe(200);

    // A note sent through the outbox, and one left due in the queue (a local account on the same store).
    const ctx = await createTestContext(t.store);
    await setSmtpUrl(ctx, TEST_BOX, `${smtp.url}&from=${encodeURIComponent('Jo <jo@example.test>')}`);
    const mine = await opportunityWithRecruiter(ctx);
    const sent = await sendNow(ctx, { dialect: t.dialect, box: TEST_BOX }, (await draftTo(ctx, mine)).id);
    expect(sent.message.status).toBe('sent');
    await scheduleSend(ctx, { box: TEST_BOX }, (await draftTo(ctx, mine, { subject: 'Later' })).id);

    const res = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const body = res.body;
    expect(body).toMatch(
      /afterview_http_request_duration_seconds_count\{method="GET",route="\/api\/opportunities\/:id\/overview",status_class="2xx"\} [1-9]/,
    );
    expect(body).toMatch(
      /afterview_http_request_duration_seconds_bucket\{le="0\.05",method="GET",route="\/api\/today"/,
    );
    expect(body).not.toContain(oppId);
    expect(body).toMatch(/^afterview_outbox_due_messages [1-9]/m);
    expect(body).toMatch(/^afterview_outbox_scheduled_messages [1-9]/m);
    expect(body).toMatch(/^afterview_outbox_oldest_due_age_seconds \d/m);
    expect(body).toMatch(/^afterview_outbox_sends_total\{outcome="sent"\} [1-9]/m);
    expect(body).toMatch(/^afterview_imap_sync_errors_total \d/m);
    // Node's process metrics come along.
    expect(body).toMatch(/^process_cpu_user_seconds_total /m);
    await api.close();
  });
});

describe('request ids from a proxy', () => {
  const from = (remoteAddress: string, id: string) =>
    ({ headers: { 'x-request-id': id }, socket: { remoteAddress } }) as unknown as IncomingMessage;
  it('are believed from an address or CIDR of AFTERVIEW_TRUSTED_PROXY (IPv4 on a dual-stack socket too)', () => {
    const gen = requestIdGenerator('10.0.0.0/8, 192.168.1.5');
    expect(gen(from('10.2.3.4', 'edge-1'))).toBe('edge-1');
    expect(gen(from('::ffff:10.2.3.4', 'edge-2'))).toBe('edge-2');
    expect(gen(from('192.168.1.5', 'edge-3'))).toBe('edge-3');
    expect(gen(from('192.168.1.6', 'edge-4'))).not.toBe('edge-4');
    expect(gen(from('127.0.0.1', 'edge-5'))).not.toBe('edge-5');
    expect(requestIdGenerator()(from('10.2.3.4', 'edge-6'))).not.toBe('edge-6');
  });
});
