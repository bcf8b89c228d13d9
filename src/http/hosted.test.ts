import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHostedApi, type HostedApi } from '../../test/hosted';
import { confirmationPath, signUp as signUpAs, signUpConfirmed } from '../../test/hosted-signup';
import { type SmtpHarness, startSmtpHarness } from '../../test/mail/smtp-harness';
import { describeEachDialect } from '../../test/store';
import type { Store } from '../db/connect';
import { CONFIRM_FIRST, SIGN_IN_FAILED, SIGN_UP_SENT } from './hosted';
import { CSRF_COOKIE, CSRF_HEADER } from './security';

const PASSWORD = 'Lobby-coffee-after-4pm';

let smtp: SmtpHarness;
beforeAll(async () => {
  smtp = await startSmtpHarness();
});
afterAll(async () => {
  await smtp.close();
});

/** Rows in every table of the store (Kysely's own bookkeeping left out), by table name. */
async function tableCounts(store: Store): Promise<Record<string, number>> {
  const tables = await store.db.introspection.getTables();
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    if (name.startsWith('kysely_')) continue;
    const row = await store.db
      .selectFrom(name as 'account')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[name] = Number(row.n);
  }
  return counts;
}

/** A write as the web app sends it, from the client address `ip` (inject's remote address). */
async function injectFrom(api: HostedApi, ip: string, url: string, payload: Record<string, unknown>) {
  const csrf = api.browser().cookies.get(CSRF_COOKIE) ?? '';
  return api.app.inject({
    method: 'POST',
    url,
    remoteAddress: ip,
    headers: { host: 'afterview.test', origin: 'https://afterview.test', [CSRF_HEADER]: csrf },
    cookies: { [CSRF_COOKIE]: csrf },
    payload,
  });
}

describeEachDialect('hosted mode: accounts and sign-in', (t) => {
  /** A signed-in user; on a server with a mail server, after confirming the address from the mail. */
  const signUp = async (
    api: Awaited<ReturnType<typeof createHostedApi>>,
    email: string,
    mail?: SmtpHarness,
  ) => {
    return mail
      ? signUpConfirmed(api, mail, { email, password: PASSWORD })
      : signUpAs(api, { email, password: PASSWORD });
  };

  it('signs up, reads the session, signs out; without a session the API answers 401 JSON', async () => {
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    const anon = api.browser();
    const denied = await anon.get('/api/opportunities');
    expect(denied.statusCode).toBe(401);
    expect(denied.json().error.code).toBe('unauthenticated');
    const page = await anon.get('/pipeline');
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/sign-in?next=%2Fpipeline');

    const a = await signUp(api, 'ada@example.org', smtp);
    const session = await a.get('/api/auth/get-session');
    expect(session.json().user.email).toBe('ada@example.org');
    expect((await a.get('/api/opportunities')).statusCode).toBe(200);
    const out = await a.post('/api/auth/sign-out', {});
    expect(out.statusCode, out.body).toBe(200);
    expect((await a.get('/api/opportunities')).statusCode).toBe(401);

    const again = api.browser();
    const signIn = await again.post('/api/auth/sign-in/email', {
      email: 'ada@example.org',
      password: PASSWORD,
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect((await again.get('/api/opportunities')).statusCode).toBe(200);
    await api.close();
  });

  it('maps each user to one account with the same id, recreated if a crash lost it after sign-up', async () => {
    const api = await createHostedApi(t.store);
    const a = await signUp(api, 'ida@example.org');
    const user = await t.store.db.selectFrom('auth_user').select('id').executeTakeFirstOrThrow();
    const accounts = await t.store.db.selectFrom('account').select('id').execute();
    expect(accounts).toEqual([{ id: user.id }]);
    // As if the process died between better-auth's commit and the account row.
    await t.store.db.deleteFrom('account').where('id', '=', user.id).execute();
    expect((await a.get('/api/settings')).statusCode).toBe(200);
    expect(await t.store.db.selectFrom('account').select('id').execute()).toEqual([{ id: user.id }]);
    await api.close();
  });

  it('sets the session cookie Secure, HttpOnly and SameSite=Lax on an https public URL', async () => {
    const api = await createHostedApi(t.store);
    const b = api.browser();
    const res = await b.post('/api/auth/sign-up/email', {
      email: 'bo@example.org',
      password: PASSWORD,
      name: 'Bo',
    });
    const cookie = res.cookies.find((c) => c.name.includes('session_token'));
    expect(cookie?.name).toBe('__Secure-afterview.session_token');
    expect(cookie?.secure).toBe(true);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    await api.close();
  });

  it('answers the same for an unknown address and a wrong password, then 429 with when to retry', async () => {
    const api = await createHostedApi(t.store);
    await signUp(api, 'cy@example.org');
    const b = api.browser();
    const unknown = await b.post('/api/auth/sign-in/email', {
      email: 'nobody@example.org',
      password: PASSWORD,
    });
    const wrong = await b.post('/api/auth/sign-in/email', {
      email: 'cy@example.org',
      password: 'not-the-password-1',
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error.message).toBe(SIGN_IN_FAILED);
    let last = wrong;
    for (let i = 0; i < 5; i++) {
      last = await b.post('/api/auth/sign-in/email', {
        email: 'cy@example.org',
        password: `wrong-guess-${i}x`,
      });
    }
    expect(last.statusCode).toBe(429);
    expect(last.json().error.message).toMatch(/try again in \d+ (seconds|minutes?)/);
    // The account is locked for guessing, even with the right password, until the window passes.
    const right = await b.post('/api/auth/sign-in/email', { email: 'cy@example.org', password: PASSWORD });
    expect(right.statusCode).toBe(429);
    await api.close();
  });

  it('limits sign-in attempts per address (429 with Retry-After)', async () => {
    const api = await createHostedApi(t.store, { signInPerMinute: 3 });
    const b = api.browser();
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await b.post('/api/auth/sign-in/email', { email: `x${i}@example.org`, password: PASSWORD });
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect(res.headers['retry-after']).toBeDefined();
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    await api.close();
  });

  it('refuses a short or common password at sign-up, and creates nothing', async () => {
    const api = await createHostedApi(t.store);
    const b = api.browser();
    const short = await b.post('/api/auth/sign-up/email', {
      email: 'd@example.org',
      password: 'short1',
      name: 'D',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toMatch(/at least 10/);
    const common = await b.post('/api/auth/sign-up/email', {
      email: 'd@example.org',
      password: 'Password123',
      name: 'D',
    });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.message).toMatch(/most commonly used/);
    const users = await t.store.db.selectFrom('auth_user').select('id').execute();
    expect(users).toEqual([]);
    await api.close();
  });

  it("user B's session cannot read user A's opportunity (404)", async () => {
    const api = await createHostedApi(t.store);
    const a = await signUp(api, 'a@example.org');
    const b = await signUp(api, 'b@example.org');
    const made = await a.post('/api/opportunities', { company: 'Contoso', role: 'PM' });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    expect((await a.get(`/api/opportunities/${id}`)).statusCode).toBe(200);
    expect((await b.get(`/api/opportunities/${id}`)).statusCode).toBe(404);
    expect((await b.get('/api/opportunities')).json().opportunities).toEqual([]);
    await api.close();
  });

  it('deletes my account after the password: every row of it goes, the other account keeps all of its own', async () => {
    const api = await createHostedApi(t.store);
    const keep = await signUp(api, 'keep@example.org');
    expect((await keep.post('/api/demo', { scale: 2 })).statusCode).toBe(201);
    const before = await tableCounts(t.store);
    const gone = await signUp(api, 'gone@example.org');
    expect((await gone.post('/api/demo', { scale: 3 })).statusCode).toBe(201);
    const smtp = await gone.put('/api/mail/smtp', {
      url: 'smtp://me:sealed-secret@127.0.0.1:2525?from=gone@example.org',
    });
    expect(smtp.statusCode, smtp.body).toBe(200);
    const full = await tableCounts(t.store);
    expect(full.opportunity).toBeGreaterThan(before.opportunity ?? 0);
    expect(full.mail_account).toBeGreaterThan(before.mail_account ?? 0);

    // Export is offered first: the whole account as one JSON document.
    const exported = await gone.get('/api/account/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/attachment/);
    expect(exported.json().opportunities).toHaveLength(3);

    const wrong = await gone.post('/api/account/delete', { password: 'not-my-password-at-all' });
    expect(wrong.statusCode).toBe(403);
    expect(await tableCounts(t.store)).toEqual(full);

    const done = await gone.post('/api/account/delete', { password: PASSWORD });
    expect(done.statusCode, done.body).toBe(204);
    // Gone's sign-up was counted against the client address (auth_failure): not a row of the account.
    expect(await tableCounts(t.store)).toEqual({ ...before, auth_failure: full.auth_failure });
    expect((await gone.get('/api/opportunities')).statusCode).toBe(401);
    expect((await keep.get('/api/opportunities')).json().opportunities.length).toBe(2);
    await api.close();
  });

  it('sends the password reset mail through the system mail server, and the new password works', async () => {
    smtp.reset();
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    await signUp(api, 'eve@example.org', smtp);
    const b = api.browser();
    const ask = await b.post('/api/auth/request-password-reset', {
      email: 'eve@example.org',
      redirectTo: '/reset-password',
    });
    expect(ask.statusCode, ask.body).toBe(200);
    const mail = smtp.accepted.find((m) => m.to.includes('eve@example.org') && /Reset your/.test(m.raw));
    expect(mail).toBeDefined();
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mail?.raw.replace(/=\r?\n/g, '') ?? '')?.[1];
    expect(token).toBeTruthy();
    const reset = await b.post('/api/auth/reset-password', { token, newPassword: 'A-new-walk-by-the-river' });
    expect(reset.statusCode, reset.body).toBe(200);
    const signIn = await b.post('/api/auth/sign-in/email', {
      email: 'eve@example.org',
      password: 'A-new-walk-by-the-river',
    });
    expect(signIn.statusCode).toBe(200);
    await api.close();
  });

  it('limits password reset requests per account (429), and says so when the server has no mail server', async () => {
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    await signUp(api, 'hal@example.org', smtp);
    const b = api.browser();
    const ask = () =>
      b.post('/api/auth/request-password-reset', { email: 'hal@example.org', redirectTo: '/reset-password' });
    expect((await ask()).statusCode).toBe(200);
    expect((await ask()).statusCode).toBe(200);
    expect((await ask()).statusCode).toBe(200);
    const fourth = await ask();
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.message).toMatch(/password reset requests for this account; try again in/);
    await api.close();

    const mute = await createHostedApi(t.store);
    const res = await mute.browser().post('/api/auth/request-password-reset', { email: 'hal@example.org' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.message).toMatch(/AFTERVIEW_SYSTEM_SMTP_URL/);
    await mute.close();
  });

  it('lists my sessions, revokes one, and signs out everywhere', async () => {
    const api = await createHostedApi(t.store);
    const phone = await signUp(api, 'fay@example.org');
    const laptop = api.browser();
    expect(
      (await laptop.post('/api/auth/sign-in/email', { email: 'fay@example.org', password: PASSWORD }))
        .statusCode,
    ).toBe(200);
    const tablet = api.browser();
    const tabletSignIn = await tablet.post('/api/auth/sign-in/email', {
      email: 'fay@example.org',
      password: PASSWORD,
    });
    expect(tabletSignIn.statusCode).toBe(200);
    const list = await phone.get('/api/auth/list-sessions');
    const sessions = list.json() as Array<{ id: string }>;
    expect(sessions).toHaveLength(3);
    // Page scripts never see a session token: the cookie is HttpOnly for that reason.
    const own = await laptop.get('/api/auth/get-session');
    const tokens = await t.store.db.selectFrom('auth_session').select('token').execute();
    expect(tokens).toHaveLength(3);
    for (const { token } of tokens) {
      expect(list.body).not.toContain(token);
      expect(own.body).not.toContain(token);
      // better-auth puts the new session's token in the sign-in answer's body too.
      expect(tabletSignIn.body).not.toContain(token);
    }
    expect(tabletSignIn.json().user.email).toBe('fay@example.org');
    const laptopId = own.json().session.id as string;
    // Another account cannot sign my laptop out.
    const other = await signUp(api, 'mallory@example.org');
    expect((await other.post('/api/sessions/revoke', { id: laptopId })).statusCode).toBe(404);
    expect((await laptop.get('/api/opportunities')).statusCode).toBe(200);
    const revoked = await phone.post('/api/sessions/revoke', { id: laptopId });
    expect(revoked.statusCode, revoked.body).toBe(204);
    expect((await laptop.get('/api/opportunities')).statusCode).toBe(401);
    expect((await tablet.get('/api/opportunities')).statusCode).toBe(200);
    expect((await phone.post('/api/auth/revoke-sessions', {})).statusCode).toBe(200);
    expect((await tablet.get('/api/opportunities')).statusCode).toBe(401);
    expect((await phone.get('/api/opportunities')).statusCode).toBe(401);
    await api.close();
  });

  it('sends the confirmation mail at sign-up through the system mail server; its link verifies the address', async () => {
    smtp.reset();
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    await signUp(api, 'gil@example.org');
    const mail = smtp.accepted.find((m) => m.to.includes('gil@example.org'));
    expect(mail?.raw).toMatch(/Confirm your e-mail address/);
    const link = /https:\/\/afterview\.test(\/api\/auth\/verify-email\?token=[A-Za-z0-9._-]+)/.exec(
      mail?.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=') ?? '',
    )?.[1];
    expect(link).toBeTruthy();
    const verified = await api.browser().get(link ?? '');
    expect(verified.statusCode, verified.body).toBeLessThan(400);
    const user = await t.store.db
      .selectFrom('auth_user')
      .select('email_verified')
      .where('email', '=', 'gil@example.org')
      .executeTakeFirstOrThrow();
    expect(Boolean(user.email_verified)).toBe(true);
    await api.close();
  });

  it('believes X-Forwarded-For only from the configured proxy', async () => {
    const api = await createHostedApi(t.store, { signInPerMinute: 2, trustedProxy: '10.9.9.9' });
    const b = api.browser();
    const from = (remote: string, forwarded: string) => ({ remoteAddress: remote, forwarded });
    const tryFrom = async (o: { remoteAddress: string; forwarded: string }) =>
      (
        await api.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in/email',
          remoteAddress: o.remoteAddress,
          headers: {
            host: 'afterview.test',
            origin: 'https://afterview.test',
            'x-forwarded-for': o.forwarded,
            'x-csrf-token': b.cookies.get('afterview_csrf') ?? '',
          },
          cookies: Object.fromEntries(b.cookies),
          payload: { email: 'nobody@example.org', password: PASSWORD },
        })
      ).statusCode;
    // Through the proxy, each client address has its own budget.
    expect(await tryFrom(from('10.9.9.9', '203.0.113.1'))).toBe(401);
    expect(await tryFrom(from('10.9.9.9', '203.0.113.1'))).toBe(401);
    expect(await tryFrom(from('10.9.9.9', '203.0.113.1'))).toBe(429);
    expect(await tryFrom(from('10.9.9.9', '203.0.113.2'))).toBe(401);
    // From anyone else the header is ignored: a client cannot buy a fresh budget by inventing one.
    expect(await tryFrom(from('198.51.100.7', '203.0.113.3'))).toBe(401);
    expect(await tryFrom(from('198.51.100.7', '203.0.113.4'))).toBe(401);
    expect(await tryFrom(from('198.51.100.7', '203.0.113.5'))).toBe(429);
    await api.close();
  });

  it('health answers JSON without a session: /healthz up, /readyz database and migrations', async () => {
    const api = await createHostedApi(t.store);
    const b = api.browser();
    const health = await b.get('/healthz');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await b.get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', ok: true, database: 'reachable', migrations: 'current' });
    await api.close();
  });
  it('answers a sign-up for an address that has an account exactly as for a new one, and mails the owner', async () => {
    smtp.reset();
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    await signUp(api, 'owner@example.org', smtp);
    const attempt = async (email: string) => {
      const started = performance.now();
      const res = await api.browser().post('/api/auth/sign-up/email', {
        email,
        password: 'Someone-elses-passphrase-9',
        name: 'Mallory',
      });
      return { res, ms: performance.now() - started };
    };
    await attempt('warm-up@example.org');
    const fresh: number[] = [];
    const known: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await attempt(`new${i}@example.org`);
      const b = await attempt('OWNER@example.org');
      for (const { res } of [a, b]) {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({ status: 'check-your-mail', message: SIGN_UP_SENT });
        expect(res.cookies.filter((c) => c.name.includes('session'))).toEqual([]);
      }
      fresh.push(a.ms);
      known.push(b.ms);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[1] ?? 0;
    console.log(
      `sign-up: new address ${median(fresh).toFixed(0)} ms, known address ${median(known).toFixed(0)} ms (medians of 3)`,
    );
    // The same work either way (better-auth hashes the password for a known address too).
    expect(median(known) / median(fresh)).toBeGreaterThan(1 / 3);
    expect(median(known) / median(fresh)).toBeLessThan(3);

    const toOwner = smtp.accepted.filter((m) => m.to.includes('owner@example.org'));
    expect(toOwner.filter((m) => /Someone tried to create an Afterview account/.test(m.raw))).toHaveLength(3);
    expect(
      smtp.accepted.some((m) => m.to.includes('new0@example.org') && /Confirm your e-mail/.test(m.raw)),
    ).toBe(true);
    // The owner's account is untouched: their password still works, the other one does not.
    const b = api.browser();
    const other = await b.post('/api/auth/sign-in/email', {
      email: 'owner@example.org',
      password: 'Someone-elses-passphrase-9',
    });
    expect(other.statusCode).toBe(401);
    expect(
      (await b.post('/api/auth/sign-in/email', { email: 'owner@example.org', password: PASSWORD }))
        .statusCode,
    ).toBe(200);
    await api.close();
  });

  it('refuses to sign in an unconfirmed address with a sentence, and "send the link again" mails a link that signs in', async () => {
    smtp.reset();
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url });
    const b = api.browser();
    expect(
      (
        await b.post('/api/auth/sign-up/email', {
          email: 'una@example.org',
          password: PASSWORD,
          name: 'Una',
          callbackURL: '/pipeline',
        })
      ).statusCode,
    ).toBe(200);
    expect((await b.get('/api/opportunities')).statusCode).toBe(401);
    // The link goes on to where she was going once it has signed her in.
    expect(confirmationPath(smtp, 'una@example.org')).toContain('callbackURL=%2Fpipeline');
    const early = await b.post('/api/auth/sign-in/email', { email: 'una@example.org', password: PASSWORD });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.message).toBe(CONFIRM_FIRST);
    // Only someone with the password learns that the address waits for confirmation.
    const wrong = await b.post('/api/auth/sign-in/email', {
      email: 'una@example.org',
      password: 'not-the-password-1',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(SIGN_IN_FAILED);

    smtp.reset();
    const again = await b.post('/api/auth/send-verification-email', {
      email: 'una@example.org',
      callbackURL: '/',
    });
    expect(again.statusCode, again.body).toBe(200);
    const nobody = await b.post('/api/auth/send-verification-email', {
      email: 'nobody@example.org',
      callbackURL: '/',
    });
    expect(nobody.statusCode).toBe(200);
    expect(nobody.body).toBe(again.body);
    expect(smtp.accepted.map((m) => m.to)).toEqual([['una@example.org']]);
    const opened = await b.get(confirmationPath(smtp, 'una@example.org'));
    expect(opened.statusCode).toBe(302);
    expect(opened.headers.location).toBe('/');
    expect((await b.get('/api/opportunities')).statusCode).toBe(200);
    const later = await api
      .browser()
      .post('/api/auth/sign-in/email', { email: 'una@example.org', password: PASSWORD });
    expect(later.statusCode, later.body).toBe(200);

    await api.close();

    // Asking again and again is limited per address, like password resets (from another client
    // address, so the per-client budget of the route, shared with the first server, is not what answers).
    const other = await createHostedApi(t.store, { smtpUrl: smtp.url });
    const ask = () =>
      injectFrom(other, '192.0.2.44', '/api/auth/send-verification-email', { email: 'zed@example.org' });
    const codes = [(await ask()).statusCode, (await ask()).statusCode, (await ask()).statusCode];
    const fourth = await ask();
    expect([...codes, fourth.statusCode]).toEqual([200, 200, 200, 429]);
    expect(fourth.json().error.message).toMatch(/confirmation mails for this address; try again in/);
    await other.close();
  });

  it('without a system mail server, sign-up signs in at once (the address is not confirmed)', async () => {
    const api = await createHostedApi(t.store);
    const b = await signUp(api, 'solo@example.org');
    expect((await b.get('/api/opportunities')).statusCode).toBe(200);
    const user = await t.store.db.selectFrom('auth_user').select('email_verified').executeTakeFirstOrThrow();
    expect(Boolean(user.email_verified)).toBe(false);
    await api.close();
  });

  it('counts failed sign-ins in the database: two app processes share one budget, known and unknown addresses alike', async () => {
    // 13 sign-ins from one client address: the per-address budget (shared too) is not what answers.
    const one = await createHostedApi(t.store, { signInPerMinute: 100 });
    const two = await createHostedApi(t.store, { signInPerMinute: 100 });
    await signUp(one, 'pat@example.org');
    const guess = (api: typeof one, email: string, i: number) =>
      api.browser().post('/api/auth/sign-in/email', { email, password: `wrong-guess-${i}-xx` });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push((await guess(i % 2 === 0 ? one : two, 'pat@example.org', i)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const right = await two
      .browser()
      .post('/api/auth/sign-in/email', { email: 'Pat@Example.org', password: PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toMatch(/failed sign-ins for this account; try again in 15 minutes/);

    const unknown: number[] = [];
    for (let i = 0; i < 6; i++)
      unknown.push((await guess(i % 2 === 0 ? two : one, 'nobody@example.org', i)).statusCode);
    expect(unknown).toEqual(codes);
    // Addresses are kept only as hashes.
    const rows = await t.store.db
      .selectFrom('auth_failure')
      .selectAll()
      .where('kind', '=', 'sign-in')
      .execute();
    expect(rows).toHaveLength(10);
    expect(JSON.stringify(rows)).not.toMatch(/example\.org/);
    for (const r of rows) expect(r.key_hash).toMatch(/^[0-9a-f]{64}$/);
    await one.close();
    await two.close();
    // 15 scrypt hashes: about 5 s alone, past the default 20 s beside other PostgreSQL files.
  }, 60_000);

  it('counts sign-in attempts per client address in the database: two app processes share one budget', async () => {
    const one = await createHostedApi(t.store, { signInPerMinute: 3 });
    const two = await createHostedApi(t.store, { signInPerMinute: 3 });
    const attempt = (api: HostedApi, ip: string, i: number) =>
      injectFrom(api, ip, '/api/auth/sign-in/email', { email: `x${i}@example.org`, password: PASSWORD });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await attempt(i % 2 === 0 ? one : two, '203.0.113.9', i));
    // Kept per process, each server would have let all four through (two each, under its 3).
    expect(answers.map((r) => r.statusCode)).toEqual([401, 401, 401, 429]);
    const refused = answers[3];
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused?.json().error.message).toMatch(
      /^Too many sign-in attempts from this address; try again in (\d+ seconds|1 minute)\.$/,
    );
    // Refused on either server until the minute has passed; another client address has its own budget.
    expect((await attempt(one, '203.0.113.9', 5)).statusCode).toBe(429);
    expect((await attempt(two, '198.51.100.20', 6)).statusCode).toBe(401);
    // Sign-ups have a budget of their own: this address's sign-in attempts do not spend it.
    const signUp = await injectFrom(two, '203.0.113.9', '/api/auth/sign-up/email', {
      email: 'newbie@example.org',
      password: PASSWORD,
      name: 'Newbie',
    });
    expect(signUp.statusCode, signUp.body).toBe(200);
    // The client addresses are kept only as hashes.
    const rows = await t.store.db
      .selectFrom('auth_failure')
      .selectAll()
      .where('kind', 'in', ['client-sign-in', 'client-sign-up'])
      .execute();
    expect(rows.map((r) => r.kind).sort()).toEqual([
      // Three counted for the first address (the refused ones are not), one for the second.
      ...Array<string>(4).fill('client-sign-in'),
      'client-sign-up',
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113|198\.51\.100/);
    await one.close();
    await two.close();
  });
});
