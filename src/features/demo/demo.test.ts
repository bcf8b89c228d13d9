import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { createTestStore, describeEachDialect } from '../../../test/store';
import { Temporal } from '../../core/time';
import { exportBackup } from '../backup/export.service';
import { getToday } from '../plan/plan.service';
import { seedDemo } from './demo.service';

const NOW = '2026-11-26T09:00:00Z';
const DAY = 86_400_000;

describeEachDialect('demo job hunt', (t) => {
  it('seeds the promised shapes: N opportunities, loops, people, notes on time and late, every outcome', async () => {
    const ctx = await createTestContext(t.store, { now: NOW, timeZone: 'America/New_York' });
    const summary = await seedDemo(ctx, { scale: 40, seed: 7 });
    expect(summary.opportunities).toBe(40);
    const doc = await exportBackup(ctx);
    const now = Date.parse(NOW);

    expect(doc.opportunities).toHaveLength(40);
    const stages = new Set(doc.opportunities.map((o) => o.stage));
    for (const stage of ['rejected', 'gone-quiet', 'withdrawn', 'interviewing', 'waiting'] as const) {
      expect(stages, stage).toContain(stage);
    }
    expect(stages.has('offer') || stages.has('accepted')).toBe(true);
    expect(doc.opportunities.some((o) => o.decisionBy !== null)).toBe(true);

    // Interviews from about two years back up to next week, phone screens through onsite loops.
    const starts = doc.interviews.map((i) => Date.parse(i.start));
    expect(Math.min(...starts)).toBeGreaterThan(now - 760 * DAY);
    expect(Math.max(...starts)).toBeLessThanOrEqual(now + 7 * DAY);
    expect(starts.some((s) => s > now)).toBe(true);
    expect(starts.some((s) => s < now - 365 * DAY)).toBe(true);
    const rounds = new Set(doc.interviews.map((i) => i.round));
    expect(rounds).toContain('Recruiter screen');
    const loops = doc.interviews.filter((i) => /onsite/i.test(i.round));
    expect(loops.length).toBeGreaterThan(0);
    for (const loop of loops) {
      const interviewers = loop.participants.filter((p) => p.role === 'interviewer').length;
      expect(interviewers).toBeGreaterThanOrEqual(2);
      expect(interviewers).toBeLessThanOrEqual(5);
    }
    expect(new Set(doc.interviews.map((i) => i.timeZone)).size).toBeGreaterThan(1);

    // People: names with accents, hyphens and apostrophes; some interviewers with no email yet;
    // every address on a reserved .example domain.
    const names = doc.contacts.map((c) => c.displayName);
    expect(names.some((n) => /\p{M}/u.test(n.normalize('NFD')))).toBe(true);
    expect(names.some((n) => /\w-\w/.test(n))).toBe(true);
    expect(names.some((n) => /'/.test(n))).toBe(true);
    const interviewerIds = new Set(doc.interviews.flatMap((i) => i.participants.map((p) => p.contactId)));
    expect(doc.contacts.some((c) => interviewerIds.has(c.id) && c.emails.length === 0)).toBe(true);
    for (const c of doc.contacts) for (const e of c.emails) expect(e).toMatch(/@[a-z0-9-]+\.example$/);

    // Debriefs with per-interviewer notes, none before its interview ended.
    expect(doc.debriefs.length).toBeGreaterThan(0);
    expect(doc.debriefs.some((d) => d.notes.length > 0)).toBe(true);
    const endOf = new Map(doc.interviews.map((i) => [i.id, Date.parse(i.end)]));
    for (const d of doc.debriefs)
      expect(Date.parse(d.updatedAt)).toBeGreaterThan(endOf.get(d.interviewId) as number);

    // Thank-yous: mostly within 24 h of the interview, some late; nothing sent after now.
    const thanks = doc.messages.filter((m) => m.kind === 'thank-you');
    const delays = thanks.map(
      (m) => Date.parse(m.sentAt as string) - (endOf.get(m.interviewId as string) as number),
    );
    const onTime = delays.filter((d) => d > 0 && d <= DAY).length;
    const late = delays.filter((d) => d > DAY).length;
    expect(onTime).toBeGreaterThan(late);
    expect(late).toBeGreaterThan(0);
    expect(doc.messages.every((m) => Date.parse(m.sentAt as string) <= now)).toBe(true);

    const kinds = (k: string, dir: 'in' | 'out') =>
      doc.messages.filter((m) => m.kind === k && m.direction === dir);
    expect(kinds('check-in', 'out').length).toBeGreaterThan(0);
    expect(kinds('reply', 'in').length).toBeGreaterThan(0);
    expect(kinds('thanks-for-consideration', 'out').length).toBeGreaterThan(0);
    expect(doc.messages.some((m) => m.direction === 'in' && /Unfortunately/.test(m.body))).toBe(true);
    expect(doc.messages.some((m) => m.direction === 'in' && /offer/.test(m.body))).toBe(true);
    expect(doc.events.length).toBeGreaterThan(doc.opportunities.length);
  });

  it('is deterministic for a seed (ids included), differs across seeds, and refuses the same seed twice', async () => {
    const a = await createTestContext(t.store, { now: NOW });
    await seedDemo(a, { scale: 12, seed: 3 });
    const other = await createTestStore(t.dialect);
    try {
      const b = await createTestContext(other, { now: NOW });
      await seedDemo(b, { scale: 12, seed: 3 });
      const [docA, docB] = [await exportBackup(a), await exportBackup(b)];
      expect(docB.opportunities.length).toBe(12);
      expect(docB).toEqual(docA);
      const c = await createTestContext(other, { now: NOW });
      await seedDemo(c, { scale: 12, seed: 4 });
      expect((await exportBackup(c)).contacts.map((x) => x.displayName)).not.toEqual(
        docA.contacts.map((x) => x.displayName),
      );
    } finally {
      await other.close();
    }
    await expect(seedDemo(a, { scale: 12, seed: 3 })).rejects.toThrow(/seed 3 .*already here/);
    await expect(seedDemo(a, { scale: 0, seed: 3 })).rejects.toThrow(/^scale: must be at least 1/);
    expect((await exportBackup(a)).opportunities).toHaveLength(12);
  });

  it('gives `today` a lived-in plan: live work this week, no backlog from years ago', async () => {
    const ctx = await createTestContext(t.store, { now: NOW, timeZone: 'America/New_York' });
    await seedDemo(ctx, { scale: 40, seed: 7 });
    const today = await getToday(ctx);
    expect(today.actions.length).toBeGreaterThan(0);
    const rules = new Set(today.actions.map((a) => a.rule));
    expect(rules).toContain('thank-you');
    // The demo user dealt with whatever fell due more than ten days ago.
    for (const a of today.actions) expect(Date.parse(a.due)).toBeGreaterThan(Date.parse(NOW) - 11 * DAY);
    expect(today.actions.some((a) => a.urgency === 'upcoming' || a.urgency === 'due')).toBe(true);
  });

  it('has something to do now on whichever day the sample is tried, at a waking hour, with decisions on working days', async () => {
    // The web app's "Try with sample data" seeds 20; a new user tried it on a Friday and got
    // "Nothing to do until Monday". A week of mornings and an evening, in two zones.
    const days = [
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ];
    for (const [n, day] of days.entries()) {
      const timeZone = n % 2 === 0 ? 'America/New_York' : 'Europe/Berlin';
      const hour = n === 4 ? '22:30' : '10:00';
      const now = Temporal.PlainDateTime.from(`${day}T${hour}`)
        .toZonedDateTime(timeZone)
        .toInstant()
        .toString();
      const ctx = await createTestContext(t.store, { now, timeZone });
      await seedDemo(ctx, { scale: 20, seed: 1 });
      const today = await getToday(ctx);
      expect(
        today.actions.some((a) => a.urgency === 'due' || a.urgency === 'overdue'),
        `${day} ${hour} ${timeZone}`,
      ).toBe(true);
      const doc = await exportBackup(ctx);
      for (const m of doc.messages.filter((x) => x.kind === 'thank-you' && x.sentAt)) {
        const local = Temporal.Instant.from(m.sentAt as string).toZonedDateTimeISO(timeZone);
        expect(local.hour, `${m.sentAt} in ${timeZone}`).toBeGreaterThanOrEqual(8);
        expect(local.hour).toBeLessThan(22);
      }
      for (const o of doc.opportunities.filter((x) => x.decisionBy)) {
        expect(
          Temporal.PlainDate.from(o.decisionBy as string).dayOfWeek,
          o.decisionBy as string,
        ).toBeLessThan(6);
      }
    }
  });
});
