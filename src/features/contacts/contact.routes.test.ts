import { expect, it } from 'vitest';
import { createTestApi } from '../../../test/http';
import { seedStory } from '../../../test/http-story';
import { describeEachDialect } from '../../../test/store';

describeEachDialect('people routes', (t) => {
  it('lists everyone met with where their details came from, and every touch with one person', async () => {
    const api = await createTestApi(t.store, { now: '2026-12-01T16:00:00Z' });
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
});
