import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

describeEachMode('opportunity overview route', (t) => {
  it('gathers interviews, people, messages, timeline and open actions in one answer', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    api.setNow('2026-12-01T19:00:00Z');
    await api.put(`/api/opportunities/${s.opportunityId}/stage`, { stage: 'interviewing' });
    const ov = (await api.get(`/api/opportunities/${s.opportunityId}/overview`)).json();
    expect(ov.opportunity.stage).toBe('interviewing');
    expect(ov.interviews.map((i: { id: string }) => i.id)).toEqual([s.interviewId]);
    expect(ov.people.map((p: { id: string }) => p.id).sort()).toEqual(
      [s.recruiterId, s.priyaId, s.samId].sort(),
    );
    expect(ov.timeline.map((e: { kind: string }) => e.kind)).toContain('stage-changed');
    expect(ov.actions.map((a: { key: string }) => a.key)).toContain(`debrief:${s.interviewId}`);
    expect((await api.get('/api/opportunities/nope/overview')).statusCode).toBe(404);
    await api.close();
  });

  it('after a rejection the plan proposes the thanks-for-consideration note', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    api.setNow('2026-12-08T19:00:00Z');
    await api.put(`/api/opportunities/${s.opportunityId}/stage`, { stage: 'rejected' });
    const rules = (await api.get('/api/today')).json().actions.map((a: { rule: string }) => a.rule);
    expect(rules).toContain('thanks-for-consideration');
    await api.close();
  });
});
