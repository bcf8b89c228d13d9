/**
 * A debrief typed on a phone names the opportunity's people in lower case ("sam runs the
 * platform team"); the note spells them as recorded, and leaves words that only look like a
 * name alone.
 */
import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

interface Drafted {
  message: { body: string; contactIds: string[] };
}

describeEachMode('people named in lower case in a debrief', (t) => {
  it('are spelt as recorded in the note: the recruiter and the other interviewer', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T19:00:00Z' });
    const s = await seedStory(api);
    const saved = await api.put(`/api/interviews/${s.interviewId}/debrief`, {
      notes: [
        {
          contactId: s.priyaId,
          memorable: 'she said sam runs the platform team and dana will set up the onsite',
          topics: 'incident reviews',
        },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const res = await api.post(`/api/interviews/${s.interviewId}/drafts`);
    expect(res.statusCode).toBe(200);
    const drafts = res.json().drafts as Drafted[];
    const priya = drafts.find((d) => d.message.contactIds[0] === s.priyaId);
    expect(priya?.message.body).toContain('Sam runs the platform team and Dana will set up the onsite');
    expect(priya?.message.body).not.toMatch(/\b(?:sam|dana)\b/);
    await api.close();
  });
});
