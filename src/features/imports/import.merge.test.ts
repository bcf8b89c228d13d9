import { expect, it } from 'vitest';
import { fixture, IMPOSSIBLE_DATE_INVITE } from '../../../test/capture-fixtures';
import { at, createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import { AppError } from '../../core/errors';
import { updateSettings } from '../accounts/account.service';
import { listContacts } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { listInterviews, updateInterview } from '../interviews/interview.service';
import { listOpportunities } from '../opportunities/opportunity.service';
import { getAllActions } from '../plan/plan.service';
import { previewImport } from './import.reader';
import { applyImport } from './import.service';

const NOW = '2026-11-30T12:00:00Z';
const AFTER_LOOP = '2026-12-08T23:00:00Z';

async function importFile(ctx: ServiceContext, name: string, bytes: Uint8Array) {
  const preview = await previewImport(ctx, { name, bytes });
  return applyImport(ctx, preview.bundle, { fileName: name });
}

const invite = () => fixture('calendar/google-onsite-loop.ics');
const itinerary = () => fixture('schedule/greenhouse-itinerary.txt');

/** Interviews as round → names of the people on them, and Today's thank-you and debrief keys. */
async function loop(ctx: ServiceContext) {
  const people = new Map((await listContacts(ctx)).map((c) => [c.id, c.displayName]));
  const interviews = (await listInterviews(ctx)).map((i) => ({
    round: i.round,
    start: i.start,
    people: i.participants.map((p) => `${people.get(p.contactId)} ${p.role}`).sort(),
  }));
  const actions = await getAllActions(at(ctx, AFTER_LOOP));
  const thankYous = actions
    .filter((a) => a.key.startsWith('thank-you:'))
    .map((a) => people.get(a.key.split(':')[2] ?? ''))
    .sort();
  const debriefs = actions.filter((a) => a.key.startsWith('debrief:')).length;
  return { interviews, thankYous, debriefs };
}

describeEachDialect('importing one loop from two sources', (t) => {
  const setup = async () => {
    const ctx = await createTestContext(t.store, { now: NOW, timeZone: 'America/New_York' });
    await updateSettings(ctx, { ownEmails: ['alex.kim.dev@mail.example'] });
    return ctx;
  };

  it('the invite then the itinerary: one interview per slot, the itinerary updates, nobody is thanked twice', async () => {
    const ctx = await setup();
    await importFile(ctx, 'loop.ics', invite());
    const result = await importFile(ctx, 'itinerary.txt', itinerary());
    expect(result.interviews.created.map((i) => i.round)).toEqual(['Product Conversation']);
    expect(result.interviews.updated.map((i) => i.round)).toEqual([
      'Hiring Manager (Priya Raman)',
      'System Design',
    ]);
    const { interviews, thankYous, debriefs } = await loop(ctx);
    expect(interviews).toEqual([
      {
        round: 'Hiring Manager (Priya Raman)',
        start: '2026-12-08T18:00:00Z',
        people: ['Dana Whitfield coordinator', 'Priya Raman interviewer'],
      },
      {
        round: 'System Design',
        start: '2026-12-08T19:00:00Z',
        people: [
          'Dana Whitfield coordinator',
          'Diego Fernández-Ortiz interviewer',
          "Siobhán O'Connell interviewer",
        ],
      },
      {
        round: 'Product Conversation',
        start: '2026-12-08T21:00:00Z',
        people: ['Dana Whitfield coordinator', 'Wen-Li Zhang interviewer'],
      },
    ]);
    expect(thankYous).toEqual(['Diego Fernández-Ortiz', 'Priya Raman', "Siobhán O'Connell", 'Wen-Li Zhang']);
    // Lunch is no interview: three debriefs, Marcus Lee is one of the people met.
    expect(debriefs).toBe(3);
    expect((await listContacts(ctx)).map((c) => c.displayName)).toContain('Marcus Lee');
    expect(await listOpportunities(ctx)).toHaveLength(1);
  });

  it("the itinerary then the invite: the same three interviews, and the invite's later versions find them", async () => {
    const ctx = await setup();
    await importFile(ctx, 'itinerary.txt', itinerary());
    const result = await importFile(ctx, 'loop.ics', invite());
    expect(result.interviews.created).toEqual([]);
    expect(result.interviews.updated).toHaveLength(2);
    const { interviews, thankYous } = await loop(ctx);
    expect(interviews.map((i) => i.round)).toEqual([
      'Hiring Manager Interview',
      'System Design',
      'Product Conversation',
    ]);
    expect(thankYous).toEqual(['Diego Fernández-Ortiz', 'Priya Raman', "Siobhán O'Connell", 'Wen-Li Zhang']);
    // Both again, in either order: nothing new.
    const again = await importFile(ctx, 'loop.ics', invite());
    expect(again.interviews.created).toEqual([]);
    const twice = await importFile(ctx, 'itinerary.txt', itinerary());
    expect(twice.interviews.created).toEqual([]);
    expect((await listInterviews(ctx)).length).toBe(3);
  });

  it("keeps the user's edits to the interview when the other source arrives", async () => {
    const ctx = await setup();
    await importFile(ctx, 'loop.ics', invite());
    const hm = (await listInterviews(ctx)).find((i) => i.round.startsWith('Hiring Manager'));
    await updateInterview(ctx, hm?.id ?? '', { round: 'HM chat with Priya', location: 'Room 4B' });
    await importFile(ctx, 'itinerary.txt', itinerary());
    const after = (await listInterviews(ctx)).find((i) => i.id === hm?.id);
    expect(after).toMatchObject({ round: 'HM chat with Priya', location: 'Room 4B' });
    expect((await listInterviews(ctx)).map((i) => i.round)).toEqual([
      'HM chat with Priya',
      'System Design',
      'Product Conversation',
    ]);
  });

  it('refuses an invite with an impossible date, naming the line and field, and saves nothing', async () => {
    const ctx = await setup();
    const text = Buffer.from(IMPOSSIBLE_DATE_INVITE);
    const error = await importFile(ctx, 'invite.ics', text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('line 7: DTSTART 20261240T100000Z is not a real date.');
    expect(await listInterviews(ctx)).toEqual([]);
    expect(await listContacts(ctx)).toEqual([]);
  });

  it('does not ask the candidate of an invite for a thank-you note when no address of theirs is set', async () => {
    const ctx = await createTestContext(t.store, { now: NOW, timeZone: 'UTC' });
    const result = await importFile(ctx, 'invite.ics', fixture('capture/invite-seq0.ics'));
    expect(result.warnings.join('\n')).toMatch(/Sam Candidate <sam@personal\.example> was taken to be you/);
    expect((await listContacts(ctx)).map((c) => c.displayName).sort()).toEqual([
      'Lena Fischer',
      'Tomás Ruiz',
    ]);
  });
});
