/**
 * The decisions a slice reads: those on its exact keys and under its check-in prefixes, and no
 * other, so Today does not read every check-in decision the account ever made.
 */
import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import { checkInKey, debriefKey, goneQuietKey } from '../../core/plan/keys';
import { upsertDecision } from '../decisions/decision.repository';
import { sliceDecisions } from './slice.repository';

describeEachDialect('a slice’s decisions', (t) => {
  it('reads its exact keys and its check-ins, not the check-ins of other opportunities', async () => {
    const ctx = await createTestContext(t.store, { now: '2026-11-26T09:00:00Z' });
    const accountId = ctx.actor.accountId;
    const ours = '01a1b5dd-0000-7000-8000-000000000001';
    // An id that shares all but its last character with ours, and one that sorts right after it.
    const near = '01a1b5dd-0000-7000-8000-000000000002';
    const keys = [
      checkInKey(ours, 'after-iv1'),
      checkInKey(ours, 'msg-ü-7'),
      goneQuietKey(ours),
      debriefKey('iv1'),
      checkInKey(near, 'after-iv9'),
      `${checkInKey(ours, 'x').slice(0, -2)};x`,
      debriefKey('iv2'),
    ];
    for (const key of keys) {
      await upsertDecision(t.store.db, {
        account_id: accountId,
        action_key: key,
        decision: 'done',
        until: null,
        decided_at: '2026-11-20T10:00:00Z',
      });
    }
    const read = await sliceDecisions(t.store.db, accountId, [debriefKey('iv1')], [`check-in:${ours}:`]);
    expect(read.map((d) => d.action_key).sort()).toEqual(
      [
        checkInKey(ours, 'after-iv1'),
        checkInKey(ours, 'msg-ü-7'),
        goneQuietKey(ours),
        debriefKey('iv1'),
      ].sort(),
    );
    expect(await sliceDecisions(t.store.db, accountId, [], [])).toEqual([]);
  });
});
