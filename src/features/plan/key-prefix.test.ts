/**
 * actionsForKeyPrefix plans only the opportunities a typed key can be about; the actions whose
 * keys start with the typed text are exactly those of the whole plan (getAllActions).
 */
import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import { seedDemo } from '../demo/demo.service';
import { actionsForKeyPrefix } from './key-prefix.service';
import { getAllActions } from './plan.service';

describeEachDialect('action keys by prefix', (t) => {
  it('finds the same actions for a typed prefix as the whole plan does', async () => {
    const ctx = await createTestContext(t.store, { now: '2026-11-26T09:00:00Z' });
    await seedDemo(ctx, { scale: 12, seed: 5 });
    const all = await getAllActions(ctx);
    expect(all.length).toBeGreaterThan(20);
    const starting = (actions: typeof all, typed: string) =>
      actions
        .filter((a) => a.key.startsWith(typed))
        .map((a) => [a.key, a.state])
        .sort();
    const typedKeys = new Set<string>();
    for (const a of all.filter((_, i) => i % 3 === 0)) {
      const [rule, id] = a.key.split(':');
      typedKeys.add(a.key);
      typedKeys.add(`${rule}:${id?.slice(0, 6)}`);
      typedKeys.add(`${rule}:${id}:`);
      typedKeys.add(`${rule}:`);
    }
    typedKeys.add('thank');
    typedKeys.add('debrief:ffffffff');
    let planned = 0;
    for (const typed of typedKeys) {
      const some = await actionsForKeyPrefix(ctx, typed);
      expect(starting(some, typed), typed).toEqual(starting(all, typed));
      if (typed.split(':')[1]) planned = Math.max(planned, some.length);
    }
    // A key with an id plans a few opportunities, not the account.
    expect(planned).toBeLessThan(all.length);
  });
});
