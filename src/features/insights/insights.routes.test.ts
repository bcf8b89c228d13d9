import { expect, it } from 'vitest';
import { createTestApi } from '../../../test/http';
import { seedStory } from '../../../test/http-story';
import { describeEachDialect } from '../../../test/store';

describeEachDialect('insights route', (t) => {
  it('counts the funnel, days to first reply, thank-yous on time vs late, check-ins per reply', async () => {
    const api = await createTestApi(t.store, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    await api.post('/api/opportunities', { company: 'Contoso', role: 'PM' });
    // One thank-you on time (within 24 h of the 18:00Z end), one late.
    await api.post('/api/messages', {
      direction: 'out',
      kind: 'thank-you',
      contactId: s.priyaId,
      at: '2026-12-02T09:00:00Z',
    });
    await api.post('/api/messages', {
      direction: 'out',
      kind: 'thank-you',
      contactId: s.samId,
      at: '2026-12-04T09:00:00Z',
    });
    await api.post('/api/messages', {
      direction: 'out',
      kind: 'check-in',
      contactId: s.recruiterId,
      at: '2026-12-14T17:00:00Z',
    });
    await api.post('/api/messages', {
      direction: 'in',
      kind: 'reply',
      contactId: s.recruiterId,
      at: '2026-12-04T18:00:00Z',
    });
    const res = await api.get('/api/insights');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.funnel.slice(0, 2)).toEqual([
      { stage: 'applied', count: 2 },
      { stage: 'interviewing', count: 1 },
    ]);
    expect(body.thankYous).toEqual({ onTime: 1, late: 1 });
    expect(body.responseDays).toEqual([{ company: 'Northwind Labs', days: 3 }]);
    expect(body.checkIns).toEqual([{ company: 'Northwind Labs', checkIns: 1, replies: 1 }]);
    await api.close();
  });
});
