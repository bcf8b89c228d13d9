/**
 * The checker against a real store (both dialects): what check.service feeds it decides the
 * recipient's address, a check-in's window, the drafts it is compared with, the user's own
 * words and the account's spelling dictionary.
 */
import { expect, it } from 'vitest';
import { createTestApi, describeEachMode, type TestApi } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

interface FindingJson {
  rule: string;
  severity: string;
  message: string;
  start: number;
  end: number;
}

const NOTE = (name: string, extra = '') =>
  `Hi ${name},\n\nThank you for the conversation about the payments ledger and the chaos drills at Northwind Labs.${extra}\n\nBest regards,\nAlex Morgan`;

async function check(
  api: TestApi,
  body: Record<string, unknown>,
): Promise<{ findings: FindingJson[]; blocked: boolean }> {
  const res = await api.post('/api/check', body);
  expect(res.statusCode).toBe(200);
  return res.json();
}

const rules = (r: { findings: FindingJson[] }) => r.findings.map((f) => f.rule);

describeEachMode('check service', (t) => {
  it('blocks a note to someone without an email address, before it is sent or opened', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T19:00:00Z' });
    const s = await seedStory(api);
    const toSam = await check(api, { body: NOTE('Sam'), contactId: s.samId, kind: 'thank-you' });
    expect(toSam.blocked).toBe(true);
    expect(toSam.findings.find((f) => f.rule === 'no-address')).toMatchObject({
      severity: 'error',
      start: 0,
      end: 0,
    });
    expect(toSam.findings.find((f) => f.rule === 'no-address')?.message).toContain('Sam Ortiz');
    const toPriya = await check(api, { body: NOTE('Priya'), contactId: s.priyaId, kind: 'thank-you' });
    expect(rules(toPriya)).not.toContain('no-address');
    await api.close();
  });

  it('warns about a check-in before the window opens, naming the day; a day after it is not late', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T19:00:00Z' });
    const s = await seedStory(api);
    const actions = (await api.get('/api/today')).json().actions as Array<{
      rule: string;
      start: string;
      due: string;
    }>;
    const checkIn = actions.find((a) => a.rule === 'check-in');
    expect(checkIn).toBeDefined();
    const opens = new Date(checkIn?.start ?? '');
    const body = `Hi Dana,\n\nI wanted to check in on the Senior Engineer role at Northwind Labs; I remain very interested.\n\nBest regards,\nAlex Morgan`;
    const early = await check(api, {
      body,
      contactId: s.recruiterId,
      kind: 'check-in',
      sendAt: new Date(opens.getTime() - 2 * 86_400_000).toISOString(),
    });
    const tooEarly = early.findings.find((f) => f.rule === 'too-early');
    expect(tooEarly?.severity).toBe('warning');
    // The playbook's day in the user's zone and locale (en-US here, as the zone is Los Angeles).
    const day = opens.toLocaleDateString('en-US', {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      timeZone: 'America/Los_Angeles',
    });
    expect(tooEarly?.message).toContain(day);
    const dayAfter = await check(api, {
      body,
      contactId: s.recruiterId,
      kind: 'check-in',
      sendAt: new Date(new Date(checkIn?.due ?? '').getTime() + 26 * 3_600_000).toISOString(),
    });
    expect(rules(dayAfter)).not.toContain('late');
    expect(rules(dayAfter)).not.toContain('too-early');
    await api.close();
  });

  it('compares a draft with the other drafts of the same interview', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T19:00:00Z' });
    const s = await seedStory(api);
    const shared =
      ' I enjoyed learning how the platform team works and which problems you want to solve next year, and I left even more excited about the role.';
    const toSam = await api.post('/api/drafts', {
      kind: 'thank-you',
      contactIds: [s.samId],
      opportunityId: s.opportunityId,
      interviewId: s.interviewId,
      body: NOTE('Sam', shared),
    });
    expect(toSam.statusCode).toBeLessThan(300);
    const toPriya = await check(api, {
      body: NOTE('Priya', shared),
      contactId: s.priyaId,
      kind: 'thank-you',
      opportunityId: s.opportunityId,
    });
    const dup = toPriya.findings.find((f) => f.rule === 'duplicate-note');
    expect(dup?.severity).toBe('error');
    expect(dup?.message).toContain('Sam Ortiz');
    await api.close();
  });

  it("names a copied subject too, read from the other draft's stored subject", async () => {
    const api = await createTestApi(t, { now: '2026-12-01T19:00:00Z' });
    const s = await seedStory(api);
    const shared =
      ' I enjoyed learning how the platform team works and which problems you want to solve next year, and I left even more excited about the role.';
    const subject = 'Thank you for Tuesday and the ledger deep-dive';
    const toSam = await api.post('/api/drafts', {
      kind: 'thank-you',
      contactIds: [s.samId],
      opportunityId: s.opportunityId,
      interviewId: s.interviewId,
      subject,
      body: NOTE('Sam', shared),
    });
    expect(toSam.statusCode).toBeLessThan(300);
    const withSubject = async (mine: string) =>
      (
        await check(api, {
          body: NOTE('Priya', shared),
          subject: mine,
          contactId: s.priyaId,
          kind: 'thank-you',
          opportunityId: s.opportunityId,
        })
      ).findings.find((f) => f.rule === 'duplicate-note')?.message;
    expect(await withSubject(subject)).toContain('subject and body');
    expect(await withSubject('Our chat about chaos drills')).not.toContain('subject and body');
    await api.close();
  });

  it("leaves the user's own words alone and follows the account's locale for spelling", async () => {
    const api = await createTestApi(t, { now: '2026-12-01T19:00:00Z' });
    const s = await seedStory(api);
    const body = NOTE(
      'Priya',
      ' Our zorbleflux chat and the colour of the organisation dashboards stayed with me.',
    );
    const spelled = async () =>
      (await check(api, { body, contactId: s.priyaId, kind: 'thank-you' })).findings
        .filter((f) => f.rule === 'spelling')
        .map((f) => body.slice(f.start, f.end));
    expect(await spelled()).toEqual(['zorbleflux', 'colour', 'organisation']);
    const debrief = await api.put(`/api/interviews/${s.interviewId}/debrief`, {
      notes: [{ contactId: s.priyaId, memorable: 'the zorbleflux chat about the ledger' }],
    });
    expect(debrief.statusCode).toBe(200);
    expect(await spelled()).toEqual(['colour', 'organisation']);
    await api.patch('/api/settings', { locale: 'en-GB' });
    expect(await spelled()).toEqual([]);
    await api.close();
  });
});
