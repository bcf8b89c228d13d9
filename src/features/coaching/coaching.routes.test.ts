/**
 * Coaches through hosted HTTP on both dialects, with the invitation read from a real SMTP server
 * on loopback: invite, accept (only as the invited address), the dashboard's counts, a read-only
 * client view that leaves out note bodies and debriefs until the client shares them, revoke, and
 * every way a coach or a stranger could reach a client's data answering 404.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Browser, createHostedApi, type HostedApi } from '../../../test/hosted';
import { createTestApi } from '../../../test/http';
import { seedStory } from '../../../test/http-story';
import { type SmtpHarness, startSmtpHarness } from '../../../test/mail/smtp-harness';
import { describeEachDialect } from '../../../test/store';
import { Temporal } from '../../core/time';
import type { ServiceContext } from '../context';
import { COACHES_NEED_HOSTED } from './coaching.routes';
import { CLOSED_ACCOUNT_REASON, listMyCoaches } from './coaching.service';

const PASSWORD = 'Lobby-coffee-after-4pm';
const NOTE_BODY = 'Dear Priya, the cache-invalidation sketch you drew stayed with me.';
const NOTE_SUBJECT = 'Thank you for the system design round';
const MEMORABLE = 'She drew the queue topology on a napkin';
const PRIVATE_IMPROVE = 'Practise capacity estimates out loud';
const OPP_NOTES = 'Salary band 140-160 mentioned by Dana';

let smtp: SmtpHarness;
beforeAll(async () => {
  smtp = await startSmtpHarness();
});
afterAll(async () => {
  await smtp.close();
});

/** Signed in: with a system mail server the address is confirmed from the mailed link first. */
/**
 * Sign up and be signed in. A server with a system mail server may ask to confirm the address
 * first: then the link in the confirmation mail is opened, as a person would (it signs in).
 */
async function signUp(api: HostedApi, email: string, name: string): Promise<Browser> {
  const b = api.browser();
  const sent = smtp.accepted.length;
  const res = await b.post('/api/auth/sign-up/email', { email, password: PASSWORD, name });
  expect(res.statusCode, res.body).toBe(200);
  if ((await b.get('/api/auth/get-session')).json()?.user) return b;
  const raw = await mailTo(email.toLowerCase(), /verify-email/, sent);
  const link = /https?:\/\/[^/\s]+(\/api\/auth\/verify-email\?token=[A-Za-z0-9._-]+[^\s]*)/.exec(raw)?.[1];
  if (!link) throw new Error(`no confirmation link for ${email}`);
  const opened = await b.get(link);
  expect(opened.statusCode, opened.body).toBeLessThan(400);
  expect((await b.get('/api/auth/get-session')).json()?.user?.email).toBe(email.toLowerCase());
  return b;
}

/** The newest mail to `to` (after the first `after` accepted) matching `what`, quoted-printable undone. */
async function mailTo(to: string, what: RegExp, after = 0): Promise<string> {
  for (let i = 0; i < 100; i++) {
    for (const m of smtp.accepted.slice(after).reverse()) {
      const raw = m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      if (m.to.includes(to) && what.test(raw)) return raw;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail to ${to} matching ${what}`);
}

/** The latest invitation mailed to `to` (a queued system mail may leave a moment after the answer). */
const inviteMail = (to: string, after = 0) => mailTo(to, /coaching\/accept/, after);

async function inviteToken(to: string, after = 0): Promise<string> {
  const token = /\/coaching\/accept\?token=([A-Za-z0-9_-]+)/.exec(await inviteMail(to, after))?.[1];
  if (!token) throw new Error(`no link in the invitation to ${to}`);
  return token;
}

/** A client with a job hunt: an interview two days ago, a debrief, a draft and notes on the opportunity. */
async function clientWithData(api: HostedApi, email: string, name: string) {
  const b = await signUp(api, email, name);
  const s = await seedStory(b);
  // The seed interview is at "now"; one two days earlier makes overdue work (debrief, contacts).
  const iv = await b.post('/api/interviews', {
    opportunityId: s.opportunityId,
    start: '2026-11-29T09:00',
    end: '2026-11-29T10:00',
    timeZone: 'America/Los_Angeles',
    round: 'Phone screen',
    interviewers: ['Priya Raman <priya@northwind.example>'],
  });
  expect(iv.statusCode, iv.body).toBe(201);
  const debrief = await b.put(`/api/interviews/${iv.json().id}/debrief`, {
    feeling: 'Good',
    improve: PRIVATE_IMPROVE,
    notes: [{ contactId: s.priyaId, memorable: MEMORABLE }],
  });
  expect(debrief.statusCode, debrief.body).toBe(200);
  const draft = await b.post('/api/drafts', {
    kind: 'thank-you',
    contactIds: [s.priyaId],
    opportunityId: s.opportunityId,
    interviewId: iv.json().id,
    subject: NOTE_SUBJECT,
    body: NOTE_BODY,
  });
  expect(draft.statusCode, draft.body).toBe(200);
  const patched = await b.patch(`/api/opportunities/${s.opportunityId}`, { notes: OPP_NOTES });
  expect(patched.statusCode, patched.body).toBe(200);
  const me = (await b.get('/api/auth/get-session')).json().user.id as string;
  return { b, s, id: me, draftId: draft.json().id as string, interviewId: iv.json().id as string };
}

async function invite(client: Browser, email: string) {
  const res = await client.post('/api/coaching/coaches', { email });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string };
}

describeEachDialect('coaches', (t) => {
  it('invites by mail, accepts only as the invited address, lists the client with the overdue counts of their Today', async () => {
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    const sam = await clientWithData(api, 'sam@example.org', 'Sam Rivera');
    const grant = await invite(sam.b, '  Coach.Kim@Example.org ');
    expect(grant.status).toBe('invited');
    const mail = await inviteMail('coach.kim@example.org');
    expect(mail).toMatch(/Sam Rivera/);
    expect(mail).toMatch(/https:\/\/afterview\.test\/coaching\/accept\?token=[A-Za-z0-9_-]{40,}/);
    const token = await inviteToken('coach.kim@example.org');

    // Someone else who saw the link (or signed up with a typo) reads nothing.
    const typo = await signUp(api, 'coach.kin@example.org', 'Kim Typo');
    const refused = await typo.post('/api/coaching/accept', { token });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(
      /for coach\.kim@example\.org.*signed in as coach\.kin@example\.org/,
    );
    expect((await typo.get('/api/coaching/clients')).json().clients).toEqual([]);
    expect((await typo.get(`/api/coaching/clients/${sam.id}/today`)).statusCode).toBe(404);
    expect((await typo.get('/api/coaching/me')).json()).toEqual({ coachesSomeone: false });

    const kim = await signUp(api, 'COACH.KIM@example.org', 'Kim Okafor');
    const ok = await kim.post('/api/coaching/accept', { token });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ clientId: sam.id, clientName: 'Sam Rivera' });
    // Single use.
    expect((await kim.post('/api/coaching/accept', { token })).statusCode).toBe(404);
    expect((await kim.get('/api/coaching/me')).json()).toEqual({ coachesSomeone: true });

    const coaches = (await sam.b.get('/api/coaching/coaches')).json().coaches;
    expect(coaches).toMatchObject([
      { email: 'coach.kim@example.org', name: 'Kim Okafor', status: 'active', shareNotes: false },
    ]);

    const own = (await sam.b.get('/api/today')).json() as { actions: { due: string }[]; now: string };
    const nowMs = Date.parse(own.now);
    const overdue = own.actions.filter((a) => Date.parse(a.due) < nowMs).length;
    const dueToday = own.actions.filter(
      (a) => Date.parse(a.due) >= nowMs && a.due.slice(0, 10) === own.now.slice(0, 10),
    ).length;
    expect(overdue).toBeGreaterThan(0);
    expect(dueToday).toBeGreaterThan(0);
    const dash = (await kim.get('/api/coaching/clients')).json().clients;
    expect(dash).toEqual([
      {
        id: sam.id,
        name: 'Sam Rivera',
        email: 'sam@example.org',
        timeZone: 'UTC',
        overdue,
        dueToday,
        activeByStage: [{ stage: 'interviewing', count: 1 }],
        lastActivity: expect.any(String),
      },
    ]);
    await api.close();
  });

  it('shows the client read only: no note bodies, subjects, notes or debrief until shared; never the private debrief note', async () => {
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    const sam = await clientWithData(api, 'sam@example.org', 'Sam Rivera');
    const grant = await invite(sam.b, 'kim@example.org');
    const kim = await signUp(api, 'kim@example.org', 'Kim Okafor');
    expect(
      (await kim.post('/api/coaching/accept', { token: await inviteToken('kim@example.org') })).statusCode,
    ).toBe(200);

    const read = async () => {
      const out: Record<string, string> = {};
      for (const part of ['today', 'pipeline', 'insights']) {
        const res = await kim.get(`/api/coaching/clients/${sam.id}/${part}`);
        expect(res.statusCode, `${part}: ${res.body}`).toBe(200);
        out[part] = res.body;
      }
      return out;
    };
    const closed = await read();
    const pipeline = JSON.parse(closed.pipeline ?? '{}');
    expect(pipeline.client.name).toBe('Sam Rivera');
    expect(pipeline.opportunities[0]).toMatchObject({
      company: 'Northwind Labs',
      stage: 'interviewing',
      notes: null,
    });
    expect(pipeline.opportunities[0].messages[0]).toMatchObject({
      kind: 'thank-you',
      status: 'draft',
      subject: null,
      body: null,
    });
    expect(JSON.parse(closed.today ?? '{}').actions.length).toBeGreaterThan(0);
    for (const body of Object.values(closed)) {
      for (const secret of [NOTE_BODY, NOTE_SUBJECT, MEMORABLE, PRIVATE_IMPROVE, OPP_NOTES, 'Good']) {
        expect(body).not.toContain(secret);
      }
    }

    const shared = await sam.b.put(`/api/coaching/coaches/${grant.id}/share`, { shareNotes: true });
    expect(shared.statusCode, shared.body).toBe(200);
    const open = await read();
    for (const secret of [NOTE_BODY, NOTE_SUBJECT, MEMORABLE, OPP_NOTES])
      expect(open.pipeline).toContain(secret);
    // "What to practise" is private to the user whatever they share (DESIGN.md).
    for (const body of Object.values(open)) expect(body).not.toContain(PRIVATE_IMPROVE);

    await sam.b.put(`/api/coaching/coaches/${grant.id}/share`, { shareNotes: false });
    expect((await kim.get(`/api/coaching/clients/${sam.id}/pipeline`)).body).not.toContain(NOTE_BODY);
    await api.close();
  });

  it('revoke: the next request answers 404 and the dashboard is empty; inviting again works', async () => {
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    const sam = await clientWithData(api, 'sam@example.org', 'Sam Rivera');
    const grant = await invite(sam.b, 'kim@example.org');
    const kim = await signUp(api, 'kim@example.org', 'Kim Okafor');
    await kim.post('/api/coaching/accept', { token: await inviteToken('kim@example.org') });
    expect((await kim.get(`/api/coaching/clients/${sam.id}/today`)).statusCode).toBe(200);

    expect((await sam.b.post(`/api/coaching/coaches/${grant.id}/revoke`, {})).statusCode).toBe(204);
    for (const part of ['today', 'pipeline', 'insights']) {
      expect((await kim.get(`/api/coaching/clients/${sam.id}/${part}`)).statusCode, part).toBe(404);
    }
    expect((await kim.get('/api/coaching/clients')).json().clients).toEqual([]);
    expect((await sam.b.get('/api/coaching/coaches')).json().coaches).toEqual([]);

    const sentBefore = smtp.accepted.length;
    const again = await invite(sam.b, 'kim@example.org');
    expect(again.id).not.toBe(grant.id);
    expect(
      (await kim.post('/api/coaching/accept', { token: await inviteToken('kim@example.org', sentBefore) }))
        .statusCode,
    ).toBe(200);
    expect((await kim.get('/api/coaching/clients')).json().clients).toHaveLength(1);

    // The coach can stop too; the client then sees no coach.
    expect((await kim.post('/api/coaching/stop', { clientId: sam.id })).statusCode).toBe(204);
    expect((await kim.get(`/api/coaching/clients/${sam.id}/today`)).statusCode).toBe(404);
    expect((await sam.b.get('/api/coaching/coaches')).json().coaches).toEqual([]);
    await api.close();
  });

  it("a coach who deletes their account: the client's grant ends in the same stroke, the client's data is untouched, a pending invitation to the address stays", async () => {
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    const sam = await clientWithData(api, 'sam@example.org', 'Sam Rivera');
    const ann = await signUp(api, 'ann@example.org', 'Ann Lee');
    await invite(sam.b, 'kim@example.org');
    const kim = await signUp(api, 'kim@example.org', 'Kim Okafor');
    expect(
      (await kim.post('/api/coaching/accept', { token: await inviteToken('kim@example.org') })).statusCode,
    ).toBe(200);
    const annSent = smtp.accepted.length;
    const pending = await invite(ann, 'kim@example.org');
    await inviteToken('kim@example.org', annSent);
    expect((await sam.b.get('/api/coaching/coaches')).json().coaches).toMatchObject([
      { email: 'kim@example.org', status: 'active' },
    ]);
    const before = (await sam.b.get('/api/account/export')).body;

    const gone = await kim.post('/api/account/delete', { password: PASSWORD });
    expect(gone.statusCode, gone.body).toBe(204);

    // The client's Settings shows the coach ended, and why; the grant row is revoked.
    const coaches = (await sam.b.get('/api/coaching/coaches')).json().coaches;
    expect(coaches).toEqual([
      expect.objectContaining({
        email: 'kim@example.org',
        name: null,
        status: 'ended',
        endedAt: expect.any(String),
        endedReason: CLOSED_ACCOUNT_REASON,
      }),
    ]);
    // Ended is final: it cannot be shared with or revoked again.
    expect(
      (await sam.b.put(`/api/coaching/coaches/${coaches[0].id}/share`, { shareNotes: true })).statusCode,
    ).toBe(404);
    expect((await sam.b.post(`/api/coaching/coaches/${coaches[0].id}/revoke`, {})).statusCode).toBe(404);
    // Listed for 30 days, then gone from the list.
    const later = (days: number): ServiceContext => ({
      db: t.store.forAccount(sam.id),
      actor: { accountId: sam.id, kind: 'user' },
      now: Temporal.Instant.from(coaches[0].endedAt).add({ hours: days * 24 }),
    });
    expect(await listMyCoaches(later(29))).toHaveLength(1);
    expect(await listMyCoaches(later(31))).toEqual([]);
    const rows = await t.store.db
      .selectFrom('coach_grant')
      .selectAll()
      .where('account_id', '=', sam.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.revoked_at).not.toBeNull();
    expect((await sam.b.get('/api/account/export')).body).toBe(before);
    // An invitation to the address names no account yet: the person may sign up again and accept it.
    expect((await ann.get('/api/coaching/coaches')).json().coaches).toMatchObject([
      { id: pending.id, email: 'kim@example.org', status: 'invited' },
    ]);
    await api.close();
  });

  it('a new coach who opens the invitation signed out, signs up and confirms by mail lands back on the accept page with the token', async () => {
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    const sam = await clientWithData(api, 'sam@example.org', 'Sam Rivera');
    const sent = smtp.accepted.length;
    await invite(sam.b, 'kim@example.org');
    const token = await inviteToken('kim@example.org', sent);
    const acceptPath = `/coaching/accept?token=${token}`;

    // Signed out, the link goes to sign-in, carrying where she was heading.
    const kim = api.browser();
    const gate = await kim.get(acceptPath);
    expect(gate.statusCode).toBe(302);
    const signInUrl = new URL(String(gate.headers.location), 'https://afterview.test');
    expect(signInUrl.pathname).toBe('/sign-in');
    // What the sign-in page sends as the sign-up's callbackURL (web/src/pages/sign-in-page.tsx).
    const next = signInUrl.searchParams.get('next');
    expect(next).toBe(acceptPath);

    const mailsBefore = smtp.accepted.length;
    const res = await kim.post('/api/auth/sign-up/email', {
      email: 'kim@example.org',
      password: PASSWORD,
      name: 'Kim Okafor',
      callbackURL: next,
    });
    expect(res.statusCode, res.body).toBe(200);
    const raw = await mailTo('kim@example.org', /verify-email/, mailsBefore);
    const link = /https?:\/\/[^/\s]+(\/api\/auth\/verify-email\?token=[A-Za-z0-9._-]+[^\s]*)/.exec(raw)?.[1];
    if (!link) throw new Error('no confirmation link');
    const confirmed = await kim.get(link);
    expect(confirmed.statusCode).toBe(302);
    expect(confirmed.headers.location).toBe(acceptPath);
    // Signed in by the link, she accepts with the token the page now has.
    const ok = await kim.post('/api/coaching/accept', { token });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ clientId: sam.id, clientName: 'Sam Rivera' });
    await api.close();
  });

  it('a coach who already has an account but picks "create an account" from the invitation is mailed a sign-in link that leads back to the accept page', async () => {
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    const sam = await clientWithData(api, 'sam@example.org', 'Sam Rivera');
    await signUp(api, 'kim@example.org', 'Kim Okafor');
    const sent = smtp.accepted.length;
    await invite(sam.b, 'kim@example.org');
    const token = await inviteToken('kim@example.org', sent);
    const acceptPath = `/coaching/accept?token=${token}`;

    const kim = api.browser();
    const next = new URL(String((await kim.get(acceptPath)).headers.location), 'https://afterview.test');
    expect(next.searchParams.get('next')).toBe(acceptPath);
    const mailsBefore = smtp.accepted.length;
    const again = await kim.post('/api/auth/sign-up/email', {
      email: 'kim@example.org',
      password: 'Some-other-password-9',
      name: 'Kim',
      callbackURL: next.searchParams.get('next'),
    });
    expect(again.statusCode, again.body).toBe(200);
    const raw = await mailTo('kim@example.org', /already has one/, mailsBefore);
    const link = /https:\/\/afterview\.test(\/sign-in\S*)/.exec(raw)?.[1];
    expect(link).toBe(`/sign-in?next=${encodeURIComponent(acceptPath)}`);

    // A callbackURL to another site is not put in the mail.
    const evilBefore = smtp.accepted.length;
    await api.browser().post('/api/auth/sign-up/email', {
      email: 'kim@example.org',
      password: 'Some-other-password-9',
      name: 'Kim',
      callbackURL: '//evil.example/x',
    });
    const evil = await mailTo('kim@example.org', /already has one/, evilBefore);
    expect(/https:\/\/afterview\.test(\/sign-in\S*)/.exec(evil)?.[1]).toBe('/sign-in');
    await api.close();
  });

  it('a coach of A cannot read B, a stranger reads nothing, and a coach writing with the client ids changes nothing', async () => {
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    const a = await clientWithData(api, 'ann@example.org', 'Ann Lee');
    const b = await clientWithData(api, 'ben@example.org', 'Ben Cho');
    await invite(a.b, 'kim@example.org');
    const bGrant = await invite(b.b, 'someone@example.org');
    const kim = await signUp(api, 'kim@example.org', 'Kim Okafor');
    await kim.post('/api/coaching/accept', { token: await inviteToken('kim@example.org') });
    const stranger = await signUp(api, 'eve@example.org', 'Eve');

    for (const part of ['today', 'pipeline', 'insights']) {
      expect((await kim.get(`/api/coaching/clients/${b.id}/${part}`)).statusCode, `B ${part}`).toBe(404);
      expect(
        (await stranger.get(`/api/coaching/clients/${a.id}/${part}`)).statusCode,
        `stranger ${part}`,
      ).toBe(404);
      expect((await kim.get(`/api/coaching/clients/nobody/${part}`)).statusCode).toBe(404);
    }
    // A coach cannot touch the client's grants either (share, revoke act on one's own rows).
    expect((await kim.put(`/api/coaching/coaches/${bGrant.id}/share`, { shareNotes: true })).statusCode).toBe(
      404,
    );
    expect((await kim.post(`/api/coaching/coaches/${bGrant.id}/revoke`, {})).statusCode).toBe(404);
    expect((await stranger.post('/api/coaching/stop', { clientId: a.id })).statusCode).toBe(404);

    const before = (await a.b.get('/api/account/export')).body;
    const writes: Array<[string, () => Promise<{ statusCode: number }>]> = [
      ['patch opportunity', () => kim.patch(`/api/opportunities/${a.s.opportunityId}`, { role: 'x' })],
      ['stage', () => kim.put(`/api/opportunities/${a.s.opportunityId}/stage`, { stage: 'rejected' })],
      ['debrief', () => kim.put(`/api/interviews/${a.interviewId}/debrief`, { feeling: 'x' })],
      ['patch draft', () => kim.patch(`/api/messages/${a.draftId}`, { body: 'x' })],
      ['mark sent', () => kim.post(`/api/messages/${a.draftId}/sent`, {})],
      [
        'draft to their contact',
        () => kim.post('/api/drafts', { kind: 'thank-you', contactIds: [a.s.priyaId] }),
      ],
    ];
    for (const [name, call] of writes) expect((await call()).statusCode, name).toBe(404);
    expect((await kim.post('/api/actions/done', { key: `debrief:${a.interviewId}` })).statusCode).toBe(400);
    expect((await a.b.get('/api/account/export')).body).toBe(before);
    await api.close();
  });

  it('local mode has no coaches: every coaching path answers 404 with a sentence saying why', async () => {
    const api = await createTestApi(t.store);
    for (const res of [
      await api.get('/api/coaching/clients'),
      await api.get('/api/coaching/coaches'),
      await api.get('/api/coaching/clients/x/today'),
      await api.post('/api/coaching/coaches', { email: 'kim@example.org' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe(COACHES_NEED_HOSTED);
    }
  });

  it('without a system mail server an invitation is refused and leaves nothing behind', async () => {
    const api = await createHostedApi(t.store);
    const sam = await signUp(api, 'sam@example.org', 'Sam Rivera');
    const res = await sam.post('/api/coaching/coaches', { email: 'kim@example.org' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.message).toMatch(/AFTERVIEW_SYSTEM_SMTP_URL/);
    expect((await sam.get('/api/coaching/coaches')).json().coaches).toEqual([]);
    expect(await t.store.db.selectFrom('coach_grant').selectAll().execute()).toEqual([]);
    await api.close();
  });

  it('inviting again retires the older link; at most 10 coaches or invitations, and 20 invitation mails a day', async () => {
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    const sam = await signUp(api, 'sam@example.org', 'Sam Rivera');
    let sent = smtp.accepted.length;
    await invite(sam, 'kim@example.org');
    const first = await inviteToken('kim@example.org', sent);
    sent = smtp.accepted.length;
    await invite(sam, 'kim@example.org');
    const second = await inviteToken('kim@example.org', sent);
    expect(second).not.toBe(first);
    expect((await sam.get('/api/coaching/coaches')).json().coaches).toHaveLength(1);
    const kim = await signUp(api, 'kim@example.org', 'Kim Okafor');
    const old = await kim.post('/api/coaching/accept', { token: first });
    expect(old.statusCode).toBe(404);
    expect(old.json().error.message).toMatch(/no longer valid/);
    expect((await kim.post('/api/coaching/accept', { token: second })).statusCode).toBe(200);

    const ids: string[] = [];
    for (let i = 1; i <= 9; i++) ids.push((await invite(sam, `coach${i}@example.org`)).id);
    const tooMany = await sam.post('/api/coaching/coaches', { email: 'coach10@example.org' });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error.message).toMatch(/10 coaches and invitations/);

    // 11 invitations so far; withdraw the nine and send nine more: 20 in a day, then no more.
    for (const id of ids)
      expect((await sam.post(`/api/coaching/coaches/${id}/revoke`, {})).statusCode).toBe(204);
    for (let i = 11; i <= 19; i++) await invite(sam, `coach${i}@example.org`);
    await sam.post(
      `/api/coaching/coaches/${(await sam.get('/api/coaching/coaches')).json().coaches[1].id}/revoke`,
      {},
    );
    const limited = await sam.post('/api/coaching/coaches', { email: 'coach20@example.org' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toMatch(/20 invitations in the last 24 hours/);
    await api.close();
  });
});
