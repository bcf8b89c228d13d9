/**
 * touchingOnce (wake.ts): an import's writes only collect what they touch; every opportunity they
 * touched is marked for planning once, at the end, in the same transaction, and Today (which
 * verifies itself against the whole plan in the test suite) still shows the imported work.
 */
import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import { parseCsv } from '../../core/capture/csv';
import { applyImport } from '../imports/import.service';
import { addOpportunity } from '../opportunities/opportunity.service';
import { getToday } from './plan.service';
import { touchingOnce } from './wake';

const dirty = (rows: Array<{ opportunity_id: string; dirty: number | boolean }>) =>
  rows.filter((r) => Number(r.dirty) === 1).map((r) => r.opportunity_id);

describeEachDialect('touching once per import', (t) => {
  it('marks each opportunity an import touched once, at the end of its transaction', async () => {
    const ctx = await createTestContext(t.store, { now: '2026-11-30T12:00:00Z' });
    const old = await addOpportunity(ctx, { company: 'Northwind', role: 'Staff Engineer' });
    await getToday(ctx); // plans it: nothing is dirty now
    const wake = () =>
      t.store.db
        .selectFrom('plan_wake')
        .select(['opportunity_id', 'dirty', 'version'])
        .where('account_id', '=', ctx.actor.accountId)
        .execute();
    expect(dirty(await wake())).toEqual([]);
    const versionBefore = (await wake()).find((r) => r.opportunity_id === old.id)?.version;

    const csv =
      'Company,Job Title,Status,Contact Name,Contact Email\n' +
      'Northwind,Staff Engineer,Interviewing,Sam Lee,sam@northwind.example\n' +
      'Initech,Platform Engineer,Applied,Ana Diaz,ana@initech.example\n';
    const result = await applyImport(ctx, parseCsv(csv));
    expect(result.opportunities.created).toHaveLength(1);

    const after = await wake();
    const created = result.opportunities.created[0]?.id ?? '';
    expect(new Set(dirty(after))).toEqual(new Set([old.id, created]));
    // Touched once: the row the import changed four times (stage, recruiter, contact) moved one version.
    expect(after.find((r) => r.opportunity_id === old.id)?.version).toBe(Number(versionBefore) + 1);
    // Today plans both (and, in the test suite, checks itself against the whole plan).
    await getToday(ctx);
    expect(dirty(await wake())).toEqual([]);
  });

  it('collects inside the transaction and marks nothing until the work ends; a failure marks nothing', async () => {
    const ctx = await createTestContext(t.store, { now: '2026-11-30T12:00:00Z' });
    const opp = await addOpportunity(ctx, { company: 'Acme', role: 'Engineer' });
    await getToday(ctx);
    const { updateOpportunity } = await import('../opportunities/opportunity.repository');
    const dirtyNow = async (db: typeof t.store.db | Parameters<typeof updateOpportunity>[0]) =>
      dirty(
        await db
          .selectFrom('plan_wake')
          .select(['opportunity_id', 'dirty'])
          .where('account_id', '=', ctx.actor.accountId)
          .execute(),
      );
    await t.store.db.transaction().execute(async (trx) => {
      await touchingOnce(trx, ctx.actor.accountId, async () => {
        await updateOpportunity(trx, ctx.actor.accountId, opp.id, { role: 'Senior Engineer' });
        expect(await dirtyNow(trx)).toEqual([]);
      });
      expect(await dirtyNow(trx)).toEqual([opp.id]);
    });
    await getToday(ctx);
    await expect(
      t.store.db.transaction().execute(async (trx) => {
        await touchingOnce(trx, ctx.actor.accountId, async () => {
          await updateOpportunity(trx, ctx.actor.accountId, opp.id, { role: 'Principal Engineer' });
          throw new Error('the import failed');
        });
      }),
    ).rejects.toThrow('the import failed');
    expect(await dirtyNow(t.store.db)).toEqual([]);
  });
});
