/**
 * `afterview check` on the built bundle (`npm run build` first), as a tester runs it: a note to
 * Priya that calls her "she" warns (addressee-third-person) even in a full note that names the
 * role and the company, and a draft's own greeting ("Hi Li," to Li Wei) is no wrong-name error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'bin', 'afterview.cjs');
let dir = '';

function afterview(args: string[], input = '') {
  const env: NodeJS.ProcessEnv = { ...process.env, AFTERVIEW_DATA: join(dir, 'data'), TZ: 'UTC' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, env, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let priya = '';
let li = '';
beforeAll(() => {
  expect(existsSync(join(root, 'dist', 'cli', 'cli.js')), 'run `npm run build` first').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'afterview-check-built-'));
  afterview(['config', 'set', 'name', 'Alex Morgan']);
  const opp = JSON.parse(
    afterview([
      'opportunity',
      'add',
      '--company',
      'Northwind Labs',
      '--role',
      'Senior Software Engineer',
      '--json',
    ]).stdout,
  ) as { id: string };
  const interview = JSON.parse(
    afterview([
      'interview',
      'add',
      '--opportunity',
      opp.id,
      '--start',
      '2026-12-08T10:00',
      '--end',
      '2026-12-08T11:00',
      '--tz',
      'UTC',
      '--interviewer',
      'Priya Raman <priya.raman@northwind-labs.example>',
      '--interviewer',
      'Li Wei <li.wei@northwind-labs.example>',
      '--json',
    ]).stdout,
  ) as { people: Array<{ id: string; displayName: string }> };
  priya = interview.people.find((p) => p.displayName === 'Priya Raman')?.id ?? '';
  li = interview.people.find((p) => p.displayName === 'Li Wei')?.id ?? '';
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const note = (line: string) =>
  `Hi Priya,\n\nThank you for taking the time to talk with me on Tuesday about the Senior Software Engineer role at Northwind Labs. ${line}\n\nBest,\nAlex Morgan`;

describe('afterview check (built CLI)', () => {
  it.each([
    'Talking through sharding was fun, and I loved the debugger she built for the ledger service.',
    'I enjoyed hearing about the incident review she runs.',
    'Her team sounds great, and the tool she built is impressive.',
    'His team sounds great, and the tool he built is impressive.',
    'I loved the debugger she built.',
  ])(
    'warns addressee-third-person on "%s"',
    (line) => {
      const r = afterview(['check', '-', '--to', priya, '--json'], note(line));
      const findings = (JSON.parse(r.stdout) as { findings: Array<{ rule: string }> }).findings;
      expect(findings.map((f) => f.rule)).toContain('addressee-third-person');
    },
    30_000,
  );

  it('stays quiet when a colleague is named nearby', () => {
    const r = afterview(
      ['check', '-', '--to', priya, '--json'],
      note('Your colleague Tom said he built the debugger.'),
    );
    const findings = (JSON.parse(r.stdout) as { findings: Array<{ rule: string }> }).findings;
    expect(findings.map((f) => f.rule)).not.toContain('addressee-third-person');
  }, 30_000);

  it('accepts the greeting a draft writes ("Hi Li," to Li Wei) and "Hi Wei,"', () => {
    for (const greet of ['Li', 'Wei']) {
      const r = afterview(
        ['check', '-', '--to', li],
        `Hi ${greet},\n\nThanks for the chat about queues.\n\nBest,\nAlex Morgan`,
      );
      expect(r.stdout).not.toContain('wrong-name');
      expect(r.code).toBe(0);
    }
  }, 30_000);
});
