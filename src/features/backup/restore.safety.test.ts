/**
 * A restore never sends anything by itself and never overwrites a folder's settings unasked:
 * notes scheduled when the backup was made come back as drafts (they may have gone out from the
 * old machine since), and a restore into a folder with data of its own needs a settings choice.
 */
import { expect, it } from 'vitest';
import { at, createTestContext } from '../../../test/context';
import { draftTo, opportunityWithRecruiter, TEST_BOX } from '../../../test/mail/outbox-fixtures';
import { createTestStore, describeEachDialect } from '../../../test/store';
import { getAccount, updateSettings } from '../accounts/account.service';
import { setSmtpUrl } from '../mail/mail.service';
import { listMessages } from '../messages/message.service';
import { addOpportunity, listOpportunities } from '../opportunities/opportunity.service';
import { claimDue } from '../outbox/outbox.repository';
import { scheduleSend } from '../outbox/outbox.service';
import { exportBackupText } from './export.service';
import { importBackup, NON_EMPTY_MESSAGE } from './restore.service';

describeEachDialect('restoring a backup safely', (t) => {
  it('turns notes that were scheduled into drafts: nothing in the restored outbox is due to send', async () => {
    const ctx = await createTestContext(t.store);
    await setSmtpUrl(ctx, TEST_BOX, 'smtp://jo:pw@127.0.0.1:2525?starttls=off&from=jo@example.test');
    const opp = await opportunityWithRecruiter(ctx);
    const scheduled = await scheduleSend(ctx, { box: TEST_BOX }, (await draftTo(ctx, opp)).id, {
      at: '2026-12-02T08:30:00Z',
    });
    expect(scheduled.message.status).toBe('scheduled');
    const text = await exportBackupText(ctx);

    const elsewhere = await createTestStore(t.dialect);
    try {
      const there = await createTestContext(elsewhere);
      const summary = await importBackup(there, text);
      expect(summary).toMatchObject({ messages: 1, scheduledToDraft: 1, settingsApplied: true });
      const [restored] = await listMessages(there);
      expect(restored).toMatchObject({ id: scheduled.message.id, status: 'draft', sendAt: null });
      // A worker on the restored store a month later finds nothing to send.
      const due = await claimDue(elsewhere.db, t.dialect, {
        now: '2027-01-01T00:00:00Z',
        leaseUntil: '2027-01-01T00:05:00Z',
        limit: 100,
      });
      expect(due).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('refuses to merge into a folder with data unless told which settings to keep, and writes nothing', async () => {
    const source = await createTestContext(t.store, { timeZone: 'Europe/Berlin' });
    await updateSettings(source, { displayName: 'From the backup', ownEmails: ['old@home.example'] });
    await addOpportunity(source, { company: 'Northwind Labs', role: 'Staff Engineer' });
    const text = await exportBackupText(source);

    const elsewhere = await createTestStore(t.dialect);
    try {
      const here = await createTestContext(elsewhere, { timeZone: 'America/Chicago' });
      await addOpportunity(here, { company: 'Contoso', role: 'Analyst' });
      await expect(importBackup(here, text)).rejects.toMatchObject({
        code: 'conflict',
        field: 'settings',
        message: NON_EMPTY_MESSAGE,
      });
      expect((await listOpportunities(here)).map((o) => o.company)).toEqual(['Contoso']);

      const kept = await importBackup(at(here, '2026-12-01T18:00:00Z'), text, { settings: 'keep' });
      expect(kept.settingsApplied).toBe(false);
      const account = await getAccount(here);
      expect([account.timeZone, account.displayName, account.ownEmails]).toEqual([
        'America/Chicago',
        null,
        [],
      ]);
      expect((await listOpportunities(here)).map((o) => o.company).sort()).toEqual([
        'Contoso',
        'Northwind Labs',
      ]);
    } finally {
      await elsewhere.close();
    }
  });

  it('replaces the settings only when asked to, and treats changed settings as data of their own', async () => {
    const source = await createTestContext(t.store, { timeZone: 'Europe/Berlin' });
    await updateSettings(source, { displayName: 'From the backup' });
    const text = await exportBackupText(source);

    const elsewhere = await createTestStore(t.dialect);
    try {
      const here = await createTestContext(elsewhere, { timeZone: 'America/Chicago' });
      // No records, but a name the user set: still not an empty folder.
      await updateSettings(at(here, '2026-12-01T17:30:00Z'), { displayName: 'Mine' });
      await expect(importBackup(here, text)).rejects.toMatchObject({ field: 'settings' });
      const replaced = await importBackup(here, text, { settings: 'replace' });
      expect(replaced.settingsApplied).toBe(true);
      const account = await getAccount(here);
      expect([account.timeZone, account.displayName]).toEqual(['Europe/Berlin', 'From the backup']);
    } finally {
      await elsewhere.close();
    }
  });
});
