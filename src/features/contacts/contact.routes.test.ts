import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

describeEachMode('people routes', (t) => {
  it('lists everyone met with where their details came from, and every touch with one person', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    const people = (await api.get('/api/people')).json().people;
    expect(people.map((p: { displayName: string }) => p.displayName).sort()).toEqual([
      'Dana Whitfield',
      'Priya Raman',
      'Sam Ortiz',
    ]);
    await api.post('/api/messages', { direction: 'in', kind: 'reply', contactId: s.recruiterId, body: 'Hi' });
    const one = (await api.get(`/api/people/${s.recruiterId}`)).json();
    expect(one.person.provenance.map((p: { field: string }) => p.field)).toEqual(['displayName', 'email']);
    expect(one.messages).toHaveLength(1);
    expect((await api.get('/api/people/nobody')).statusCode).toBe(404);
    await api.close();
  });

  it('adds the missing email of an interviewer, which settles the collect-contact action', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    api.setNow('2026-12-01T19:00:00Z');
    const before = (await api.get('/api/today')).json().actions.map((a: { key: string }) => a.key);
    expect(before.some((k: string) => k.startsWith('collect-contact:') && k.includes(s.samId))).toBe(true);
    const res = await api.patch(`/api/people/${s.samId}`, {
      emails: ['Sam.Ortiz@northwind.example'],
      title: 'Staff Engineer',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ emails: ['sam.ortiz@northwind.example'], title: 'Staff Engineer' });
    expect(res.json().provenance.at(-1)).toMatchObject({
      field: 'email',
      value: 'sam.ortiz@northwind.example',
      source: 'edited by hand',
    });
    const after = (await api.get('/api/today')).json().actions.map((a: { key: string }) => a.key);
    expect(after.some((k: string) => k.startsWith('collect-contact:') && k.includes(s.samId))).toBe(false);
    await api.close();
  });

  it('refuses a malformed email and an empty name, naming the field, and changes nothing', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    const bad = await api.patch(`/api/people/${s.samId}`, { emails: ['sam at northwind'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('emails.0');
    const empty = await api.patch(`/api/people/${s.samId}`, { displayName: '  ' });
    expect(empty.json().error.field).toBe('displayName');
    expect((await api.get(`/api/people/${s.samId}`)).json().person).toMatchObject({
      displayName: 'Sam Ortiz',
      emails: [],
    });
    expect((await api.patch('/api/people/nobody', { title: 'x' })).statusCode).toBe(404);
    await api.close();
  });
});
