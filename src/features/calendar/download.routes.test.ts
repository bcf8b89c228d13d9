import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

describeEachMode('calendar download and the person page', (t) => {
  it('downloads the open actions once as an .ics file, each reason stated once', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    await seedStory(api);
    api.setNow('2026-12-01T19:00:00Z');
    const res = await api.get('/api/calendar/actions.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="afterview-actions.ics"');
    const events = new ICAL.Component(ICAL.parse(res.body))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    const today = (await api.get('/api/today')).json().actions as Array<{ key: string; reason: string }>;
    expect(events).toHaveLength(today.length);
    for (const e of events) {
      const action = today.find((a) => `${a.key}@afterview.local` === e.uid);
      expect(e.description).toBe(action?.reason);
      expect(e.description.match(/\(rule [a-z-]+\)/g)).toHaveLength(1);
    }
    await api.close();
  });

  it('links a person to their opportunities and interviews, and names every bad field of an edit', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    const one = (await api.get(`/api/people/${s.priyaId}`)).json();
    expect(one.opportunities.map((o: { id: string }) => o.id)).toEqual([s.opportunityId]);
    expect(one.interviews.map((i: { id: string }) => i.id)).toEqual([s.interviewId]);
    const bad = await api.patch(`/api/people/${s.priyaId}`, { displayName: '', title: 't'.repeat(301) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'invalid-input',
      field: 'displayName',
      issues: [
        { field: 'displayName', message: 'is required' },
        { field: 'title', message: 'is too long (300 characters at most)' },
      ],
    });
    await api.close();
  });
});
