import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

describeEachMode('debrief routes', (t) => {
  it('starts empty, saves as the user types, and merges partial saves', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    const empty = (await api.get(`/api/interviews/${s.interviewId}/debrief`)).json();
    expect(empty).toMatchObject({ interviewId: s.interviewId, feeling: '', notes: [], updatedAt: null });
    await api.put(`/api/interviews/${s.interviewId}/debrief`, { feeling: 'Good' });
    const saved = await api.put(`/api/interviews/${s.interviewId}/debrief`, {
      improve: 'Talk about the cache invalidation story',
      notes: [{ contactId: s.priyaId, memorable: 'Her team runs chaos drills on Fridays' }],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      feeling: 'Good',
      improve: 'Talk about the cache invalidation story',
    });
    expect(saved.json().notes).toEqual([
      {
        contactId: s.priyaId,
        memorable: 'Her team runs chaos drills on Fridays',
        topics: '',
        problem: '',
        promise: '',
      },
    ]);
    await api.close();
  });

  it('refuses a note about someone who was not in the interview, and an unknown interview', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    const res = await api.put(`/api/interviews/${s.interviewId}/debrief`, {
      notes: [{ contactId: s.recruiterId, memorable: 'x' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('notes.0.contactId');
    expect((await api.get('/api/interviews/nope/debrief')).statusCode).toBe(404);
    await api.close();
  });
});
