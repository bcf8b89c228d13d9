/** The CLI contract of DESIGN.md: exit codes, one-line errors, --json shapes, nothing half-written. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCli, type TestCli } from '../../test/cli';

let cli: TestCli;
beforeEach(() => {
  cli = createTestCli();
});
afterEach(() => cli.cleanup());

describe('afterview CLI contract', () => {
  it('lists the commands of the contract in --help', async () => {
    const r = await cli.run(['--help']);
    expect(r.code).toBe(0);
    for (const command of [
      'config',
      'opportunity',
      'interview',
      'debrief',
      'outcome',
      'message',
      'opportunities',
      'people',
      'interviews',
      'today',
      'done',
      'dismiss',
      'snooze',
      'check',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });

  it('answers a bare `afterview` with the usage, not an error', async () => {
    const r = await cli.run([]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/^Usage: afterview/m);
  });

  it('prints the created record with its id under --json', async () => {
    const r = await cli.run([
      'opportunity',
      'add',
      '--company',
      'Northwind Labs',
      '--role',
      'Engineer',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const created = r.json<{ id: string; company: string }>();
    expect(created.company).toBe('Northwind Labs');
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    const list = await cli.run(['opportunities', '--json']);
    expect(list.json<{ opportunities: { id: string }[] }>().opportunities.map((o) => o.id)).toEqual([
      created.id,
    ]);
  });

  it.each([
    [['opportunity', 'add', '--company', 'X'], /required option '--role <title>'/],
    [
      ['opportunity', 'add', '--company', 'X', '--role', 'Y', '--recruiter', 'Dana <dana@>'],
      /recruiter: "dana@" is not a valid email address/,
    ],
    [
      [
        'interview',
        'add',
        '--opportunity',
        'missing',
        '--start',
        '2026-12-08T10:00',
        '--end',
        '2026-12-08T11:00',
      ],
      /no opportunity with an id starting "missing"/,
    ],
    [['config', 'set', 'timezone', 'Mars/Olympus'], /Unknown time zone "Mars\/Olympus"/],
    [['config', 'set', 'colour', 'blue'], /unknown setting "colour"/],
    [
      ['outcome', '--opportunity', 'x', 'hired'],
      /"hired" is not one of offer, rejected, withdrawn, accepted/,
    ],
    [['today', '--now', 'yesterday'], /--now: "yesterday" is not an ISO-8601 time/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('exits 2 with one clear line for %j', async (args, message) => {
    const r = await cli.run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('changes nothing when an interview is refused', async () => {
    const opp = (await cli.run(['opportunity', 'add', '--company', 'A', '--role', 'B', '--json'])).json<{
      id: string;
    }>();
    const r = await cli.run([
      'interview',
      'add',
      '--opportunity',
      opp.id,
      '--start',
      '2026-12-08T10:00',
      '--end',
      '2026-12-08T11:00',
      '--interviewer',
      'Good Person <good@a.example>',
      '--interviewer',
      'Bad <bad@@a>',
    ]);
    expect(r.code).toBe(2);
    expect((await cli.run(['people', '--json'])).json<{ people: unknown[] }>().people).toEqual([]);
    expect((await cli.run(['interviews', '--json'])).json<{ interviews: unknown[] }>().interviews).toEqual(
      [],
    );
  });

  it('reads a playbook file and refuses a bad one naming the field', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${cli.dataDir}/good.yaml`, 'thankYou:\n  preset: same-day\ncheckIn:\n  minGap: 3\n');
    writeFileSync(`${cli.dataDir}/bad.json`, JSON.stringify({ checkIn: { maxCheckIns: 0 } }));
    expect((await cli.run(['config', 'set', 'playbook', 'good.yaml'])).code).toBe(0);
    const shown = (await cli.run(['config', 'show', '--json'])).json<{
      playbook: { thankYou: { preset: string }; checkIn: { minGap: number } };
    }>();
    expect(shown.playbook.thankYou.preset).toBe('same-day');
    expect(shown.playbook.checkIn.minGap).toBe(3);
    const bad = await cli.run(['config', 'set', 'playbook', 'bad.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: checkIn\.maxCheckIns: /);
    const after = (await cli.run(['config', 'show', '--json'])).json<{
      playbook: { checkIn: { minGap: number } };
    }>();
    expect(after.playbook.checkIn.minGap).toBe(3);
  });
});
