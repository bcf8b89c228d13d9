import { expect, it } from 'vitest';
import { createTestApi, describeEachMode, type TestApi } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

describeEachMode('insights route', (t) => {
  it('counts the funnel, days to first reply, thank-yous on time vs late, check-ins per reply', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
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

  it('averages days to first reply by the stage each opportunity was in when its first note went out', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    // Northwind: scheduling the interview moved it to interviewing at 16:00Z; the interview ends
    // 18:00Z, it moves on to waiting the next day, and the reply comes 3 days after the interview.
    const s = await seedStory(api);
    api.setNow('2026-12-02T10:00:00Z');
    expect(
      (await api.put(`/api/opportunities/${s.opportunityId}/stage`, { stage: 'waiting' })).statusCode,
    ).toBe(200);
    await api.post('/api/messages', {
      direction: 'in',
      kind: 'reply',
      contactId: s.recruiterId,
      at: '2026-12-04T18:00:00Z',
    });
    // Contoso: a note while still applied (before its only move), reply 2.5 days later.
    const contoso = await addWithRecruiter(api, 'Contoso', 'Ana <ana@contoso.example>');
    await record(api, contoso, 'out', '2026-12-02T12:00:00Z');
    api.setNow('2026-12-03T09:00:00Z');
    expect((await api.put(`/api/opportunities/${contoso.id}/stage`, { stage: 'offer' })).statusCode).toBe(
      200,
    );
    await record(api, contoso, 'in', '2026-12-05T00:00:00Z');
    // Fabrikam: never moved, so its stage then is its stage now; reply 1.5 days later.
    const fabrikam = await addWithRecruiter(api, 'Fabrikam', 'Bo <bo@fabrikam.example>');
    await record(api, fabrikam, 'out', '2026-12-02T00:00:00Z');
    await record(api, fabrikam, 'in', '2026-12-03T12:00:00Z');
    // A reply before any note of ours does not count as a response.
    const tailspin = await addWithRecruiter(api, 'Tailspin', 'Cy <cy@tailspin.example>');
    await record(api, tailspin, 'in', '2026-12-02T00:00:00Z');

    const body = (await api.get('/api/insights')).json();
    expect(body.responseDaysByStage).toEqual([
      { stage: 'applied', days: 2, opportunities: 2 },
      { stage: 'interviewing', days: 3, opportunities: 1 },
    ]);
    expect(body.responseDays).toEqual([
      { company: 'Fabrikam', days: 1.5 },
      { company: 'Contoso', days: 2.5 },
      { company: 'Northwind Labs', days: 3 },
    ]);
    await api.close();
  });
});

async function addWithRecruiter(api: TestApi, company: string, recruiter: string) {
  const res = await api.post('/api/opportunities', { company, role: 'Engineer', recruiter });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; recruiterId: string };
}

async function record(
  api: TestApi,
  opp: { id: string; recruiterId: string },
  direction: 'in' | 'out',
  at: string,
) {
  const res = await api.post('/api/messages', {
    direction,
    kind: direction === 'out' ? 'check-in' : 'reply',
    contactId: opp.recruiterId,
    opportunityId: opp.id,
    at,
  });
  expect(res.statusCode).toBe(201);
}
