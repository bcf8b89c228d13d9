import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';
import { seedStory } from '../../../test/http-story';

describeEachMode('draft and check routes', (t) => {
  it('drafts a thank-you from the debrief, and a wrong company name is an error that blocks sending', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    await api.post('/api/opportunities', { company: 'Contoso', role: 'Staff Engineer' });
    api.setNow('2026-12-01T19:00:00Z');
    await api.put(`/api/interviews/${s.interviewId}/debrief`, {
      notes: [{ contactId: s.priyaId, memorable: 'the chaos drills her team runs on Fridays' }],
    });
    const key = `thank-you:${s.interviewId}:${s.priyaId}`;
    const drafted = await api.post('/api/drafts/for-action', { key });
    expect(drafted.statusCode).toBe(200);
    const { message, check } = drafted.json();
    expect(message).toMatchObject({ status: 'draft', actionKey: key, contactIds: [s.priyaId] });
    expect(message.body).toContain('chaos drills');
    expect(check.blocked).toBe(false);

    const wrong = message.body.replaceAll('Northwind Labs', 'Contoso');
    const res = await api.post('/api/check', {
      body: wrong,
      contactId: s.priyaId,
      kind: 'thank-you',
      messageId: message.id,
      actionKey: key,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().blocked).toBe(true);
    const finding = res.json().findings.find((f: { rule: string }) => f.rule === 'wrong-company');
    expect(finding).toMatchObject({ severity: 'error' });
    expect(wrong.slice(finding.start, finding.end)).toBe('Contoso');
    await api.close();
  });

  it('drafting again keeps a draft the user edited on Compose, and refreshes one nobody touched', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    api.setNow('2026-12-01T19:00:00Z');
    const debrief = (priya: string, sam: string) =>
      api.put(`/api/interviews/${s.interviewId}/debrief`, {
        notes: [
          { contactId: s.priyaId, memorable: priya },
          { contactId: s.samId, memorable: sam },
        ],
      });
    await debrief('the chaos drills her team runs', 'the ledger migration');
    type Drafted = { message: { id: string; body: string; contactIds: string[] }; kept: boolean };
    const draftAll = async () => {
      const res = await api.post(`/api/interviews/${s.interviewId}/drafts`);
      expect(res.statusCode).toBe(200);
      const drafts = res.json().drafts as Drafted[];
      const of = (id: string) => drafts.find((d) => d.message.contactIds[0] === id);
      return { priya: of(s.priyaId), sam: of(s.samId) };
    };
    const first = await draftAll();
    expect(first.priya?.kept).toBe(false);
    // The route Compose's autosave calls as the user types.
    const typed = 'Hi Priya,\n\nMy own words, typed on Compose.\n\nAlex';
    const saved = await api.patch(`/api/messages/${first.priya?.message.id}`, { body: typed });
    expect(saved.statusCode).toBe(200);

    api.setNow('2026-12-01T20:00:00Z');
    await debrief('the pager rota she redesigned', 'the reconciliation job he rewrote');
    const again = await draftAll();
    expect(again.priya).toMatchObject({ kept: true, message: { id: first.priya?.message.id, body: typed } });
    expect(again.priya?.message.body).not.toContain('pager rota');
    expect(again.sam?.kept).toBe(false);
    expect(again.sam?.message.id).toBe(first.sam?.message.id);
    expect(again.sam?.message.body).toContain('reconciliation job');

    const one = await api.post('/api/drafts/for-action', { key: `thank-you:${s.interviewId}:${s.priyaId}` });
    expect(one.json()).toMatchObject({ kept: true, message: { body: typed } });
    const stored = await api.get(`/api/messages/${first.priya?.message.id}`);
    expect(stored.json().body).toBe(typed);
    await api.close();
  });

  it('drafts one thank-you per interviewer of an interview', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    api.setNow('2026-12-01T19:00:00Z');
    const res = await api.post(`/api/interviews/${s.interviewId}/drafts`);
    expect(res.statusCode).toBe(200);
    const to = res.json().drafts.map((d: { message: { contactIds: string[] } }) => d.message.contactIds[0]);
    expect(to.sort()).toEqual([s.priyaId, s.samId].sort());
    await api.close();
  });

  it('writes to each interviewer in the second person, keeps the private note out, and varies the wording', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    api.setNow('2026-12-01T19:00:00Z');
    const PRIVATE = 'Practise the STAR format zebra-marker';
    await api.put(`/api/interviews/${s.interviewId}/debrief`, {
      improve: PRIVATE,
      addToAnswer: 'on caching, I would measure the hit rate before adding a second tier',
      promises: 'the old per-interview promise',
      notes: [
        {
          contactId: s.priyaId,
          memorable: 'she showed me the debugger she built',
          topics: 'topics: caching; sharding, and queues',
          promise: 'send her the link to my talk',
        },
        { contactId: s.samId, memorable: "Asked how I'd shard the ledger; liked my answer on queues" },
      ],
    });
    const res = await api.post(`/api/interviews/${s.interviewId}/drafts`);
    const drafts = res.json().drafts as Array<{
      message: { body: string; contactIds: string[] };
      hints: string[];
    }>;
    const to = (id: string) => drafts.find((d) => d.message.contactIds[0] === id)?.message.body ?? '';
    expect(to(s.priyaId)).toContain('you showed me the debugger you built');
    expect(to(s.priyaId)).toContain('caching, sharding and queues.');
    expect(to(s.priyaId)).toContain('I will send you the link to my talk');
    expect(to(s.samId)).toContain("you asked how I'd shard the ledger, and you liked my answer on queues");
    // A promise made to Priya is not repeated to Sam, and the old per-interview one is retired.
    expect(to(s.samId)).not.toMatch(/link to my talk|per-interview promise/);
    // The point to add goes to the interviewer it is about (caching: Priya), once.
    expect(
      drafts.filter((d) => d.message.body.includes('hit rate')).map((d) => d.message.contactIds[0]),
    ).toEqual([s.priyaId]);
    // The private "what to practise" never reaches a draft, of any kind.
    for (const d of drafts) expect(d.message.body).not.toContain('zebra-marker');
    const today = (await api.get('/api/today')).json().actions as Array<{ key: string; rule: string }>;
    for (const a of today.filter((x) => ['check-in', 'thank-you'].includes(x.rule))) {
      const d = await api.post('/api/drafts/for-action', { key: a.key });
      if (d.statusCode === 200) expect(d.json().message.body).not.toContain('zebra-marker');
    }
    // Unsigned (no name in settings): a hint, not a placeholder.
    expect(drafts[0]?.hints).toContain(
      'Set your name in Settings to sign your notes: this draft ends without one.',
    );
    expect(to(s.priyaId)).not.toMatch(/\[|your name/i);
    await api.close();
  });

  it('signs with the name from settings and writes dates the locale way', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    await api.patch('/api/settings', { displayName: 'Alex Morgan', locale: 'en-GB' });
    api.setNow('2026-12-01T19:00:00Z');
    const d = (
      await api.post('/api/drafts/for-action', { key: `thank-you:${s.interviewId}:${s.priyaId}` })
    ).json();
    expect(d.message.body).toMatch(/\nAlex Morgan$/);
    expect(d.message.subject).toContain('on Tuesday 1 December');
    expect(d.hints).toEqual([]);
    await api.close();
  });

  it('a check-in cites the latest interview held, not the first', async () => {
    const api = await createTestApi(t, { now: '2026-12-01T16:00:00Z' });
    const s = await seedStory(api);
    // The recruiter coordinated the first round only (a screen in November); the last round
    // was on 8 December.
    const screen = await api.post('/api/interviews', {
      opportunityId: s.opportunityId,
      start: '2026-11-24T09:00',
      end: '2026-11-24T09:30',
      timeZone: 'America/Los_Angeles',
      round: 'Screen',
      participants: [{ contactId: s.recruiterId, role: 'coordinator' }],
      interviewers: ['Kim Lo <kim@northwind.example>'],
    });
    expect(screen.statusCode).toBe(201);
    const second = await api.post('/api/interviews', {
      opportunityId: s.opportunityId,
      start: '2026-12-08T09:00',
      end: '2026-12-08T10:00',
      timeZone: 'America/Los_Angeles',
      round: 'Onsite',
      interviewers: ['Lee Park <lee@northwind.example>'],
    });
    expect(second.statusCode).toBe(201);
    api.setNow('2026-12-21T18:00:00Z');
    const today = (await api.get('/api/today')).json().actions as Array<{ key: string; rule: string }>;
    const checkIn = today.find((a) => a.rule === 'check-in');
    expect(checkIn).toBeDefined();
    const d = (await api.post('/api/drafts/for-action', { key: checkIn?.key })).json();
    expect(d.message.body).toContain('my interview on Tuesday, December 8');
    expect(d.message.body).not.toMatch(/November 24|December 1\b/);
    await api.close();
  });

  it('refuses a check with no recipient and a draft for an unknown action', async () => {
    const api = await createTestApi(t);
    const res = await api.post('/api/check', { body: 'Hi', kind: 'thank-you' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('contactId');
    const unknown = await api.post('/api/drafts/for-action', { key: 'thank-you:a:b' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('key');
    await api.close();
  });
});
