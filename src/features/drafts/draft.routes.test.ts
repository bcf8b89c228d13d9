import { expect, it } from 'vitest';
import { createTestApi } from '../../../test/http';
import { seedStory } from '../../../test/http-story';
import { describeEachDialect } from '../../../test/store';

describeEachDialect('draft and check routes', (t) => {
  it('drafts a thank-you from the debrief, and a wrong company name is an error that blocks sending', async () => {
    const api = await createTestApi(t.store, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    await api.post('/api/opportunities', { company: 'Contoso', role: 'Staff Engineer' });
    api.setNow('2026-12-01T19:00:00Z');
    await api.put(`/api/interviews/${s.interviewId}/debrief`, {
      notes: [{ contactId: s.priyaId, memorable: 'the chaos drills her team runs on Fridays' }],
    });
    const key = `thank-you:${s.interviewId}:${s.priyaId}`;
    const drafted = await api.post('/api/drafts/for-action', { key });
    expect(drafted.statusCode).toBe(200);
    const { message, check } = drafted.json();
    expect(message).toMatchObject({ status: 'draft', actionKey: key, contactIds: [s.priyaId] });
    expect(message.body).toContain('chaos drills');
    expect(check.blocked).toBe(false);

    const wrong = message.body.replaceAll('Northwind Labs', 'Contoso');
    const res = await api.post('/api/check', {
      body: wrong,
      contactId: s.priyaId,
      kind: 'thank-you',
      messageId: message.id,
      actionKey: key,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().blocked).toBe(true);
    const finding = res.json().findings.find((f: { rule: string }) => f.rule === 'wrong-company');
    expect(finding).toMatchObject({ severity: 'error' });
    expect(wrong.slice(finding.start, finding.end)).toBe('Contoso');
    await api.close();
  });

  it('drafts one thank-you per interviewer of an interview', async () => {
    const api = await createTestApi(t.store, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    api.setNow('2026-12-01T19:00:00Z');
    const res = await api.post(`/api/interviews/${s.interviewId}/drafts`);
    expect(res.statusCode).toBe(200);
    const to = res.json().drafts.map((d: { message: { contactIds: string[] } }) => d.message.contactIds[0]);
    expect(to.sort()).toEqual([s.priyaId, s.samId].sort());
    await api.close();
  });

  it('refuses a check with no recipient and a draft for an unknown action', async () => {
    const api = await createTestApi(t.store);
    const res = await api.post('/api/check', { body: 'Hi', kind: 'thank-you' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('contactId');
    const unknown = await api.post('/api/drafts/for-action', { key: 'thank-you:a:b' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('key');
    await api.close();
  });
});
