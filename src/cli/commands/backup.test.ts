/** `afterview export` / `import FILE.json` / `demo` through the real CLI on temp data dirs. */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCli, type TestCli } from '../../../test/cli';

const NOW = '2026-11-26T09:00:00Z';
const clis: TestCli[] = [];
const newCli = () => {
  const cli = createTestCli();
  clis.push(cli);
  return cli;
};
afterEach(() => {
  for (const c of clis.splice(0)) c.cleanup();
});

const withoutExportedAt = (text: string) => ({ ...JSON.parse(text), exportedAt: undefined });

describe('afterview export, import and demo', () => {
  it('round-trips a data dir through a file into an empty one', async () => {
    const source = newCli();
    expect((await source.run(['config', 'set', 'timezone', 'Europe/Berlin'])).code).toBe(0);
    // The user's own template travels with the data.
    mkdirSync(join(source.dataDir, 'templates'), { recursive: true });
    writeFileSync(
      join(source.dataDir, 'templates', 'check-in.liquid'),
      'Hi {{ recipient.first_name }}, mine.\n',
    );
    const seeded = await source.run(['demo', '--scale', '6', '--seed', '2', '--json'], { now: NOW });
    expect(seeded.code).toBe(0);
    expect(seeded.json()).toMatchObject({ opportunities: 6, seed: 2 });
    const out = await source.run(['export', '--out', 'backup.json'], { now: NOW });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      /^Exported 6 opportunities, \d+ interviews, \d+ people and \d+ messages to .*backup\.json\n$/,
    );
    const file = join(source.dataDir, 'backup.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const target = newCli();
    const imported = await target.run(['import', file, '--json'], { now: '2026-12-01T10:00:00Z' });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ kind: 'backup', templates: 1, settingsApplied: true });
    const again = await target.run(['export'], { now: '2026-12-01T10:00:00Z' });
    expect(again.code).toBe(0);
    expect(withoutExportedAt(again.stdout)).toEqual(withoutExportedAt(readFileSync(file, 'utf8')));
    expect(JSON.parse(again.stdout).account.timeZone).toBe('Europe/Berlin');
    expect(readFileSync(join(target.dataDir, 'templates', 'check-in.liquid'), 'utf8')).toBe(
      'Hi {{ recipient.first_name }}, mine.\n',
    );

    // The same file again: every id is already here, so nothing is written and the exit is 2.
    const twice = await target.run(['import', file], { now: '2026-12-01T10:00:00Z' });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^afterview: contacts\[0\]\.id: \S+ already exists in this data/);
    expect(twice.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a corrupt backup with one line naming the JSON path, and imports nothing', async () => {
    const source = newCli();
    await source.run(['demo', '--scale', '3', '--seed', '5'], { now: NOW });
    const doc = JSON.parse((await source.run(['export'], { now: NOW })).stdout);
    doc.interviews[1].end = doc.interviews[1].start.replace(/T\d\d/, 'T00');
    const file = join(source.dataDir, 'broken.json');
    writeFileSync(file, JSON.stringify(doc));

    const target = newCli();
    const r = await target.run(['import', file], { now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'afterview: interviews[1].end: the interview must end after it starts; nothing was imported.\n',
    );
    const after = JSON.parse((await target.run(['export'], { now: NOW })).stdout);
    expect([after.opportunities, after.contacts, after.events]).toEqual([[], [], []]);
  });

  it('answers bad options with exit 2 and one line', async () => {
    const cli = newCli();
    const csv = await cli.run(['export', '--format', 'csv']);
    expect([csv.code, csv.stderr]).toEqual([2, 'afterview: --format: "csv" is not supported; use json.\n']);
    const scale = await cli.run(['demo', '--scale', 'lots']);
    expect([scale.code, scale.stderr]).toEqual([2, 'afterview: --scale: "lots" is not a whole number.\n']);
    const zero = await cli.run(['demo', '--scale', '0']);
    expect([zero.code, zero.stderr]).toEqual([2, 'afterview: scale: must be at least 1\n']);
  });
});
