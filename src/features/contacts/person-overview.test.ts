import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import { addInterview } from '../interviews/interview.service';
import { recordMessage } from '../messages/message.service';
import { addOpportunity } from '../opportunities/opportunity.service';
import { listContacts } from './contact.service';
import { editContact } from './contact-edit.service';
import { getPersonOverview } from './person-overview.service';

describeEachDialect('a person and everything about them', (t) => {
  it('gathers their opportunities, interviews and every note to or from them', async () => {
    const ctx = await createTestContext(t.store, { now: '2026-12-01T19:00:00Z' });
    const northwind = await addOpportunity(ctx, {
      company: 'Northwind Labs',
      role: 'Engineer',
      recruiter: 'Dana Whitfield <dana@northwind.example>',
    });
    const contoso = await addOpportunity(ctx, { company: 'Contoso', role: 'Staff Engineer' });
    const iv = await addInterview(ctx, {
      opportunityId: northwind.id,
      start: '2026-12-01T09:00',
      end: '2026-12-01T10:00',
      interviewers: ['Priya Raman <priya@northwind.example>'],
    });
    await addInterview(ctx, {
      opportunityId: contoso.id,
      start: '2026-12-02T09:00',
      end: '2026-12-02T10:00',
      interviewers: ['Someone Else <else@contoso.example>'],
    });
    const people = await listContacts(ctx);
    const priya = people.find((p) => p.displayName === 'Priya Raman');
    const dana = people.find((p) => p.displayName === 'Dana Whitfield');
    if (!priya || !dana) throw new Error('people missing');
    await recordMessage(ctx, { direction: 'out', kind: 'thank-you', contactId: priya.id, body: 'Thanks' });
    await recordMessage(ctx, { direction: 'in', kind: 'reply', contactId: priya.id, body: 'Likewise' });
    await recordMessage(ctx, { direction: 'in', kind: 'reply', contactId: dana.id, body: 'Soon' });

    const p = await getPersonOverview(ctx, priya.id);
    expect(p.person.displayName).toBe('Priya Raman');
    expect(p.interviews.map((i) => i.id)).toEqual([iv.id]);
    expect(p.opportunities.map((o) => o.company)).toEqual(['Northwind Labs']);
    expect(p.messages.map((m) => m.direction).sort()).toEqual(['in', 'out']);

    // The recruiter belongs to the opportunity without an interview.
    const d = await getPersonOverview(ctx, dana.id);
    expect(d.opportunities.map((o) => o.id)).toEqual([northwind.id]);
    expect(d.interviews).toEqual([]);
    expect(d.messages).toHaveLength(1);
  });

  it('keeps where a detail typed in the terminal came from', async () => {
    const ctx = await createTestContext(t.store);
    const opp = await addOpportunity(ctx, { company: 'Northwind Labs', role: 'Engineer' });
    await addInterview(ctx, {
      opportunityId: opp.id,
      start: '2026-12-01T09:00',
      end: '2026-12-01T10:00',
      interviewers: ['Sam Ortiz'],
    });
    const sam = (await listContacts(ctx)).find((c) => c.displayName === 'Sam Ortiz');
    if (!sam) throw new Error('Sam missing');
    const edited = await editContact(
      ctx,
      sam.id,
      { emails: ['sam@northwind.example'] },
      'typed in the terminal',
    );
    expect(edited.provenance.at(-1)).toMatchObject({ field: 'email', source: 'typed in the terminal' });
  });

  it('names every bad field at once, in words that follow the field name', async () => {
    const ctx = await createTestContext(t.store);
    const opp = await addOpportunity(ctx, {
      company: 'Northwind Labs',
      role: 'Engineer',
      recruiter: 'Dana <dana@n.example>',
    });
    const dana = (await listContacts(ctx))[0];
    if (!dana || !opp) throw new Error('Dana missing');
    await expect(
      editContact(ctx, dana.id, { displayName: '', title: 't'.repeat(301), emails: ['nope'] }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'displayName',
      issues: [
        { field: 'displayName', message: 'is required' },
        { field: 'title', message: 'is too long (300 characters at most)' },
        { field: 'emails.0', message: 'must be an email address' },
      ],
    });
  });
});
