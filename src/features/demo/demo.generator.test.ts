import { describe, expect, it } from 'vitest';
import { Temporal } from '../../core/time';
import { type DemoOptions, generateDemo } from './demo.generator';

const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');
const DAY = 86_400_000;
const options = (scale: number): DemoOptions => ({
  accountId: 'acct',
  now: NOW,
  scale,
  seed: 1,
  timeZone: 'America/New_York',
  signer: 'Sam',
});

/** The rows of the applications sent in the last 25 days: the live work of the sample. */
function liveWork(scale: number) {
  const rows = generateDemo(options(scale));
  const live = rows.opportunities.filter((o) => Date.parse(o.created_at) >= NOW.epochMilliseconds - 25 * DAY);
  const ids = new Set(live.map((o) => o.id));
  const interviews = rows.interviews.filter((i) => ids.has(i.opportunity_id));
  const ivIds = new Set(interviews.map((i) => i.id));
  const people = new Set([
    ...live.flatMap((o) => (o.recruiter_id ? [o.recruiter_id] : [])),
    ...rows.participants.filter((p) => ivIds.has(p.interview_id)).map((p) => p.contact_id),
  ]);
  const oldest = Math.min(...rows.opportunities.map((o) => Date.parse(o.created_at)));
  return {
    opportunities: live,
    interviews,
    contacts: rows.contacts.filter((c) => people.has(c.id)),
    messages: rows.messages.filter((m) => m.opportunity_id !== null && ids.has(m.opportunity_id)),
    debriefs: rows.debriefs.filter((d) => ivIds.has(d.interview_id)),
    historyDays: (NOW.epochMilliseconds - oldest) / DAY,
  };
}

describe('demo scales', () => {
  it('from scale 100 up, a bigger scale adds only history: the same live applications, rows and ids included', () => {
    const [small, large] = [liveWork(100), liveWork(300)];
    expect(small.opportunities).toHaveLength(38);
    const { historyDays: smallSpan, ...smallLive } = small;
    const { historyDays: largeSpan, ...largeLive } = large;
    expect(largeLive).toEqual(smallLive);
    // At the same pace: about six months behind scale 100, two years behind scale 300.
    expect(smallSpan).toBeGreaterThan(150);
    expect(smallSpan).toBeLessThan(200);
    expect(largeSpan).toBeGreaterThan(700);
    expect(largeSpan).toBeLessThan(731);
  });

  it('keeps a sample hunt small and two years long: one live application in eight', () => {
    const sample = liveWork(20);
    expect(sample.opportunities).toHaveLength(3);
    expect(sample.historyDays).toBeGreaterThan(365);
  });
});
