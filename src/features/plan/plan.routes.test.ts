import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

const keysOf = (body: { actions: Array<{ key: string }> }) => body.actions.map((a) => a.key);

describeEachMode('today routes', (t) => {
  it('lists the plan after an interview: debrief, a thank-you per interviewer, the missing email', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    api.setNow('2026-12-01T19:00:00Z'); // an hour after the interview ended
    const res = await api.get('/api/today');
    expect(res.statusCode).toBe(200);
    const keys = keysOf(res.json());
    expect(keys).toContain(`debrief:${s.interviewId}`);
    expect(keys).toContain(`thank-you:${s.interviewId}:${s.priyaId}`);
    expect(keys).toContain(`thank-you:${s.interviewId}:${s.samId}`);
    expect(keys.some((k) => k.startsWith('collect-contact:') && k.includes(s.samId))).toBe(true);
    expect(res.json().now).toBe('2026-12-01T19:00:00Z');
    const thanks = res
      .json()
      .actions.find((a: { key: string }) => a.key === `thank-you:${s.interviewId}:${s.priyaId}`);
    expect(thanks).toMatchObject({ rule: 'thank-you', due: '2026-12-02T18:00:00Z', urgency: 'due' });
    await api.close();
  });

  it('answers again with what changed since: an urgency at a later moment, a renamed person', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    const thanksKey = `thank-you:${s.interviewId}:${s.priyaId}`;
    const thanksOf = (body: { actions: Array<{ key: string }> }) =>
      body.actions.find((a) => a.key === thanksKey);
    api.setNow('2026-12-01T19:00:00Z');
    const first = await api.get('/api/today');
    // The bytes are JSON.stringify of the view, in its order, so a client sees no difference.
    expect(first.body).toBe(JSON.stringify(first.json()));
    expect(thanksOf(first.json())).toMatchObject({ urgency: 'due', title: expect.stringContaining('Priya') });
    api.setNow('2026-12-02T19:00:00Z'); // past the thank-you's deadline
    const later = await api.get('/api/today');
    expect(later.body).toBe(JSON.stringify(later.json()));
    expect(thanksOf(later.json())).toMatchObject({ urgency: 'overdue' });
    expect(later.json().now).toBe('2026-12-02T19:00:00Z');
    const renamed = await api.patch(`/api/people/${s.priyaId}`, { displayName: 'Priya Raman-Iyer' });
    expect(renamed.statusCode).toBe(200);
    const after = (await api.get('/api/today')).json();
    expect(thanksOf(after)).toMatchObject({
      urgency: 'overdue',
      title: expect.stringContaining('Priya Raman-Iyer'),
    });
    // And back to the earlier moment: the earlier urgency, with the new name.
    api.setNow('2026-12-01T19:00:00Z');
    expect(thanksOf((await api.get('/api/today')).json())).toMatchObject({
      urgency: 'due',
      title: expect.stringContaining('Priya Raman-Iyer'),
    });
    await api.close();
  });

  it('marks an action done, snoozes one, and undoes a decision', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    api.setNow('2026-12-01T19:00:00Z');
    const debrief = `debrief:${s.interviewId}`;
    const thanks = `thank-you:${s.interviewId}:${s.priyaId}`;
    expect((await api.post('/api/actions/done', { key: debrief })).json()).toEqual({ ok: true });
    expect(
      (await api.post('/api/actions/snooze', { key: thanks, until: '2026-12-02T09:00' })).statusCode,
    ).toBe(200);
    let keys = keysOf((await api.get('/api/today')).json());
    expect(keys).not.toContain(debrief);
    expect(keys).not.toContain(thanks);
    await api.post('/api/actions/undo', { key: debrief });
    keys = keysOf((await api.get('/api/today')).json());
    expect(keys).toContain(debrief);
    // The same service function as `afterview undo`: nothing left to undo is a conflict, not "ok".
    const again = await api.post('/api/actions/undo', { key: debrief });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'conflict', field: 'key' });
    expect(again.json().error.message).toMatch(/^Nothing to undo/);
    expect(keysOf((await api.get('/api/today')).json())).toEqual(keys);
    await api.close();
  });

  it('refuses an unknown action key and a snooze into the past, naming the field', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    api.setNow('2026-12-01T19:00:00Z');
    const unknown = await api.post('/api/actions/done', { key: 'thank-you:nope:nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('key');
    const past = await api.post('/api/actions/snooze', {
      key: `debrief:${s.interviewId}`,
      until: '2026-11-01T09:00',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.field).toBe('until');
    const missing = await api.post('/api/actions/snooze', { key: `debrief:${s.interviewId}` });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('until');
    await api.close();
  });
});
