/** `afterview debrief` groups per-interviewer options by the --contact before them. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCli, type TestCli } from '../../../test/cli';

const NOW = '2026-12-01T19:00:00Z';
let cli: TestCli;
afterEach(() => cli.cleanup());

async function seed(): Promise<{ interview: string; priya: string; sam: string }> {
  cli = createTestCli();
  await cli.run(['config', 'set', 'timezone', 'America/Los_Angeles']);
  const opp = (
    await cli.run(['opportunity', 'add', '--company', 'Northwind Labs', '--role', 'Engineer', '--json'], {
      now: NOW,
    })
  ).json<{ id: string }>();
  const iv = (
    await cli.run(
      [
        'interview',
        'add',
        '--opportunity',
        opp.id,
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
    )
  ).json<{ id: string; participants: { contactId: string }[] }>();
  return {
    interview: iv.id,
    priya: iv.participants[0]?.contactId ?? '',
    sam: iv.participants[1]?.contactId ?? '',
  };
}

describe('afterview debrief', () => {
  it('keeps each --promise and --memorable with the --contact before it', async () => {
    const ids = await seed();
    const r = await cli.run(
      [
        'debrief',
        '--interview',
        ids.interview,
        '--contact',
        ids.priya,
        '--memorable',
        'she showed me the debugger she built',
        '--promise',
        'the deck',
        '--contact',
        ids.sam,
        '--topics',
        'caching; queues',
        '--promise',
        'send the benchmark',
        '--add-to-answer',
        'on caching, measure the hit rate first',
        '--improve',
        'practise estimates',
        '--json',
      ],
      { now: NOW },
    );
    expect(r.stderr).toBe('');
    const saved = r.json<{
      addToAnswer: string;
      improve: string;
      notes: { contactId: string; memorable: string; topics: string; promise: string }[];
    }>();
    expect(saved.addToAnswer).toBe('on caching, measure the hit rate first');
    expect(saved.improve).toBe('practise estimates');
    const of = (id: string) => saved.notes.find((n) => n.contactId === id);
    expect(of(ids.priya)).toMatchObject({
      memorable: 'she showed me the debugger she built',
      promise: 'the deck',
    });
    expect(of(ids.sam)).toMatchObject({
      topics: 'caching; queues',
      promise: 'send the benchmark',
      memorable: '',
    });
  });

  it('refuses a per-interviewer option with no --contact before it, naming it (exit 2)', async () => {
    const ids = await seed();
    const r = await cli.run(['debrief', '--interview', ids.interview, '--memorable', 'x'], { now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--memorable needs a --contact before it');
    const twice = await cli.run(
      ['debrief', '--interview', ids.interview, '--contact', ids.priya, '--topics', 'a', '--topics', 'b'],
      { now: NOW },
    );
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--topics is given twice');
  });
});
