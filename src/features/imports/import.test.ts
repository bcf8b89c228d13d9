import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureFixture, fixture } from '../../../test/capture-fixtures';
import { at, createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import type { CaptureBundle } from '../../core/capture/bundle';
import { cardBundle } from '../../core/capture/card';
import { AppError } from '../../core/errors';
import { updateSettings } from '../accounts/account.service';
import { listContacts } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { listEvents } from '../events/event.repository';
import { listInterviews } from '../interviews/interview.service';
import { addOpportunity, listOpportunities } from '../opportunities/opportunity.service';
import { getAllActions } from '../plan/plan.service';
import { importKindOf, previewImport } from './import.reader';
import { applyImport } from './import.service';

const cardBundleOf = (name: string, email: string): CaptureBundle =>
  cardBundle({ name, title: null, company: 'Fabrikam', email, phone: null, website: null });

const NOW = '2026-11-30T12:00:00Z';

async function importFile(ctx: ServiceContext, name: string, bytes: Uint8Array, options = {}) {
  const preview = await previewImport(ctx, { name, bytes });
  return applyImport(ctx, preview.bundle, { fileName: name, ...options });
}

async function counts(ctx: ServiceContext) {
  return {
    opportunities: (await listOpportunities(ctx)).length,
    contacts: (await listContacts(ctx)).length,
    interviews: (await listInterviews(ctx)).length,
  };
}

describeEachDialect('applyImport', (t) => {
  const setup = async () => {
    const ctx = await createTestContext(t.store, { now: NOW, timeZone: 'America/New_York' });
    await updateSettings(ctx, { ownEmails: ['alex.kim.dev@mail.example', 'sam@personal.example'] });
    return ctx;
  };

  it('saves an invite: the company by its domain, the people, the interviews with their zone', async () => {
    const ctx = await setup();
    const result = await importFile(ctx, 'loop.ics', fixture('calendar/google-onsite-loop.ics'));
    expect(result.opportunities.created).toMatchObject([{ company: 'Northwind Labs' }]);
    const [opp] = await listOpportunities(ctx);
    expect(opp).toMatchObject({ stage: 'interviewing', domains: ['northwind-labs.example'] });
    const people = await listContacts(ctx);
    expect(people.map((c) => c.displayName).sort()).toEqual([
      'Dana Whitfield',
      'Diego Fernández-Ortiz',
      'Priya Raman',
      "Siobhán O'Connell",
    ]);
    expect(opp?.recruiterId).toBe(people.find((c) => c.displayName === 'Dana Whitfield')?.id);
    const interviews = await listInterviews(ctx);
    expect(interviews.map((i) => [i.round, i.start, i.timeZone, i.participants.length])).toEqual([
      ['Hiring Manager (Priya Raman)', '2026-12-08T18:00:00Z', 'America/Los_Angeles', 2],
      ['System Design', '2026-12-08T19:00:00Z', 'America/Los_Angeles', 3],
    ]);
    const priya = people.find((c) => c.displayName === 'Priya Raman');
    expect(priya?.provenance).toContainEqual({
      field: 'email',
      value: 'priya.raman@northwind-labs.example',
      source: 'ics:loop.ics (invite line 24)',
      at: NOW,
    });
  });

  it('imports the same invite twice without duplicating anything', async () => {
    const ctx = await setup();
    await importFile(ctx, 'loop.ics', fixture('calendar/google-onsite-loop.ics'));
    const again = await importFile(ctx, 'loop.ics', fixture('calendar/google-onsite-loop.ics'));
    expect(again.interviews.unchanged).toHaveLength(2);
    expect(again.opportunities.matched).toHaveLength(1);
    expect(again.contacts.created).toEqual([]);
    expect(await counts(ctx)).toEqual({ opportunities: 1, contacts: 4, interviews: 2 });
  });

  it('updates the interview with the same UID when SEQUENCE is higher, cancels on CANCEL, ignores older versions', async () => {
    const ctx = await setup();
    const first = await importFile(ctx, 'v0.ics', captureFixture('invite-seq0.ics'));
    expect(first.interviews.created).toHaveLength(1);
    const moved = await importFile(
      at(ctx, '2026-12-03T10:00:00Z'),
      'v1.ics',
      captureFixture('invite-seq1-moved.ics'),
    );
    expect(moved.interviews.updated).toHaveLength(1);
    let [interview] = await listInterviews(ctx);
    expect([interview?.start, interview?.end, interview?.status]).toEqual([
      '2026-12-15T19:00:00Z',
      '2026-12-15T20:00:00Z',
      'scheduled',
    ]);
    const stale = await importFile(ctx, 'v0.ics', captureFixture('invite-seq0.ics'));
    expect(stale.interviews.unchanged).toHaveLength(1);
    expect((await listInterviews(ctx))[0]?.start).toBe('2026-12-15T19:00:00Z');
    const cancel = await importFile(ctx, 'v2.ics', captureFixture('invite-seq2-cancel.ics'));
    expect(cancel.interviews.cancelled).toHaveLength(1);
    [interview] = await listInterviews(ctx);
    expect(interview?.status).toBe('cancelled');
    expect(await counts(ctx)).toEqual({ opportunities: 1, contacts: 2, interviews: 1 });
  });

  it('a newer invite replaces time, place and attendees: someone taken off stays a person, is asked no thank-you, and the timeline says so', async () => {
    const ctx = await setup();
    const invite = (sequence: number, start: string, location: string, attendees: string[]) =>
      new TextEncoder().encode(
        [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'METHOD:REQUEST',
          'BEGIN:VEVENT',
          'UID:panel-42@fabrikam.example',
          `SEQUENCE:${sequence}`,
          `DTSTART:${start}`,
          'DURATION:PT1H',
          'SUMMARY:Fabrikam: Panel interview',
          `LOCATION:${location}`,
          'ORGANIZER;CN=Lena Fischer:mailto:lena.fischer@fabrikam.example',
          ...attendees,
          'ATTENDEE;CN=Sam Candidate:mailto:sam@personal.example',
          'END:VEVENT',
          'END:VCALENDAR',
        ].join('\r\n'),
      );
    const tomas = 'ATTENDEE;CN=Tomás Ruiz:mailto:tomas.ruiz@fabrikam.example';
    const ana = 'ATTENDEE;CN=Ana Gómez:mailto:ana.gomez@fabrikam.example';
    const ben = 'ATTENDEE;CN=Ben Ito:mailto:ben.ito@fabrikam.example';
    await importFile(ctx, 'v0.ics', invite(0, '20261214T170000Z', 'Room 4, Fabrikam HQ', [tomas, ana]));
    const [created] = await listInterviews(ctx);
    // The user adds someone by hand (a card scanned at the interview): no invite listed them.
    const card = await applyImport(
      ctx,
      { ...cardBundleOf('Cleo Park', 'cleo.park@fabrikam.example') },
      { interviewId: created?.id as string },
    );
    expect(card.contacts.created).toHaveLength(1);

    const later = at(ctx, '2026-12-03T10:00:00Z');
    const v1 = await importFile(
      later,
      'v1.ics',
      invite(1, '20261215T190000Z', 'Room 9, Fabrikam HQ', [tomas, ben]),
    );
    expect(v1.interviews.updated).toHaveLength(1);
    expect(v1.warnings).toContain(
      'Ana Gómez is no longer on the invite for this interview: taken off it (still in your people), so no thank-you note is asked of them for it.',
    );
    const [interview] = await listInterviews(ctx);
    const people = await listContacts(ctx);
    const nameOf = (id: string) => people.find((c) => c.id === id)?.displayName;
    expect([interview?.start, interview?.location]).toEqual(['2026-12-15T19:00:00Z', 'Room 9, Fabrikam HQ']);
    expect(interview?.participants.map((p) => `${nameOf(p.contactId)} ${p.role}`).sort()).toEqual([
      'Ben Ito interviewer',
      'Cleo Park interviewer',
      'Lena Fischer coordinator',
      'Tomás Ruiz interviewer',
    ]);
    const anaContact = people.find((c) => c.displayName === 'Ana Gómez');
    expect(anaContact).toBeDefined();
    const thankYous = (await getAllActions(at(ctx, '2026-12-15T21:00:00Z')))
      .filter((a) => a.key.startsWith(`thank-you:${interview?.id}:`))
      .map((a) => nameOf(a.key.split(':')[2] ?? ''))
      .sort();
    expect(thankYous).toEqual(['Ben Ito', 'Cleo Park', 'Tomás Ruiz']);
    const events = await listEvents(ctx.db, ctx.actor.accountId, interview?.opportunityId);
    expect(events.filter((e) => e.kind === 'participant-removed')).toMatchObject([
      { contact_id: anaContact?.id, interview_id: interview?.id, at: '2026-12-03T10:00:00Z' },
    ]);
    expect(events.map((e) => e.kind)).toContain('interview-rescheduled');

    // An older version changes nothing and says so; a cancellation cancels.
    const stale = await importFile(
      ctx,
      'v0.ics',
      invite(0, '20261214T170000Z', 'Room 4, Fabrikam HQ', [tomas, ana]),
    );
    expect(stale.interviews.unchanged).toHaveLength(1);
    expect(stale.warnings).toContain(
      'line 4: this invite for "Panel interview" is an older version (SEQUENCE 0) than the one already saved (SEQUENCE 1); nothing was changed.',
    );
    const after = (await listInterviews(ctx))[0];
    expect([after?.start, after?.participants.length]).toEqual(['2026-12-15T19:00:00Z', 4]);
    const cancelled = new TextDecoder()
      .decode(invite(2, '20261215T190000Z', 'Room 9, Fabrikam HQ', [tomas, ben]))
      .replace('METHOD:REQUEST', 'METHOD:CANCEL');
    const cancel = await importFile(ctx, 'v2.ics', new TextEncoder().encode(cancelled));
    expect(cancel.interviews.cancelled).toHaveLength(1);
    expect((await listInterviews(ctx))[0]?.status).toBe('cancelled');
  });

  it('merges one person from a schedule, an invite and a vCard, keeping every detail and its source', async () => {
    const ctx = await setup();
    await importFile(ctx, 'schedule.txt', fixture('schedule-email-northwind.txt'));
    await importFile(ctx, 'loop.ics', fixture('calendar/google-onsite-loop.ics'));
    const vcard = await importFile(ctx, 'priya.vcf', fixture('vcard/apple-contacts-export.vcf'));
    expect(vcard.contacts.created).toEqual([]);
    const people = await listContacts(ctx);
    const priyas = people.filter((c) => c.displayName === 'Priya Raman');
    expect(priyas).toHaveLength(1);
    const priya = priyas[0];
    expect(priya).toMatchObject({
      title: 'Engineering Manager',
      company: 'Northwind Labs',
      emails: ['priya.raman@northwind-labs.example'],
      phones: ['+14155550123'],
      links: ['https://www.linkedin.com/in/priya-raman-example'],
      notes: 'Met at onsite 8 Dec. Talked about migrating the billing service off the monolith.',
    });
    expect([...new Set(priya?.provenance.map((p) => p.source.split(':')[0]))].sort()).toEqual([
      'ics',
      'schedule',
      'vcard',
    ]);
    // The schedule's Dana (with phone) and the invite's Dana are one person too.
    const dana = people.filter((c) => c.displayName === 'Dana Whitfield');
    expect(dana).toHaveLength(1);
    expect(dana[0]?.phones).toEqual(['+14155550199']);
    // Schedule slots and invite events at the same times are separate records (no UID to match).
    expect(people.map((c) => c.displayName).sort()).toEqual([
      'Dana Whitfield',
      'Diego Fernández-Ortiz',
      'Marcus Lee',
      'Priya Raman',
      "Siobhán O'Connell",
      'Wen-Li Zhang',
    ]);
  });

  it('attaches everything to --opportunity when given', async () => {
    const ctx = await setup();
    const mine = await addOpportunity(ctx, { company: 'Contoso Health', role: 'Data Analyst II' });
    const result = await importFile(ctx, 'panel.ics', fixture('calendar/outlook-teams-panel.ics'), {
      opportunityId: mine.id,
    });
    expect(result.opportunities).toEqual({
      created: [],
      matched: [{ id: mine.id, company: 'Contoso Health', role: 'Data Analyst II' }],
    });
    expect((await listInterviews(ctx)).map((i) => i.opportunityId)).toEqual([mine.id]);
  });

  it('a dry run reports what it would do and saves nothing', async () => {
    const ctx = await setup();
    const result = await importFile(ctx, 'loop.ics', fixture('calendar/google-onsite-loop.ics'), {
      dryRun: true,
    });
    expect(result.dryRun).toBe(true);
    expect(result.interviews.created).toHaveLength(2);
    expect(result.contacts.created).toHaveLength(4);
    expect(await counts(ctx)).toEqual({ opportunities: 0, contacts: 0, interviews: 0 });
  });

  it('writes nothing when saving fails part way', async () => {
    const ctx = await setup();
    const bundle = (await previewImport(ctx, { name: 'x.csv', bytes: captureFixture('teal-like.csv') }))
      .bundle;
    // A record the database refuses (no company), after a valid one has been written.
    const broken: CaptureBundle = {
      ...bundle,
      opportunities: [
        ...bundle.opportunities,
        {
          ...(bundle.opportunities[0] as CaptureBundle['opportunities'][number]),
          key: 'bad',
          company: null as unknown as string,
        },
      ],
    };
    await expect(applyImport(ctx, broken)).rejects.toThrow();
    expect(await counts(ctx)).toEqual({ opportunities: 0, contacts: 0, interviews: 0 });
  });

  it('refuses an unknown --opportunity and writes nothing', async () => {
    const ctx = await setup();
    const preview = await previewImport(ctx, { name: 'x.ics', bytes: captureFixture('invite-seq0.ics') });
    await expect(applyImport(ctx, preview.bundle, { opportunityId: 'nope' })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await counts(ctx)).toEqual({ opportunities: 0, contacts: 0, interviews: 0 });
  });

  it('saves CSV rows as opportunities with their recruiters, one per company and role', async () => {
    const ctx = await setup();
    const result = await importFile(ctx, 'teal.csv', captureFixture('teal-like.csv'));
    // Harbourline's row has a bad date and email: skipped whole, as its preview said.
    expect(result.opportunities.created.map((o) => [o.company, o.role])).toEqual([
      ['Fabrikam', 'Backend Engineer'],
    ]);
    expect(result.skipped).toHaveLength(2);
    const opps = await listOpportunities(ctx);
    expect(opps.map((o) => o.stage)).toEqual(['rejected']);
    expect((await listContacts(ctx)).map((c) => c.displayName)).not.toContain('Meera Iyer');
    const people = await listContacts(ctx);
    expect(opps[0]?.recruiterId).toBe(people.find((c) => c.displayName === 'Lena Fischer')?.id);
    const again = await importFile(ctx, 'teal.csv', captureFixture('teal-like.csv'));
    expect(again.opportunities.created).toEqual([]);
    expect(again.contacts.created).toEqual([]);
  });

  it('saves broken copies of real files whole or not at all, never in part', async () => {
    const ctx = await setup();
    const files: Array<[string, Buffer]> = [
      ['loop.ics', fixture('calendar/google-onsite-loop.ics')],
      ['panel.ics', fixture('calendar/outlook-teams-panel.ics')],
      ['people.vcf', fixture('vcard/outlook-2.1-quoted-printable.vcf')],
      ['schedule.txt', fixture('schedule-email-northwind.txt')],
      ['teal.csv', captureFixture('teal-like.csv')],
    ];
    const mutated = fc.tuple(
      fc.constantFrom(...files),
      fc.nat(),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(mutated, async ([[name, bytes], cut, flips]) => {
        const copy = Uint8Array.from(bytes.subarray(0, Math.max(1, cut % (bytes.length + 1))));
        for (const [at, value] of flips) copy[at % copy.length] = value;
        const before = await counts(ctx);
        let preview: Awaited<ReturnType<typeof previewImport>>;
        try {
          preview = await previewImport(ctx, { name, bytes: copy });
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          expect(await counts(ctx)).toEqual(before);
          return;
        }
        const result = await applyImport(ctx, preview.bundle, { fileName: name });
        const after = await counts(ctx);
        expect(after.interviews - before.interviews).toBe(result.interviews.created.length);
        expect(after.contacts - before.contacts).toBe(result.contacts.created.length);
        expect(after.opportunities - before.opportunities).toBe(result.opportunities.created.length);
      }),
      { numRuns: 25 },
    );
  });

  it('skips an interview no company can be matched to, naming its line', async () => {
    const ctx = await setup();
    const result = await importFile(
      ctx,
      'x.ics',
      fixture('calendar/exchange-2010-owa-display-name-tzid.ics'),
    );
    expect(result.interviews.created).toEqual([]);
    expect(result.skipped).toEqual([
      { line: 6, reason: '"TEST Syd" matches no company; import again with --opportunity ID' },
      { line: 25, reason: '"TEST" matches no company; import again with --opportunity ID' },
    ]);
  });
});

describe('importKindOf', () => {
  it('names the kinds it reads when the extension is unknown', () => {
    expect(importKindOf('Invite.ICS')).toBe('ics');
    expect(importKindOf('card.jpeg')).toBe('card');
    expect(() => importKindOf('notes.docx')).toThrow(/cannot import \.docx files; use \.ics, \.vcf/);
  });
});
