import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestApi, describeEachMode, type TestApi } from '../../../test/http';
import { draftTo, opportunityWithRecruiter } from '../../../test/mail/outbox-fixtures';
import { type SmtpHarness, startSmtpHarness } from '../../../test/mail/smtp-harness';

const PASSWORD = 'web-Sécret-42';
let smtp: SmtpHarness;
beforeAll(async () => {
  smtp = await startSmtpHarness({ user: 'jo@example.test', password: PASSWORD });
});
afterAll(async () => {
  await smtp.close();
});

describeEachMode('mail and outbox routes', (t) => {
  let api: TestApi;
  let dataDir: string;
  beforeEach(async () => {
    smtp.reset();
    dataDir = mkdtempSync(join(tmpdir(), 'afterview-mail-api-'));
    api = await createTestApi(t, { dataDir });
  });
  afterEach(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const url = () =>
    `smtp://jo%40example.test:${encodeURIComponent(PASSWORD)}@127.0.0.1:${smtp.port}?starttls=off&from=jo@example.test`;

  it('takes the password in and never sends it back', async () => {
    const put = await api.put('/api/mail/smtp', { url: url() });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      smtpUrl: `smtp://jo%40example.test@127.0.0.1:${smtp.port}?starttls=off`,
      smtpPasswordSet: true,
    });
    const get = await api.get('/api/mail/settings');
    for (const body of [put.body, get.body]) {
      expect(body).not.toContain(PASSWORD);
      expect(body).not.toContain(encodeURIComponent(PASSWORD));
    }
    const test = await api.post('/api/mail/test', {});
    expect(test.json()).toEqual({ results: [expect.objectContaining({ protocol: 'smtp', ok: true })] });
    const off = await api.put('/api/mail/smtp', { url: null });
    expect(off.json()).toMatchObject({ smtpUrl: null, smtpPasswordSet: false });
  });

  it('answers 400 naming the setting for a URL that would send the password in clear', async () => {
    const r = await api.put('/api/mail/smtp', { url: `smtp://jo:${PASSWORD}@mail.example.com?starttls=off` });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/^smtp: starttls=off would send your password unencrypted/);
    expect(r.body).not.toContain(PASSWORD);
  });

  it('puts a checked note in the outbox and lists it; 422 when the checker finds errors', async () => {
    await api.put('/api/mail/smtp', { url: url() });
    const opp = await opportunityWithRecruiter(api.ctx);
    const good = await draftTo(api.ctx, opp);
    const sent = await api.post(`/api/messages/${good.id}/send`, { at: '2026-12-02T08:30' });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().message).toMatchObject({
      status: 'scheduled',
      sendAt: '2026-12-02T16:30:00Z',
      attempts: 0,
    });
    const bad = await draftTo(api.ctx, opp, {
      body: 'Dear {{name}},\n\nThanks for today at Northwind Labs.\n\nJo',
    });
    const refused = await api.post(`/api/messages/${bad.id}/send`, {});
    expect(refused.statusCode).toBe(422);
    const outbox = await api.get('/api/outbox');
    expect(outbox.json().messages.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      [good.id, 'scheduled'],
    ]);
  });
});
