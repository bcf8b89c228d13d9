import { expect, it } from 'vitest';
import { createTestApi } from '../../../test/http';
import { seedStory } from '../../../test/http-story';
import { describeEachDialect } from '../../../test/store';

describeEachDialect('mail-app handoff routes', (t) => {
  it('gives a draft as a mailto: URL and as an .eml file to open in the mail app', async () => {
    const api = await createTestApi(t.store, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    await api.patch('/api/settings', { ownEmails: ['alex@personal.example'] });
    const draft = (
      await api.post('/api/drafts', {
        kind: 'thank-you',
        contactIds: [s.priyaId],
        subject: 'Thank you',
        body: 'Hi Priya, thank you & see you.',
      })
    ).json();
    const mailto = await api.get(`/api/messages/${draft.id}/mailto`);
    expect(mailto.statusCode).toBe(200);
    expect(mailto.json().url).toMatch(/^mailto:priya@northwind\.example\?/);
    expect(decodeURIComponent(mailto.json().url)).toContain('thank you & see you');
    const eml = await api.get(`/api/messages/${draft.id}/eml`);
    expect(eml.statusCode).toBe(200);
    expect(eml.headers['content-type']).toBe('message/rfc822');
    expect(eml.headers['content-disposition']).toMatch(/attachment/);
    expect(eml.body).toMatch(/^To: .*priya@northwind\.example/m);
    expect(eml.body).toMatch(/^Message-ID: </m);
    await api.close();
  });

  it('says plainly when the recipient has no email address yet', async () => {
    const api = await createTestApi(t.store, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    const draft = (
      await api.post('/api/drafts', { kind: 'thank-you', contactIds: [s.samId], body: 'Hi Sam' })
    ).json();
    const res = await api.get(`/api/messages/${draft.id}/mailto`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Sam Ortiz has no email address; add one first.');
    await api.close();
  });
});
