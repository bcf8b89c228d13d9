/**
 * `afterview draft` run again after the user edited a draft on Compose: the edited draft is kept
 * word for word and the command says so; the untouched one is refreshed from the debrief.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCli } from '../../../test/cli';
import { Temporal } from '../../core/time';
import { openStore } from '../../db/connect';
import { ensureLocalAccount } from '../../features/accounts/account.service';
import { updateDraft } from '../../features/messages/message.service';

const NOW = '2026-12-01T19:00:00Z';

describe('afterview draft, drafting again', () => {
  const cli = createTestCli();
  afterAll(() => cli.cleanup());

  it("keeps the draft you edited, says so, and refreshes the other interviewer's", async () => {
    expect((await cli.run(['config', 'set', 'timezone', 'America/Los_Angeles'])).code).toBe(0);
    const opp = await cli.run(
      ['opportunity', 'add', '--company', 'Northwind Labs', '--role', 'Engineer', '--json'],
      {
        now: NOW,
      },
    );
    const iv = await cli.run(
      [
        'interview',
        'add',
        '--opportunity',
        opp.json<{ id: string }>().id,
        '--start',
        '2026-12-01T09:00',
        '--end',
        '2026-12-01T10:00',
        '--interviewer',
        'Priya Raman <priya@northwind.example>',
        '--interviewer',
        'Sam Ortiz <sam@northwind.example>',
        '--json',
      ],
      { now: NOW },
    );
    const { id: interview, people } = iv.json<{
      id: string;
      people: { id: string; displayName: string }[];
    }>();
    const priya = people.find((p) => p.displayName === 'Priya Raman')?.id ?? '';
    const sam = people.find((p) => p.displayName === 'Sam Ortiz')?.id ?? '';
    const debrief = (priyaNote: string, samNote: string) =>
      cli.run(
        [
          'debrief',
          '--interview',
          interview,
          '--contact',
          priya,
          '--memorable',
          priyaNote,
          '--contact',
          sam,
          '--memorable',
          samNote,
        ],
        { now: NOW },
      );
    expect((await debrief('the chaos drills her team runs', 'the ledger migration')).code).toBe(0);
    const first = await cli.run(['draft', '--interview', interview, '--json'], { now: NOW });
    expect(first.code).toBe(0);
    const drafts = first.json<{ drafts: { id: string; contactIds: string[]; kept: boolean }[] }>().drafts;
    const priyaDraft = drafts.find((d) => d.contactIds[0] === priya);
    expect(priyaDraft?.kept).toBe(false);

    // The edit Compose's autosave makes (PATCH /api/messages/:id calls this service function).
    const typed = 'Hi Priya,\n\nWords I chose myself.\n\nAlex';
    const store = await openStore(`sqlite:${join(cli.dataDir, 'afterview.db')}`);
    try {
      const now = Temporal.Instant.from('2026-12-01T19:05:00Z');
      const actor = await ensureLocalAccount(store.db, now);
      await updateDraft({ db: store.db, actor, now }, priyaDraft?.id ?? '', { body: typed });
    } finally {
      await store.close();
    }

    expect((await debrief('the pager rota she redesigned', 'the reconciliation job he rewrote')).code).toBe(
      0,
    );
    const again = await cli.run(['draft', '--interview', interview], { now: '2026-12-01T19:10:00Z' });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Kept your edited draft to Priya; not redrafted.');
    expect(again.stdout).toContain('Words I chose myself.');
    // Her note as kept (the checker below it may still suggest the new detail; the note does not have it).
    const priyaNote = again.stdout.slice(0, again.stdout.indexOf('Check:'));
    expect(priyaNote).toContain('Kept your edited draft to Priya');
    expect(priyaNote).not.toContain('pager rota');
    expect(again.stdout).not.toContain('Kept your edited draft to Sam');
    expect(again.stdout).toContain('reconciliation job');
  }, 120_000);
});
