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
});
