import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

describeEachMode('calendar feed', (t) => {
  it('serves every open action at its due time, with the action key as a stable UID', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    api.setNow('2026-12-01T19:00:00Z');
    const path = (await api.post('/api/settings/feed')).json().feedPath;
    const res = await api.get(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(res.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const thanks = events.find((e) => e.uid === `thank-you:${s.interviewId}:${s.priyaId}@afterview.local`);
    expect(thanks?.summary).toMatch(/Priya Raman/);
    expect(thanks?.endDate.toJSDate().toISOString()).toBe('2026-12-02T18:00:00.000Z');
    const today = (await api.get('/api/today')).json().actions;
    expect(events).toHaveLength(today.length);

    // Re-planning keeps the same UIDs: the calendar updates events instead of duplicating them.
    api.setNow('2026-12-01T20:00:00Z');
    const again = new ICAL.Component(ICAL.parse((await api.get(path)).body));
    expect(
      again
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v).uid)
        .sort(),
    ).toEqual(events.map((e) => e.uid).sort());
    await api.close();
  });

  it('answers 404 for an unknown token and for a revoked one', async () => {
    const api = await createTestApi(t);
    const path = (await api.post('/api/settings/feed')).json().feedPath;
    expect((await api.get(path)).statusCode).toBe(200);
    expect((await api.get('/feed/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).statusCode).toBe(404);
    await api.delete('/api/settings/feed');
    expect((await api.get(path)).statusCode).toBe(404);
    await api.close();
  });

  it('serves a valid empty calendar when nothing is planned', async () => {
    const api = await createTestApi(t);
    const path = (await api.post('/api/settings/feed')).json().feedPath;
    const res = await api.get(path);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Afterview//Plan feed//EN');
    expect(cal.getAllSubcomponents('vevent')).toEqual([]);
    await api.close();
  });
});
