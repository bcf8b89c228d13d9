import { expect, it } from 'vitest';
import { at, createTestContext } from '../../../test/context';
import { createTestStore, describeEachDialect } from '../../../test/store';
import { updateSettings } from '../accounts/account.service';
import type { ServiceContext } from '../context';
import { saveDebrief } from '../debriefs/debrief.service';
import { upsertDecision } from '../decisions/decision.repository';
import { addInterview } from '../interviews/interview.service';
import { recordMessage, saveDraft } from '../messages/message.service';
import { addOpportunity, changeStage } from '../opportunities/opportunity.service';
import type { BackupDocument } from './backup.schemas';
import { exportBackup, exportBackupText } from './export.service';
import { importBackup, jsonPath } from './restore.service';

/** A small but complete account: every table has rows, names with accents, a person with no email. */
async function seedAccount(ctx: ServiceContext): Promise<void> {
  await updateSettings(ctx, {
    timeZone: 'Europe/Berlin',
    holidayRegion: 'DE-BY',
    ownEmails: ['me@home.example'],
    playbookOverrides: { checkIn: { minGap: 4 } },
    signature: 'Best,\nAlex',
    displayName: 'Alex Example',
    locale: 'en-GB',
  });
  const opp = await addOpportunity(ctx, {
    company: 'Northwind Labs',
    role: 'Staff Engineer',
    recruiter: 'Dana Whitfield <dana@northwind.example>',
    decisionBy: '2026-12-18',
  });
  const interview = await addInterview(at(ctx, '2026-12-01T08:00:00Z'), {
    opportunityId: opp.id,
    start: '2026-12-02T10:00',
    end: '2026-12-02T11:30',
    timeZone: 'Europe/Berlin',
    round: 'Onsite',
    interviewers: ['Zoë O’Brien-Nguyễn <zoe@northwind.example>', 'Siobhán Ó Dálaigh'],
  });
  const [zoe, siobhan] = interview.participants;
  await saveDebrief(at(ctx, '2026-12-02T12:00:00Z'), interview.id, {
    feeling: 'good',
    improve: 'the caching answer',
    addToAnswer: 'on caching, measure the hit rate first',
    notes: [
      { contactId: zoe?.contactId as string, memorable: 'sailing in Kiel', promise: 'the deck' },
      { contactId: siobhan?.contactId as string, problem: 'flaky deploys' },
    ],
  });
  await recordMessage(at(ctx, '2026-12-02T15:00:00Z'), {
    direction: 'out',
    contactId: zoe?.contactId as string,
    kind: 'thank-you',
    subject: 'Thank you',
    body: 'Thanks for the talk about sailing.',
  });
  await saveDraft(ctx, {
    kind: 'thank-you',
    contactIds: [siobhan?.contactId as string],
    subject: 'Thanks',
    body: 'Draft',
    interviewId: interview.id,
    opportunityId: opp.id,
    actionKey: `thank-you:${interview.id}:${siobhan?.contactId}`,
  });
  await recordMessage(at(ctx, '2026-12-05T09:00:00Z'), {
    direction: 'in',
    contactId: opp.recruiterId as string,
    kind: 'reply',
    body: 'We will decide next week.',
  });
  await changeStage(at(ctx, '2026-12-20T09:00:00Z'), opp.id, 'rejected');
  await upsertDecision(ctx.db, {
    account_id: ctx.actor.accountId,
    action_key: `collect-contact:${interview.id}:${siobhan?.contactId}:after`,
    decision: 'snoozed',
    until: '2026-12-04T09:00:00Z',
    decided_at: '2026-12-02T12:00:00Z',
  });
}

const withoutExportedAt = (doc: BackupDocument) => ({ ...doc, exportedAt: undefined });

describeEachDialect('backup export and import', (t) => {
  it('round-trips every record into a fresh store: a second export equals the first', async () => {
    const source = await createTestContext(t.store);
    await seedAccount(source);
    const text = await exportBackupText(source);
    const first = JSON.parse(text) as BackupDocument;
    expect(first).toMatchObject({
      format: 'afterview-backup',
      version: 1,
      exportedAt: '2026-12-01T17:00:00Z',
    });
    expect(first.account).toEqual({
      timeZone: 'Europe/Berlin',
      holidayRegion: 'DE-BY',
      ownEmails: ['me@home.example'],
      playbookOverrides: { checkIn: { minGap: 4 } },
      signature: 'Best,\nAlex',
      displayName: 'Alex Example',
      locale: 'en-GB',
    });
    expect(first.debriefs[0]).toMatchObject({ addToAnswer: 'on caching, measure the hit rate first' });
    expect(first.debriefs[0]?.notes.map((n) => n.promise).sort()).toEqual(['', 'the deck']);
    expect(first.contacts.map((c) => c.displayName).sort()).toEqual([
      'Dana Whitfield',
      'Siobhán Ó Dálaigh',
      'Zoë O’Brien-Nguyễn',
    ]);
    expect(first.interviews[0]?.participants).toHaveLength(2);
    expect(first.debriefs[0]?.notes).toHaveLength(2);
    expect(first.messages.map((m) => m.status).sort()).toEqual(['draft', 'sent', 'sent']);
    expect(first.decisions).toHaveLength(1);
    expect(first.events.length).toBeGreaterThanOrEqual(6);

    const target = await createTestStore(t.dialect);
    try {
      const fresh = await createTestContext(target, { now: '2027-01-05T10:00:00Z', timeZone: 'UTC' });
      const summary = await importBackup(fresh, text);
      expect(summary).toEqual({
        contacts: 3,
        opportunities: 1,
        interviews: 1,
        debriefs: 1,
        messages: 3,
        decisions: 1,
        events: first.events.length,
        templates: 0,
        settingsApplied: true,
        scheduledToDraft: 0,
      });
      const second = await exportBackup(fresh);
      expect(second.exportedAt).toBe('2027-01-05T10:00:00Z');
      expect(withoutExportedAt(second)).toEqual(withoutExportedAt(first));
    } finally {
      await target.close();
    }
  });

  it('leaves mail settings and their sealed passwords out of the export', async () => {
    const ctx = await createTestContext(t.store);
    await t.store.db
      .insertInto('mail_account')
      .values({
        account_id: ctx.actor.accountId,
        smtp_url: 'smtp://me@mail.example:587',
        smtp_password_enc: 'sealed-SMTP-SECRET',
        imap_url: 'imap://me@mail.example:993',
        imap_password_enc: 'sealed-IMAP-SECRET',
        from_name: 'Me',
        from_address: 'me@mail.example',
        signature: null,
        sent_mailbox: null,
        created_at: '2026-12-01T17:00:00Z',
        updated_at: '2026-12-01T17:00:00Z',
      })
      .execute();
    const text = await exportBackupText(ctx);
    expect(text).not.toMatch(/SECRET|password|smtp|imap/i);
  });

  it('refuses a corrupt document naming the JSON path, and writes nothing', async () => {
    const source = await createTestContext(t.store);
    await seedAccount(source);
    const doc = await exportBackup(source);
    const target = await createTestStore(t.dialect);
    try {
      const fresh = await createTestContext(target, { timeZone: 'UTC' });
      const before = await exportBackup(fresh);
      const broken = structuredClone(doc);
      (broken.interviews[0] as { start: string }).start = 'yesterday afternoon';
      await expect(importBackup(fresh, JSON.stringify(broken))).rejects.toThrow(
        /^interviews\[0\]\.start: must be a UTC time .*nothing was imported\.$/,
      );
      const dangling = structuredClone(doc);
      (dangling.messages[2]?.recipients[0] as { contactId: string }).contactId = '0190-nobody';
      await expect(importBackup(fresh, JSON.stringify(dangling))).rejects.toThrow(
        /^messages\[2\]\.recipients\[0\]\.contactId: no person with id 0190-nobody/,
      );
      const badZone = structuredClone(doc);
      (badZone.interviews[0] as { timeZone: string }).timeZone = 'Mars/Olympus';
      await expect(importBackup(fresh, JSON.stringify(badZone))).rejects.toThrow(
        /^interviews\[0\]\.timeZone: unknown time zone "Mars\/Olympus"/,
      );
      await expect(importBackup(fresh, '{"format":"afterview-backup",')).rejects.toThrow(/not valid JSON/);
      await expect(importBackup(fresh, '{"hello":1}')).rejects.toThrow(/not an Afterview backup/);
      expect(withoutExportedAt(await exportBackup(fresh))).toEqual(withoutExportedAt(before));
    } finally {
      await target.close();
    }
  });

  it('refuses ids that already exist here as a conflict, writing nothing (all or nothing)', async () => {
    const ctx = await createTestContext(t.store);
    await seedAccount(ctx);
    const doc = await exportBackup(ctx);
    // Everything new except one event that this account already has: the whole import is refused.
    const target = await createTestStore(t.dialect);
    try {
      const fresh = await createTestContext(target, { timeZone: 'UTC' });
      await importBackup(
        fresh,
        JSON.stringify({
          ...doc,
          opportunities: [],
          interviews: [],
          debriefs: [],
          messages: [],
          decisions: [],
          events: doc.events.slice(0, 1),
          contacts: [],
        }),
      );
      const before = await exportBackup(fresh);
      const err = await importBackup(fresh, JSON.stringify(doc)).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'conflict', field: 'events[0].id' });
      expect((err as Error).message).toMatch(
        /^events\[0\]\.id: \S+ already exists in this data: .*nothing was imported\.$/,
      );
      expect(withoutExportedAt(await exportBackup(fresh))).toEqual(withoutExportedAt(before));
      expect(before.contacts).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it('keeps accounts apart: an export holds only its own account, an import writes only into its own', async () => {
    const mine = await createTestContext(t.store);
    const theirs = await createTestContext(t.store);
    await seedAccount(mine);
    await addOpportunity(theirs, { company: 'Contoso', role: 'PM' });
    const doc = await exportBackup(theirs);
    expect(doc.opportunities.map((o) => o.company)).toEqual(['Contoso']);
    expect(doc.contacts).toEqual([]);
    // Same ids, another account: no conflict, because ids are per account.
    const mineDoc = await exportBackup(mine);
    const third = await createTestContext(t.store);
    await importBackup(third, JSON.stringify(mineDoc));
    expect((await exportBackup(third)).opportunities.map((o) => o.id)).toEqual(
      mineDoc.opportunities.map((o) => o.id),
    );
    expect((await exportBackup(theirs)).opportunities.map((o) => o.company)).toEqual(['Contoso']);
  });
});

it('names JSON paths the way a person reads them', () => {
  expect(jsonPath(['interviews', 3, 'start'])).toBe('interviews[3].start');
  expect(jsonPath(['messages', 0, 'recipients', 1, 'contactId'])).toBe('messages[0].recipients[1].contactId');
  expect(jsonPath([])).toBe('(document)');
});
