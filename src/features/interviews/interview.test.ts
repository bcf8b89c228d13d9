import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import { listContacts } from '../contacts/contact.service';
import { saveDebrief } from '../debriefs/debrief.service';
import { listEvents } from '../events/event.repository';
import { addOpportunity, getOpportunity } from '../opportunities/opportunity.service';
import { addInterview, listInterviews, updateInterview } from './interview.service';

describeEachDialect('interview service', (t) => {
  it('reads a time without offset in the interview zone and stores UTC', async () => {
    const ctx = await createTestContext(t.store);
    const opp = await addOpportunity(ctx, { company: 'Northwind Labs', role: 'Engineer' });
    const interview = await addInterview(ctx, {
      opportunityId: opp.id,
      start: '2026-12-08T10:00',
      end: '2026-12-08T10:45',
      timeZone: 'America/Los_Angeles',
      round: 'Hiring manager',
      interviewers: ['Priya Raman <priya.raman@northwind-labs.example>', "Siobhán O'Connell"],
    });
    expect(interview).toMatchObject({
      start: '2026-12-08T18:00:00Z',
      end: '2026-12-08T18:45:00Z',
      round: 'Hiring manager',
    });
    const people = await listContacts(ctx);
    expect(people.map((p) => [p.displayName, p.emails, p.company]).sort()).toEqual([
      ['Priya Raman', ['priya.raman@northwind-labs.example'], 'Northwind Labs'],
      ["Siobhán O'Connell", [], 'Northwind Labs'],
    ]);
    expect(interview.participants.map((p) => p.role)).toEqual(['interviewer', 'interviewer']);
    expect((await getOpportunity(ctx, opp.id)).stage).toBe('interviewing');
  });

  it('reuses the person with the same email across interviews', async () => {
    const ctx = await createTestContext(t.store);
    const opp = await addOpportunity(ctx, { company: 'Northwind Labs', role: 'Engineer' });
    const base = {
      opportunityId: opp.id,
      timeZone: 'UTC',
      interviewers: ['Priya Raman <PRIYA@northwind-labs.example>'],
    };
    await addInterview(ctx, { ...base, start: '2026-12-08T10:00', end: '2026-12-08T11:00' });
    await addInterview(ctx, { ...base, start: '2026-12-09T10:00', end: '2026-12-09T11:00' });
    expect(await listContacts(ctx)).toHaveLength(1);
    expect(await listInterviews(ctx, opp.id)).toHaveLength(2);
  });

  it.each([
    [{ start: '2026-12-08T11:00', end: '2026-12-08T10:00' }, /^end: the interview must end after it starts/],
    [{ timeZone: 'Mars/Olympus' }, /^timeZone: unknown time zone "Mars\/Olympus"/],
    [{ start: 'next tuesday' }, /^start: "next tuesday" is not an ISO-8601 time/],
    [{ interviewers: ['Priya <priya@>'] }, /^interviewers\[0\]: "priya@" is not a valid email address/],
    [{ opportunityId: 'nope' }, /^No opportunity with id nope/],
  ])('refuses bad input %j and writes nothing', async (patch, message) => {
    const ctx = await createTestContext(t.store);
    const opp = await addOpportunity(ctx, { company: 'Northwind Labs', role: 'Engineer' });
    const input = {
      opportunityId: opp.id,
      start: '2026-12-08T10:00',
      end: '2026-12-08T11:00',
      interviewers: ['Ana <ana@northwind-labs.example>'],
      ...patch,
    };
    await expect(addInterview(ctx, input)).rejects.toThrow(message);
    expect(await listInterviews(ctx)).toEqual([]);
    expect(await listContacts(ctx)).toEqual([]);
  });

  it('cancels an interview and records it on the timeline', async () => {
    const ctx = await createTestContext(t.store);
    const opp = await addOpportunity(ctx, { company: 'Contoso', role: 'PM' });
    const i = await addInterview(ctx, {
      opportunityId: opp.id,
      start: '2026-12-08T10:00',
      end: '2026-12-08T11:00',
    });
    const cancelled = await updateInterview(ctx, i.id, { status: 'cancelled' });
    expect(cancelled.status).toBe('cancelled');
    const kinds = (await listEvents(ctx.db, ctx.actor.accountId, opp.id)).map((e) => e.kind);
    expect(kinds).toContain('interview-cancelled');
  });

  it('merges debrief saves field by field and refuses notes about someone not in the room', async () => {
    const ctx = await createTestContext(t.store);
    const opp = await addOpportunity(ctx, {
      company: 'Contoso',
      role: 'PM',
      recruiter: 'Rae <rae@contoso.example>',
    });
    const i = await addInterview(ctx, {
      opportunityId: opp.id,
      start: '2026-12-08T10:00',
      end: '2026-12-08T11:00',
      interviewers: ['Ana Ruiz <ana@contoso.example>'],
    });
    const ana = i.participants[0]?.contactId as string;
    await saveDebrief(ctx, i.id, { feeling: 'good', notes: [{ contactId: ana, memorable: 'Loves Kafka' }] });
    const merged = await saveDebrief(ctx, i.id, {
      improve: 'Explain caching better',
      notes: [{ contactId: ana, topics: 'queues' }],
    });
    expect(merged).toMatchObject({ feeling: 'good', improve: 'Explain caching better' });
    expect(merged.notes).toEqual([
      { contactId: ana, memorable: 'Loves Kafka', topics: 'queues', problem: '', promise: '' },
    ]);
    await expect(
      saveDebrief(ctx, i.id, { notes: [{ contactId: opp.recruiterId as string, memorable: 'x' }] }),
    ).rejects.toThrow(/notes\[0\]\.contactId: .* was not in this interview/);
  });
});
