import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

describeEachMode('what Compose opens an action on', (t) => {
  it('refreshes a draft still exactly as Afterview wrote it (signed once the name is set), keeps an edited one', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T19:00:00Z' });
    const s = await seedStory(api);
    const key = `thank-you:${s.interviewId}:${s.priyaId}`;
    const first = (await api.post('/api/drafts/for-action', { key })).json().message;
    expect(first.body.trimEnd()).toMatch(/Best regards,$/);

    // The name is set after the first draft; Compose reopens the action as the web app does.
    await api.patch('/api/settings', { displayName: 'Alex Morgan' });
    const opened = (await api.get(`/api/messages/for-action?key=${encodeURIComponent(key)}`)).json();
    // Untouched: not offered as the user's words, so Compose drafts it again, signed.
    expect(opened.draft).toBeNull();
    const again = (await api.post('/api/drafts/for-action', { key })).json().message;
    expect(again.id).toBe(first.id);
    expect(again.body.trimEnd()).toMatch(/Best regards,\n+Alex Morgan$/);

    // Words of the user's own are what Compose opens on, and drafting again keeps them.
    await api.patch(`/api/messages/${first.id}`, { body: 'Hi Priya, my own words.' });
    const edited = (await api.get(`/api/messages/for-action?key=${encodeURIComponent(key)}`)).json();
    expect(edited.draft).toMatchObject({ id: first.id, body: 'Hi Priya, my own words.' });
    await api.close();
  });
});
