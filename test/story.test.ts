/**
 * The whole seed playbook through the CLI, replayed with --now: invite → debrief → drafts →
 * thank-yous recorded → check-in → reply → rejection → thanks-for-consideration → reconnect.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPlainDate } from '../src/cli/format';
import { Temporal } from '../src/core/time';
import { createTestCli, type TestCli } from './cli';

interface TodayJson {
  actions: {
    key: string;
    rule: string;
    due: string;
    urgency: string;
    title: string;
    reasonDate: string | null;
    contactId: string | null;
  }[];
  nextStart: string | null;
}

describe('the playbook, end to end through the CLI', () => {
  let cli: TestCli;
  const ids = { opp: '', interview: '', priya: '', siobhan: '', dana: '' };
  const today = async (now: string) => {
    const r = await cli.run(['today', '--json'], { now });
    expect(r.code).toBe(0);
    return r.json<TodayJson>().actions;
  };
  const rules = (actions: TodayJson['actions']) => actions.map((a) => `${a.rule}:${a.urgency}`).sort();

  beforeAll(async () => {
    cli = createTestCli();
    for (const args of [
      ['config', 'set', 'timezone', 'America/Los_Angeles'],
      ['config', 'set', 'holidays', 'US'],
      ['config', 'set', 'name', 'Alex Kim'],
    ]) {
      expect((await cli.run(args)).code).toBe(0);
    }
  });
  afterAll(() => cli.cleanup());

  it('records the opportunity and the interview, one interviewer without an email', async () => {
    const opp = await cli.run(
      [
        'opportunity',
        'add',
        '--company',
        'Northwind Labs',
        '--role',
        'Senior Software Engineer',
        '--recruiter',
        'Dana Whitfield <dana.whitfield@northwind-labs.example>',
        '--decision-by',
        '2026-12-18',
        '--json',
      ],
      { now: '2026-12-01T09:00' },
    );
    ids.opp = opp.json<{ id: string; recruiterId: string }>().id;
    ids.dana = opp.json<{ recruiterId: string }>().recruiterId;
    const interview = await cli.run(
      [
        'interview',
        'add',
        '--opportunity',
        ids.opp,
        '--start',
        '2026-12-08T10:00',
        '--end',
        '2026-12-08T11:00',
        '--tz',
        'America/Los_Angeles',
        '--round',
        'System design',
        '--interviewer',
        'Priya Raman <priya.raman@northwind-labs.example>',
        '--interviewer',
        "Siobhán O'Connell",
        '--json',
      ],
      { now: '2026-12-01T09:00' },
    );
    expect(interview.code).toBe(0);
    const created = interview.json<{
      id: string;
      start: string;
      people: { id: string; displayName: string }[];
    }>();
    expect(created.start).toBe('2026-12-08T18:00:00Z');
    ids.interview = created.id;
    ids.priya = created.people.find((p) => p.displayName === 'Priya Raman')?.id as string;
    ids.siobhan = created.people.find((p) => p.displayName === "Siobhán O'Connell")?.id as string;
  });

  it('before the interview: get the missing email; the rest is upcoming', async () => {
    const actions = await today('2026-12-07T09:00');
    expect(rules(actions)).toEqual([
      'check-in:upcoming',
      'collect-contact:due',
      'debrief:upcoming',
      'thank-you:upcoming',
      'thank-you:upcoming',
    ]);
    expect(actions.find((a) => a.rule === 'collect-contact')).toMatchObject({
      contactId: ids.siobhan,
      due: '2026-12-08T18:00:00Z',
    });
    // Decision by Fri 18 Dec → one business day later is Mon 21 Dec, 09:00 Pacific.
    expect(actions.find((a) => a.rule === 'check-in')?.key).toContain(ids.opp);
  });

  it('right after: debrief due in 2 h, a thank-you per interviewer due in 24 h', async () => {
    const actions = await today('2026-12-08T11:30');
    const thanks = actions.filter((a) => a.rule === 'thank-you');
    expect(thanks.map((a) => [a.contactId, a.due]).sort()).toEqual(
      [
        [ids.priya, '2026-12-09T19:00:00Z'],
        [ids.siobhan, '2026-12-09T19:00:00Z'],
      ].sort(),
    );
    expect(actions.find((a) => a.rule === 'debrief')).toMatchObject({
      due: '2026-12-08T21:00:00Z',
      urgency: 'due',
    });
    expect(actions.find((a) => a.rule === 'collect-contact')?.key).toMatch(/:after$/);
  });

  it('the debrief feeds two different, personal drafts that pass the checker', async () => {
    // One command, a group of options per --contact; --improve is private.
    const saved = await cli.run(
      [
        'debrief',
        '--interview',
        ids.interview,
        '--contact',
        ids.priya,
        '--memorable',
        'her story about sharding the payments ledger',
        '--promise',
        'the load-testing write-up',
        '--contact',
        ids.siobhan,
        '--memorable',
        'the on-call rotation she redesigned',
        '--improve',
        'practise the capacity estimate out loud',
      ],
      { now: '2026-12-08T11:40' },
    );
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('what to practise stays private');
    const r = await cli.run(['draft', '--interview', ids.interview, '--json'], { now: '2026-12-08T12:00' });
    expect(r.code).toBe(0);
    const drafts = r.json<{
      drafts: { body: string; contactIds: string[]; findings: { rule: string; severity: string }[] }[];
    }>().drafts;
    expect(drafts).toHaveLength(2);
    const [a, b] = drafts;
    expect(a?.body).not.toBe(b?.body);
    const toPriya = drafts.find((d) => d.contactIds[0] === ids.priya);
    expect(toPriya?.body).toContain('Hi Priya,');
    expect(toPriya?.body).toContain('your story about sharding the payments ledger');
    expect(toPriya?.body).toContain('send you the load-testing write-up');
    const toSiobhan = drafts.find((d) => d.contactIds[0] === ids.siobhan)?.body;
    expect(toSiobhan).toContain('Hi Siobhán,');
    expect(toSiobhan).toMatch(/the on-call rotation you redesigned/i);
    expect(toSiobhan).not.toContain('load-testing');
    for (const d of drafts) expect(d.body).not.toContain('capacity estimate');
    // The only error: Siobhán has no email address yet, so her note cannot go out as it is.
    const errors = (to: string) =>
      drafts
        .find((d) => d.contactIds[0] === to)
        ?.findings.filter((f) => f.severity === 'error')
        .map((f) => f.rule);
    expect(errors(ids.priya)).toEqual([]);
    expect(errors(ids.siobhan)).toEqual(['no-address']);
    expect((await today('2026-12-08T12:00')).some((a) => a.rule === 'debrief')).toBe(false);
  });

  it('check exits 1 on the wrong company and names it, 0 on a clean note', async () => {
    await cli.run(['opportunity', 'add', '--company', 'Contoso', '--role', 'Engineer'], {
      now: '2026-12-02T09:00',
    });
    const pasted = join(cli.dataDir, 'pasted.txt');
    writeFileSync(
      pasted,
      'Hi Priya,\n\nThank you for the conversation about sharding the payments ledger. I would love to join Contoso.\n\nBest,\nAlex Kim\n',
    );
    const bad = await cli.run(['check', pasted, '--to', ids.priya, '--json'], { now: '2026-12-08T12:00' });
    expect(bad.code).toBe(1);
    const findings = bad.json<{
      findings: { rule: string; severity: string; start: number; end: number }[];
    }>().findings;
    const wrong = findings.find((f) => f.rule === 'wrong-company');
    expect(wrong?.severity).toBe('error');
    const text =
      'Hi Priya,\n\nThank you for the conversation about sharding the payments ledger. I would love to join Contoso.';
    expect(text.slice(wrong?.start, wrong?.end)).toBe('Contoso');
    const good = await cli.run(['check', '-', '--to', ids.priya], {
      now: '2026-12-08T12:00',
      stdin:
        'Hi Priya,\n\nThank you for the conversation about sharding the payments ledger at Northwind Labs.\n\nBest,\nAlex Kim\n',
    });
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
  });

  it('thank-yous recorded as sent leave only the check-in, not before the decision date', async () => {
    for (const to of [ids.priya, ids.siobhan]) {
      const r = await cli.run(
        ['message', 'record', '--to', to, '--kind', 'thank-you', '--at', '2026-12-08T16:00'],
        { now: '2026-12-08T16:05' },
      );
      expect(r.code).toBe(0);
    }
    const actions = await today('2026-12-10T09:00');
    expect(rules(actions)).toEqual(['check-in:upcoming', 'collect-contact:overdue']);
    const checkIn = actions.find((a) => a.rule === 'check-in');
    expect((checkIn?.due ?? '') > '2026-12-19').toBe(true);
    expect(checkIn?.contactId).toBe(ids.dana);
    expect(checkIn?.reasonDate).toBe('2026-12-18');
    // In words, the date they gave is written the CLI's one way for the account's locale (en-US
    // for Los Angeles), never as the ISO date the planner works with.
    const text = (await cli.run(['today'], { now: '2026-12-10T09:00' })).stdout;
    const decideBy = formatPlainDate('2026-12-18', 'en-US', Temporal.Instant.from('2026-12-10T17:00:00Z'));
    expect(decideBy).toBe('Fri, Dec 18');
    expect(text).toContain(`They said they would decide by ${decideBy}: check in`);
    expect(text).not.toContain('2026-12-18');
    // Getting her email later settles the collect-contact action; dismissing it does too.
    const collect = actions.find((a) => a.rule === 'collect-contact')?.key as string;
    expect((await cli.run(['dismiss', collect], { now: '2026-12-10T09:00' })).code).toBe(0);
    expect(rules(await today('2026-12-10T09:05'))).toEqual(['check-in:upcoming']);
  });

  it('check-in comes due on Mon 21 Dec; a check-in sent pushes the next one by the min gap; a reply resets', async () => {
    const due = (await today('2026-12-21T10:00')).find((a) => a.rule === 'check-in');
    expect(due).toMatchObject({ urgency: 'due' });
    await cli.run(['message', 'record', '--to', ids.dana, '--kind', 'check-in', '--at', '2026-12-21T10:15'], {
      now: '2026-12-21T10:20',
    });
    const next = (await today('2026-12-21T11:00')).find((a) => a.rule === 'check-in');
    expect(next?.urgency).toBe('upcoming');
    // 5 business days after Mon 21 Dec, skipping Christmas Day (Fri 25; Christmas Eve is a
    // working day) → Tue 29 Dec, due by 17:00 Pacific.
    expect(next?.due).toBe('2026-12-30T01:00:00Z');
    await cli.run(['message', 'record', '--from', ids.dana, '--kind', 'reply', '--at', '2026-12-22T09:00'], {
      now: '2026-12-22T09:05',
    });
    const afterReply = (await today('2026-12-22T10:00')).find((a) => a.rule === 'check-in');
    expect(afterReply?.key).not.toBe(next?.key);
    expect(afterReply?.urgency).toBe('upcoming');
  });

  it('a rejection brings a thanks-for-consideration note, and a reconnect reminder months later', async () => {
    expect(
      (await cli.run(['outcome', '--opportunity', ids.opp, 'rejected'], { now: '2027-01-05T10:00' })).code,
    ).toBe(0);
    const actions = await today('2027-01-05T10:05');
    // Thank them now; the reconnect reminder waits 90 days.
    expect(rules(actions)).toEqual(['reconnect:upcoming', 'thanks-for-consideration:due']);
    expect(actions.some((a) => a.rule === 'check-in' && a.key.includes(ids.opp))).toBe(false);
    const thanks = actions.find((a) => a.rule === 'thanks-for-consideration');
    expect(thanks?.contactId).toBe(ids.dana);
    const draft = await cli.run(['draft', '--action', thanks?.key as string, '--json'], {
      now: '2027-01-05T10:10',
    });
    expect(draft.code).toBe(0);
    await cli.run(['message', 'record', '--to', ids.dana, '--kind', 'thanks-for-consideration'], {
      now: '2027-01-05T11:00',
    });
    expect((await today('2027-01-06T09:00')).map((a) => `${a.rule}:${a.urgency}`)).toEqual([
      'reconnect:upcoming',
    ]);
    const later = (await today('2027-04-06T10:00')).filter((a) => a.key.includes(ids.opp));
    expect(later.map((a) => a.rule)).toEqual(['reconnect']);
  });

  it('snoozing hides an action until the given time, and survives a restart of the CLI', async () => {
    const reconnect = (await today('2027-04-06T10:00')).find((a) => a.rule === 'reconnect')?.key as string;
    expect(
      (await cli.run(['snooze', reconnect, '--until', '2027-04-20T09:00'], { now: '2027-04-06T10:00' })).code,
    ).toBe(0);
    expect((await today('2027-04-10T10:00')).some((a) => a.key === reconnect)).toBe(false);
    expect((await today('2027-04-20T09:30')).some((a) => a.key === reconnect)).toBe(true);
  });
});
