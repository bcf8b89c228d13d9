import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

describeEachMode('interview routes', (t) => {
  it('adds an interview read in its own zone, lists, edits and adds a participant', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    const iv = (await api.get(`/api/interviews/${s.interviewId}`)).json();
    expect(iv).toMatchObject({
      start: '2026-12-01T17:00:00Z',
      end: '2026-12-01T18:00:00Z',
      round: 'System design',
    });
    expect(iv.participants).toHaveLength(2);
    const list = (await api.get(`/api/interviews?opportunityId=${s.opportunityId}`)).json().interviews;
    expect(list.map((i: { id: string }) => i.id)).toEqual([s.interviewId]);
    const edited = await api.patch(`/api/interviews/${s.interviewId}`, { location: 'Video call' });
    expect(edited.json().location).toBe('Video call');
    const joined = await api.put(`/api/interviews/${s.interviewId}/participants/${s.recruiterId}`, {
      role: 'coordinator',
    });
    expect(joined.json().participants).toContainEqual({ contactId: s.recruiterId, role: 'coordinator' });
    await api.close();
  });

  it('refuses an end before the start and an unknown zone, naming the field', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    const backwards = await api.post('/api/interviews', {
      opportunityId: s.opportunityId,
      start: '2026-12-05T10:00',
      end: '2026-12-05T09:00',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.field).toBe('end');
    const zone = await api.post('/api/interviews', {
      opportunityId: s.opportunityId,
      start: '2026-12-05T10:00',
      end: '2026-12-05T11:00',
      timeZone: 'Mars/Base',
    });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error.field).toBe('timeZone');
    await api.close();
  });
});
