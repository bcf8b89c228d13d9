import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import { addInterview } from '../interviews/interview.service';
import { addOpportunity } from '../opportunities/opportunity.service';
import { decide, getToday } from '../plan/plan.service';
import { undoDecision } from './decision.service';

describeEachDialect('undoing a decision', (t) => {
  it('brings a done, dismissed or snoozed action back, and says which decision it undid', async () => {
    const ctx = await createTestContext(t.store, { now: '2026-12-01T19:00:00Z' });
    const opp = await addOpportunity(ctx, { company: 'Northwind Labs', role: 'Engineer' });
    const iv = await addInterview(ctx, {
      opportunityId: opp.id,
      start: '2026-12-01T09:00',
      end: '2026-12-01T10:00',
      interviewers: ['Priya Raman <priya@northwind.example>'],
    });
    const key = `debrief:${iv.id}`;
    const open = async () => (await getToday(ctx)).actions.map((a) => a.key);
    expect(await open()).toContain(key);
    for (const [decision, until] of [
      ['done', undefined],
      ['dismissed', undefined],
      ['snoozed', '2026-12-02T09:00'],
    ] as const) {
      await decide(ctx, key, decision, until);
      expect(await open()).not.toContain(key);
      expect(await undoDecision(ctx, key)).toBe(decision);
      expect(await open()).toContain(key);
    }
  });

  it('refuses to undo an action nobody decided about, changing nothing', async () => {
    const ctx = await createTestContext(t.store);
    await expect(undoDecision(ctx, 'debrief:nothing')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^Nothing to undo/),
    });
  });
});
