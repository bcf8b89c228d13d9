/**
 * Tenant isolation through HTTP: a second account on the same store, given every id of the
 * first, can neither read nor change any of it through any route.
 */
import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../test/http';
import { seedStory } from '../../test/http-story';

describeEachMode('http isolation between accounts', (t) => {
  it('answers 404 (or an empty list) to another account for every route that takes an id', async () => {
    const mine = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(mine);
    mine.setNow('2026-12-01T19:00:00Z');
    await mine.put(`/api/interviews/${s.interviewId}/debrief`, { feeling: 'Good' });
    const draft = (
      await mine.post('/api/drafts', { kind: 'thank-you', contactIds: [s.priyaId], body: 'Hi Priya' })
    ).json();
    const theirs = await createTestApi(t, { now: '2026-12-01T19:00:00Z' });

    const reads = [
      `/api/opportunities/${s.opportunityId}`,
      `/api/opportunities/${s.opportunityId}/overview`,
      `/api/interviews/${s.interviewId}`,
      `/api/interviews/${s.interviewId}/debrief`,
      `/api/messages/${draft.id}`,
      `/api/people/${s.priyaId}`,
    ];
    for (const path of reads) expect((await theirs.get(path)).statusCode, path).toBe(404);

    const writes: Array<[string, () => Promise<{ statusCode: number }>]> = [
      ['patch opportunity', () => theirs.patch(`/api/opportunities/${s.opportunityId}`, { role: 'x' })],
      ['stage', () => theirs.put(`/api/opportunities/${s.opportunityId}/stage`, { stage: 'rejected' })],
      ['patch interview', () => theirs.patch(`/api/interviews/${s.interviewId}`, { round: 'x' })],
      ['debrief', () => theirs.put(`/api/interviews/${s.interviewId}/debrief`, { feeling: 'x' })],
      ['patch draft', () => theirs.patch(`/api/messages/${draft.id}`, { body: 'x' })],
      ['mark sent', () => theirs.post(`/api/messages/${draft.id}/sent`, {})],
      [
        'draft to their contact',
        () => theirs.post('/api/drafts', { kind: 'thank-you', contactIds: [s.priyaId] }),
      ],
      [
        'reply from their contact',
        () => theirs.post('/api/messages', { direction: 'in', kind: 'reply', contactId: s.recruiterId }),
      ],
      [
        'interview on their opportunity',
        () =>
          theirs.post('/api/interviews', {
            opportunityId: s.opportunityId,
            start: '2026-12-05T10:00',
            end: '2026-12-05T11:00',
          }),
      ],
    ];
    for (const [name, call] of writes) expect([400, 404], name).toContain((await call()).statusCode);
    const decided = await theirs.post('/api/actions/done', { key: `debrief:${s.interviewId}` });
    expect(decided.statusCode).toBe(400);

    for (const path of ['/api/opportunities', '/api/people', '/api/messages', '/api/interviews']) {
      const body = (await theirs.get(path)).json();
      expect(Object.values(body)[0], path).toEqual([]);
    }
    expect((await theirs.get('/api/today')).json().actions).toEqual([]);

    // And nothing of mine changed.
    const ov = (await mine.get(`/api/opportunities/${s.opportunityId}/overview`)).json();
    expect(ov.opportunity).toMatchObject({ role: 'Senior Engineer', stage: 'interviewing' });
    expect(ov.interviews[0].round).toBe('System design');
    expect((await mine.get(`/api/messages/${draft.id}`)).json()).toMatchObject({
      status: 'draft',
      body: 'Hi Priya',
    });
    await mine.close();
    await theirs.close();
  });
});
