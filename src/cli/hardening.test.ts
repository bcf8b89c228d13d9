/**
 * The command line on bad input and risky restores: impossible dates are refused by name, and a
 * backup restored into a folder with data of its own needs --keep-settings or --replace-settings
 * (--yes never decides it), and says that scheduled notes came back as drafts.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCli, type TestCli } from '../../test/cli';

const NOW = '2026-12-01T17:00:00Z';

describe('afterview on bad input and restores', () => {
  const clis: TestCli[] = [];
  const cli = () => {
    const c = createTestCli();
    clis.push(c);
    return c;
  };
  afterEach(() => {
    for (const c of clis.splice(0)) c.cleanup();
  });

  it('refuses 2026-11-31 and 2026-02-31 with the field’s name, and stores nothing', async () => {
    const c = cli();
    const bad = await c.run(
      ['opportunity', 'add', '--company', 'Contoso', '--role', 'PM', '--decision-by', '2026-11-31'],
      { now: NOW },
    );
    expect([bad.code, bad.stderr]).toEqual([2, 'afterview: decisionBy: is not a real calendar date\n']);
    const opp = (
      await c.run(['--json', 'opportunity', 'add', '--company', 'Contoso', '--role', 'PM'], { now: NOW })
    ).json<{ id: string }>();
    const iv = await c.run(
      [
        'interview',
        'add',
        '--opportunity',
        opp.id,
        '--start',
        '2026-02-31T10:00',
        '--end',
        '2026-02-31T11:00',
        '--interviewer',
        'Priya Raman <priya@contoso.example>',
      ],
      { now: NOW },
    );
    expect(iv.code).toBe(2);
    expect(iv.stderr).toMatch(/^afterview: start: "2026-02-31T10:00" is not/);
    const list = (await c.run(['--json', 'opportunities'], { now: NOW })).json<{
      opportunities: Array<{ decisionBy: string | null }>;
    }>();
    expect(list.opportunities.map((o) => o.decisionBy)).toEqual([null]);
    expect(
      (await c.run(['--json', 'interviews'], { now: NOW })).json<{ interviews: unknown[] }>().interviews,
    ).toEqual([]);
  });

  it('restores into a folder with data only with a settings choice; --yes is not one', async () => {
    const from = cli();
    await from.run(['config', 'set', 'timezone', 'Europe/Berlin'], { now: NOW });
    await from.run(['opportunity', 'add', '--company', 'Northwind Labs', '--role', 'Staff Engineer'], {
      now: NOW,
    });
    expect((await from.run(['export', '--out', 'backup.json'], { now: NOW })).code).toBe(0);
    const backup = join(from.dataDir, 'backup.json');

    const to = cli();
    await to.run(['config', 'set', 'timezone', 'America/Chicago'], { now: NOW });
    await to.run(['opportunity', 'add', '--company', 'Contoso', '--role', 'PM'], { now: NOW });
    const refused = await to.run(['import', backup, '--yes'], { now: NOW });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('This data folder already has data of its own');
    expect(refused.stderr).toContain(
      '--keep-settings keeps this folder’s, --replace-settings takes the backup’s',
    );
    expect(
      (await to.run(['--json', 'opportunities'], { now: NOW })).json<{ opportunities: unknown[] }>()
        .opportunities,
    ).toHaveLength(1);

    const both = await to.run(['import', backup, '--keep-settings', '--replace-settings'], { now: NOW });
    expect([both.code, both.stderr]).toEqual([
      2,
      'afterview: --keep-settings and --replace-settings: give one of them, not both.\n',
    ]);

    const kept = await to.run(['import', backup, '--keep-settings'], { now: NOW });
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('Settings: this folder’s were kept.');
    expect(
      (await to.run(['--json', 'config', 'show'], { now: NOW })).json<{ timeZone: string }>().timeZone,
    ).toBe('America/Chicago');
  });

  it('says that notes scheduled in the backup came back as drafts', async () => {
    const from = cli();
    await from.run(
      ['config', 'set', 'smtp', 'smtp://jo:pw@127.0.0.1:2525?starttls=off&from=jo@example.test'],
      { now: NOW },
    );
    const opp = (
      await from.run(['--json', 'opportunity', 'add', '--company', 'Northwind Labs', '--role', 'Engineer'], {
        now: NOW,
      })
    ).json<{ id: string }>();
    const iv = (
      await from.run(
        [
          '--json',
          'interview',
          'add',
          '--opportunity',
          opp.id,
          '--start',
          '2026-12-01T10:00Z',
          '--end',
          '2026-12-01T11:00Z',
          '--interviewer',
          'Priya Raman <priya@northwind.example>',
        ],
        { now: NOW },
      )
    ).json<{ id: string }>();
    const drafted = await from.run(['--json', 'draft', '--interview', iv.id], { now: NOW });
    expect(drafted.code, drafted.stderr).toBe(0);
    const id = /"id": "([^"]+)"/.exec(drafted.stdout)?.[1] as string;
    const sent = await from.run(['send', id, '--at', '2026-12-02T08:30Z', '--force'], { now: NOW });
    expect(sent.code, sent.stderr).toBe(0);
    expect((await from.run(['export', '--out', 'backup.json'], { now: NOW })).code).toBe(0);

    const to = cli();
    const restored = await to.run(['import', join(from.dataDir, 'backup.json')], { now: NOW });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('Settings: taken from the backup.');
    expect(restored.stdout).toContain('1 scheduled note came back as drafts, not scheduled');
    const outbox = await to.run(['--json', 'outbox'], { now: '2027-01-01T00:00:00Z' });
    expect(outbox.stdout).not.toContain('"scheduled"');
  });
});
