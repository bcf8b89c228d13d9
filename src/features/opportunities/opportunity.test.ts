import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import { listContacts } from '../contacts/contact.service';
import { listEvents } from '../events/event.repository';
import { addOpportunity, changeStage, getOpportunity, listOpportunities } from './opportunity.service';

describeEachDialect('opportunity service', (t) => {
  it('adds an opportunity with its recruiter as a person and a timeline event', async () => {
    const ctx = await createTestContext(t.store);
    const opp = await addOpportunity(ctx, {
      company: 'Northwind Labs',
      role: 'Senior Engineer',
      recruiter: 'Dana Whitfield <Dana.Whitfield@northwind-labs.example>',
      decisionBy: '2026-12-18',
    });
    expect(opp).toMatchObject({ company: 'Northwind Labs', stage: 'applied', decisionBy: '2026-12-18' });
    expect(opp.domains).toEqual(['northwind-labs.example']);
    const people = await listContacts(ctx);
    expect(people.map((p) => [p.displayName, p.emails])).toEqual([
      ['Dana Whitfield', ['dana.whitfield@northwind-labs.example']],
    ]);
    expect(opp.recruiterId).toBe(people[0]?.id);
    const events = await listEvents(ctx.db, ctx.actor.accountId, opp.id);
    expect(events.map((e) => e.kind)).toEqual(['opportunity-created']);
  });

  it('refuses a malformed recruiter address and writes nothing', async () => {
    const ctx = await createTestContext(t.store);
    await expect(
      addOpportunity(ctx, { company: 'A', role: 'B', recruiter: 'Dana <not-an-email>' }),
    ).rejects.toThrow(/recruiter: "not-an-email" is not a valid email address/);
    expect(await listOpportunities(ctx)).toEqual([]);
    expect(await listContacts(ctx)).toEqual([]);
  });

  it('refuses an impossible decision date, naming the field', async () => {
    const ctx = await createTestContext(t.store);
    await expect(addOpportunity(ctx, { company: 'A', role: 'B', decisionBy: '18/12/2026' })).rejects.toThrow(
      /^decisionBy: must be a date/,
    );
  });

  it('keeps accounts apart: another account cannot read the opportunity', async () => {
    const mine = await createTestContext(t.store);
    const theirs = await createTestContext(t.store);
    const opp = await addOpportunity(mine, { company: 'Contoso', role: 'PM' });
    await expect(getOpportunity(theirs, opp.id)).rejects.toThrow(/No opportunity/);
    expect(await listOpportunities(theirs)).toEqual([]);
  });

  it('records stage changes on the timeline with their time', async () => {
    const ctx = await createTestContext(t.store);
    const opp = await addOpportunity(ctx, { company: 'Contoso', role: 'PM' });
    const later = { ...ctx, now: ctx.now.add({ hours: 48 }) };
    const rejected = await changeStage(later, opp.id, 'rejected');
    expect(rejected.stage).toBe('rejected');
    expect(rejected.stageChangedAt).toBe('2026-12-03T17:00:00Z');
    const events = await listEvents(ctx.db, ctx.actor.accountId, opp.id);
    expect(events.map((e) => [e.kind, JSON.parse(e.data)])).toEqual([
      ['opportunity-created', { stage: 'applied' }],
      ['stage-changed', { from: 'applied', to: 'rejected' }],
    ]);
  });
});
