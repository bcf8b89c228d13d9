import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import { plan, planAll } from '../../core/plan/plan';
import { Temporal } from '../../core/time';
import { getPlaybook } from '../accounts/account.service';
import { seedDemo } from '../demo/demo.service';
import { loadPlanSnapshot, loadSnapshot } from './snapshot.service';

const pick = <T extends object>(record: T, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, (record as Record<string, unknown>)[k]]));

describeEachDialect('plan snapshot', (t) => {
  it('plans exactly as the full snapshot does on demo data, at moments before, during and after the hunt', async () => {
    const ctx = await createTestContext(t.store, { now: '2026-11-26T09:00:00Z', holidayRegion: 'US' });
    const seeded = await seedDemo(ctx, { scale: 40 });
    expect(seeded.messages).toBeGreaterThan(0);
    const playbook = await getPlaybook(ctx);
    const [full, narrow] = await Promise.all([loadSnapshot(ctx), loadPlanSnapshot(ctx)]);
    expect(narrow.holidays.length).toBeGreaterThan(0);
    expect(narrow.holidays).toEqual(full.holidays);
    // Same rows in the same order, each carrying exactly the planner's fields of the full record.
    for (const key of ['opportunities', 'interviews', 'contacts', 'messages', 'debriefs'] as const) {
      const fields = Object.keys(narrow[key][0] ?? {});
      expect(fields.length, key).toBeGreaterThan(0);
      const sortById = (rows: object[]) =>
        key === 'contacts' || key === 'debriefs'
          ? [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
          : rows;
      expect(sortById(narrow[key]), key).toEqual(sortById(full[key].map((r) => pick(r, fields))));
    }
    expect(narrow.decisions).toEqual(full.decisions);

    let open = 0;
    for (const iso of [
      '2026-06-01T12:00:00Z',
      '2026-11-26T09:00:00Z',
      '2026-12-03T18:30:00Z',
      '2027-09-01T00:00:00Z',
    ]) {
      const now = Temporal.Instant.from(iso);
      const fromNarrow = plan(narrow, playbook, now);
      expect(fromNarrow, iso).toEqual(plan(full, playbook, now));
      expect(planAll(narrow, playbook, now), iso).toEqual(planAll(full, playbook, now));
      open += fromNarrow.length;
    }
    expect(open).toBeGreaterThan(0);
  });
});
