/**
 * The built CLI (bin/afterview.cjs, as installed), for what a terminal user meets every day:
 * `people edit` settling collect-contact, id and key prefixes, `undo`, errors as JSON under
 * --json, plurals in summaries, and a calm Today that never tells a rejected user that
 * "no news is normal". Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'afterview.cjs');
const NOW = '2026-12-08T19:20:00Z';

let data: string;
const run = (args: string[], now = NOW) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: {
      ...process.env,
      AFTERVIEW_DATA: data,
      AFTERVIEW_NOW: now,
      // The regular ESM bundle, not the code-cached copy of the read commands.
      AFTERVIEW_NO_CODE_CACHE: '1',
      TZ: 'UTC',
    },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const json = <T>(args: string[], now?: string): T => JSON.parse(run([...args, '--json'], now).stdout) as T;

/** The longest prefix two ids share. */
const common = (a: string, b: string): string => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(0, i);
};

// Each command is a process start on two shared cores: give a few of them time.
describe('the built CLI, every day', { timeout: 120_000 }, () => {
  beforeAll(() => {
    expect(existsSync(join(root, 'dist', 'cli', 'cli.js')), 'run `npm run build` first').toBe(true);
    data = mkdtempSync(join(tmpdir(), 'afterview-everyday-'));
    expect(run(['config', 'set', 'timezone', 'America/Los_Angeles']).code).toBe(0);
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  let oppId = '';
  let samId = '';

  it('completes a missing email with `people edit` and a prefix of the id, which settles collect-contact', () => {
    oppId = json<{ id: string }>([
      'opportunity',
      'add',
      '--company',
      'Northwind Labs',
      '--role',
      'Engineer',
      '--recruiter',
      'Dana Whitfield <dana@northwind.example>',
    ]).id;
    const iv = json<{ people: Array<{ id: string; displayName: string }> }>([
      'interview',
      'add',
      '--opportunity',
      oppId.slice(0, 30),
      '--start',
      '2026-12-08T10:00',
      '--end',
      '2026-12-08T11:00',
      '--interviewer',
      'Sam Ortiz',
    ]);
    samId = iv.people.find((p) => p.displayName === 'Sam Ortiz')?.id ?? '';
    const keys = () => json<{ actions: Array<{ key: string }> }>(['today']).actions.map((a) => a.key);
    expect(keys().some((k) => k.startsWith('collect-contact:') && k.includes(samId))).toBe(true);

    const edited = run([
      'people',
      'edit',
      samId.slice(0, 32),
      '--email',
      'Sam.Ortiz@northwind.example',
      '--title',
      'Staff Engineer',
    ]);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toMatch(/^Saved Sam Ortiz, Staff Engineer/);
    expect(edited.stdout).toMatch(/email: sam\.ortiz@northwind\.example/);
    expect(keys().some((k) => k.startsWith('collect-contact:'))).toBe(false);
    const person = json<{
      people: Array<{ id: string; provenance: Array<{ field: string; source: string }> }>;
    }>(['people']).people.find((p) => p.id === samId);
    expect(person?.provenance.at(-1)).toMatchObject({ field: 'email', source: 'typed in the terminal' });

    const nothing = run(['people', 'edit', samId]);
    expect([nothing.code, nothing.stderr]).toEqual([
      2,
      expect.stringMatching(/Give at least one of --email/),
    ]);
  });

  it('lists the matches when a prefix is ambiguous, and says so when it matches nothing', () => {
    const second = json<{ id: string }>([
      'opportunity',
      'add',
      '--company',
      'Contoso',
      '--role',
      'Engineer',
    ]).id;
    const shared = common(oppId, second);
    const ambiguous = run(['outcome', '--opportunity', shared, 'offer']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain(`"${shared}" could be any of 2 opportunities`);
    expect(ambiguous.stderr).toContain(`${oppId}  Northwind Labs — Engineer`);
    expect(ambiguous.stderr).toContain(`${second}  Contoso — Engineer`);
    const none = run(['outcome', '--opportunity', 'zzz', 'offer']);
    expect([none.code, none.stderr]).toEqual([
      2,
      expect.stringMatching(
        /no opportunity with an id starting "zzz" \(`afterview opportunities` lists them\)/,
      ),
    ]);
  });

  it('answers errors as JSON on stderr under --json, keeping the exit codes', () => {
    const missing = run(['outcome', '--opportunity', 'zzz', 'offer', '--json']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(JSON.parse(missing.stderr)).toEqual({
      error: { code: 'not-found', message: expect.stringMatching(/no opportunity/), field: 'opportunity' },
    });
    const usage = run(['opportunity', 'add', '--company', 'X', '--json']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stderr)).toEqual({
      error: { code: 'invalid-input', message: expect.stringMatching(/--role/), field: null },
    });
    const tooLong = run(['opportunity', 'add', '--company', 'X', '--role', 'r'.repeat(201), '--json']);
    expect(JSON.parse(tooLong.stderr).error).toMatchObject({
      code: 'invalid-input',
      field: 'role',
      message: 'role: is too long (200 characters at most)',
    });
  });

  it('takes back done with `undo` given the start of a key, and refuses an undo with nothing to undo', () => {
    const actions = json<{ actions: Array<{ key: string; title: string }> }>(['today']).actions;
    const debrief = actions.find((a) => a.key.startsWith('debrief:'));
    if (!debrief) throw new Error('no debrief action');
    const prefix = debrief.key.slice(0, 20);
    expect(run(['done', prefix]).code).toBe(0);
    expect(json<{ actions: Array<{ key: string }> }>(['today']).actions.map((a) => a.key)).not.toContain(
      debrief.key,
    );
    const undone = run(['undo', prefix]);
    expect([undone.code, undone.stdout.trim()]).toEqual([
      0,
      `Undone (no longer marked done): ${debrief.title}`,
    ]);
    expect(json<{ actions: Array<{ key: string }> }>(['today']).actions.map((a) => a.key)).toContain(
      debrief.key,
    );
    const again = run(['undo', debrief.key]);
    expect([again.code, again.stderr]).toEqual([2, expect.stringMatching(/Nothing to undo/)]);
  });

  it('gets plurals right in summaries', () => {
    const out = join(data, 'export.json');
    const exported = run(['export', '--out', out]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Exported 2 opportunities, 1 interview, 2 people and 0 messages to /);
  });

  it('does not tell a rejected user that no news is normal', () => {
    for (const id of [oppId])
      expect(run(['outcome', '--opportunity', id.slice(0, 30), 'rejected']).code).toBe(0);
    expect(
      run([
        'outcome',
        '--opportunity',
        json<{ opportunities: Array<{ id: string; company: string }> }>(['opportunities']).opportunities.find(
          (o) => o.company === 'Contoso',
        )?.id ?? '',
        'withdrawn',
      ]).code,
    ).toBe(0);
    // Months later, with the thanks-for-consideration note done: only the reconnect is ahead.
    const later = '2026-12-20T18:00:00Z';
    for (const a of json<{ actions: Array<{ key: string; urgency: string }> }>(['today'], later).actions)
      if (a.urgency !== 'upcoming') expect(run(['dismiss', a.key], later).code).toBe(0);
    const today = run(['today'], later);
    expect(today.code).toBe(0);
    expect(today.stdout).toMatch(/^Nothing to do until /);
    expect(today.stdout).not.toMatch(/no news is normal/i);
  });
});
