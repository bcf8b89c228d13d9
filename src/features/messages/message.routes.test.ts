import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

describeEachMode('message routes', (t) => {
  it('saves a draft for a thank-you, edits it, marks it sent, and the action leaves Today', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    api.setNow('2026-12-01T19:00:00Z');
    const actionKey = `thank-you:${s.interviewId}:${s.priyaId}`;
    const draft = await api.post('/api/drafts', {
      kind: 'thank-you',
      contactIds: [s.priyaId],
      subject: 'Thank you',
      body: 'Dear Priya, ...',
      opportunityId: s.opportunityId,
      interviewId: s.interviewId,
      actionKey,
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', actionKey, contactIds: [s.priyaId] });
    const again = await api.post('/api/drafts', {
      kind: 'thank-you',
      contactIds: [s.priyaId],
      body: 'v2',
      actionKey,
    });
    expect(again.json().id).toBe(draft.json().id);
    const edited = await api.patch(`/api/messages/${draft.json().id}`, { body: 'Dear Priya, thank you.' });
    expect(edited.json().body).toBe('Dear Priya, thank you.');
    const sent = await api.post(`/api/messages/${draft.json().id}/sent`, {});
    expect(sent.json()).toMatchObject({ status: 'sent', sentAt: '2026-12-01T19:00:00Z' });
    const keys = (await api.get('/api/today')).json().actions.map((a: { key: string }) => a.key);
    expect(keys).not.toContain(actionKey);
    expect(keys).toContain(`thank-you:${s.interviewId}:${s.samId}`);
    const conflict = await api.patch(`/api/messages/${draft.json().id}`, { body: 'too late' });
    expect(conflict.statusCode).toBe(409);
    await api.close();
  });

  it('records a reply received and lists messages by opportunity', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    const reply = await api.post('/api/messages', {
      direction: 'in',
      kind: 'reply',
      contactId: s.recruiterId,
      at: '2026-12-03T10:00',
      body: 'Thanks, we will be in touch.',
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ direction: 'in', kind: 'reply', opportunityId: s.opportunityId });
    const list = (await api.get(`/api/messages?opportunityId=${s.opportunityId}`)).json().messages;
    expect(list.map((m: { id: string }) => m.id)).toEqual([reply.json().id]);
    await api.close();
  });

  it('refuses a draft with no recipient and an unknown message id', async () => {
    const api = await createTestApi(t);
    const res = await api.post('/api/drafts', { kind: 'thank-you', contactIds: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('contactIds');
    expect((await api.get('/api/messages/nope')).statusCode).toBe(404);
    await api.close();
  });
});
