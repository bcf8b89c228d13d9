import { expect, it } from 'vitest';
import { createTestApi, describeEachMode, type ModeTarget } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

/** The story's account with a sender address, and a thank-you draft to Priya with `body`. */
async function draftToPriya(t: ModeTarget, body: string) {
  const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
  const s = await seedStory(api);
  await api.patch('/api/settings', { ownEmails: ['alex@personal.example'] });
  const draft = (
    await api.post('/api/drafts', { kind: 'thank-you', contactIds: [s.priyaId], subject: 'Thank you', body })
  ).json();
  return { api, draft };
}

describeEachMode('mail-app handoff routes', (t) => {
  it('gives a draft as a mailto: URL and as an .eml file to open in the mail app', async () => {
    const { api, draft } = await draftToPriya(t, 'Hi Priya, thank you & see you.');
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

  it('hands a note with checker errors to the mail app only on the same explicit override as sending', async () => {
    const { api, draft } = await draftToPriya(t, 'Dear {{name}},\n\nThank you for your time.\n\nAlex');
    for (const path of ['mailto', 'eml']) {
      const refused = await api.get(`/api/messages/${draft.id}/${path}`);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('check-failed');
      // The override is the same word sending takes; with it the note is handed over.
      const forced = await api.get(`/api/messages/${draft.id}/${path}?force=1`);
      expect(forced.statusCode).toBe(200);
    }
    await api.close();
  });

  it('says plainly when the recipient has no email address yet', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    const draft = (
      await api.post('/api/drafts', { kind: 'thank-you', contactIds: [s.samId], body: 'Hi Sam' })
    ).json();
    const res = await api.get(`/api/messages/${draft.id}/mailto`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Sam Ortiz has no email address; add one first.');
    await api.close();
  });

  it('gives the .eml as a draft to send (X-Unsent: 1), and downloading it stores nothing', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    const draft = (
      await api.post('/api/drafts', {
        kind: 'thank-you',
        contactIds: [s.priyaId],
        subject: 'Thanks',
        body: 'Hi Priya',
      })
    ).json();
    // No address of your own yet: a sentence for any surface, no command to type.
    const noFrom = await api.get(`/api/messages/${draft.id}/eml`);
    expect(noFrom.statusCode).toBe(400);
    expect(noFrom.json().error).toMatchObject({
      field: 'from',
      message: 'Say who the note is from first: your own email address is not set yet.',
    });
    await api.patch('/api/settings', { ownEmails: ['alex@personal.example'] });
    const before = await t.store.db
      .selectFrom('message')
      .selectAll()
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    const first = await api.get(`/api/messages/${draft.id}/eml`);
    api.setNow('2026-12-01T16:05:00Z');
    const second = await api.get(`/api/messages/${draft.id}/eml`);
    expect(first.body).toMatch(/^X-Unsent: 1\r?$/m);
    const idOf = (raw: string) => /^Message-ID: (<[^>]+>)/m.exec(raw)?.[1];
    expect(idOf(first.body)).toMatch(/@personal\.example>$/);
    expect(idOf(second.body)).toBe(idOf(first.body));
    const after = await t.store.db
      .selectFrom('message')
      .selectAll()
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(after.rfc_message_id).toBeNull();
    // Marking it sent keeps the id the file carried, so a reply to it is matched to this note.
    await api.post(`/api/messages/${draft.id}/sent`, {});
    const sent = await t.store.db
      .selectFrom('message')
      .select('rfc_message_id')
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(sent.rfc_message_id).toBe(idOf(first.body));
    await api.close();
  });
});
