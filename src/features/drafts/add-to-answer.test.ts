/**
 * The point to add to an answer goes into one interviewer's note: the one it names, or the one
 * whose debrief notes are closest to it. With several interviewers and nothing to go by it goes
 * into none, and every draft of the interview tells the user how to place it (it used to land in
 * the first interviewer's note, answering a question they may never have asked).
 */
import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';
import { seedStory } from '../../../test/http-story';
import { ADD_TO_ANSWER_UNPLACED } from '../../core/drafts/variants';

interface Drafted {
  message: { body: string; contactIds: string[] };
  hints: string[];
}

describeEachMode('the point to add to an answer', (t) => {
  it('goes to nobody when no notes touch on it, to the one it names, and to the closest', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T19:00:00Z' });
    const s = await seedStory(api);
    const draftWith = async (addToAnswer: string) => {
      const saved = await api.put(`/api/interviews/${s.interviewId}/debrief`, {
        addToAnswer,
        notes: [
          { contactId: s.priyaId, memorable: 'the chaos drills her team runs', topics: 'incident reviews' },
          { contactId: s.samId, memorable: "Asked how I'd shard the ledger", topics: 'sharding; queues' },
        ],
      });
      expect(saved.statusCode).toBe(200);
      const res = await api.post(`/api/interviews/${s.interviewId}/drafts`);
      expect(res.statusCode).toBe(200);
      const drafts = res.json().drafts as Drafted[];
      const of = (id: string) => drafts.find((d) => d.message.contactIds[0] === id);
      return { priya: of(s.priyaId), sam: of(s.samId), drafts };
    };

    const none = await draftWith('should have mentioned my estimates were padded by a third');
    expect(none.drafts).toHaveLength(2);
    for (const d of none.drafts) {
      expect(d.message.body).not.toContain('padded');
      expect(d.hints).toContain(ADD_TO_ANSWER_UNPLACED);
    }

    const named = await draftWith('sam: should have mentioned my estimates were padded by a third');
    expect(named.sam?.message.body).toContain('I should have mentioned my estimates were padded by a third.');
    expect(named.priya?.message.body).not.toContain('padded');
    for (const d of named.drafts) expect(d.hints).not.toContain(ADD_TO_ANSWER_UNPLACED);

    const closest = await draftWith('on the chaos drills, I would run them on staging first');
    expect(closest.priya?.message.body).toContain('On the chaos drills, I would run them on staging first.');
    expect(closest.sam?.message.body).not.toContain('staging');
    await api.close();
  });

  it('does not land on an interviewer through one generic shared word ("alert budgets" / "infra budget")', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T19:00:00Z' });
    const s = await seedStory(api);
    const saved = await api.put(`/api/interviews/${s.interviewId}/debrief`, {
      addToAnswer: 'should have mentioned how I set alert budgets per service',
      notes: [
        { contactId: s.priyaId, memorable: 'walked me through the infra budget for next year' },
        { contactId: s.samId, memorable: "Asked how I'd shard the ledger" },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const res = await api.post(`/api/interviews/${s.interviewId}/drafts`);
    const drafts = res.json().drafts as Drafted[];
    expect(drafts).toHaveLength(2);
    for (const d of drafts) {
      expect(d.message.body).not.toContain('alert budgets');
      expect(d.hints).toContain(ADD_TO_ANSWER_UNPLACED);
    }
    await api.close();
  });
});

describeEachMode('wordings across one company', (t) => {
  it("the first interviewer of a second interview does not get the first one's wording", async () => {
    const api = await createTestApi(t, { now: '2026-12-04T19:00:00Z' });
    const s = await seedStory(api);
    const second = await api.post('/api/interviews', {
      opportunityId: s.opportunityId,
      start: '2026-12-03T09:00',
      end: '2026-12-03T10:00',
      timeZone: 'America/Los_Angeles',
      round: 'Hiring manager',
      interviewers: ['Lena Park <lena@northwind.example>'],
    });
    expect(second.statusCode).toBe(201);
    const notes = (contactId: string) => ({
      contactId,
      memorable: 'told me about the ledger rewrite',
      topics: 'caching',
    });
    const people = (await api.get('/api/people')).json().people as Array<{ id: string; displayName: string }>;
    const lenaId = people.find((p) => p.displayName === 'Lena Park')?.id ?? '';
    expect(
      (
        await api.put(`/api/interviews/${s.interviewId}/debrief`, {
          notes: [notes(s.priyaId), notes(s.samId)],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await api.put(`/api/interviews/${second.json().id}/debrief`, { notes: [notes(lenaId)] })).statusCode,
    ).toBe(200);
    const first = (await api.post(`/api/interviews/${s.interviewId}/drafts`)).json().drafts as Drafted[];
    const [lena] = (await api.post(`/api/interviews/${second.json().id}/drafts`)).json().drafts as Drafted[];
    const priya = first.find((d) => d.message.contactIds[0] === s.priyaId);
    expect(priya?.message.body).toContain(
      'Thank you for taking the time to speak with me about the Senior Engineer role at Northwind Labs on Tuesday, December 1. I keep coming back to the ledger rewrite.',
    );
    // Lena is first in her own interview, but third at Northwind Labs.
    expect(lena?.message.body).toContain(
      'It was a pleasure to talk with you about the Senior Engineer position at Northwind Labs on Thursday, December 3. I especially enjoyed hearing about the ledger rewrite.',
    );
    await api.close();
  });
});
