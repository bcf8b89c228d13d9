/**
 * Isolation you can prove (issue 12): every route of the HOSTED server, read from Fastify's own
 * route table as the server adds it (not a hand-kept list), is called by account B with account
 * A's ids in every path parameter, query field and body field that holds an id. Reads and writes
 * that name A's records answer 404; routes without ids answer without a trace of A; and A's full
 * export, every row of A and everything A's own pages show are the same before and after.
 *
 * A new route is covered without anyone remembering it: a path parameter with no mapping, a body
 * route with no sample body, or a querystring with no sample fails the test with the route's name.
 */
import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHostedApi, type HostedApi } from '../../test/hosted';
import { signUpConfirmed } from '../../test/hosted-signup';
import { seedStory } from '../../test/http-story';
import { type SmtpHarness, startSmtpHarness } from '../../test/mail/smtp-harness';
import { describeEachDialect } from '../../test/store';
import type { Store } from '../db/connect';
import { newId } from '../db/ids';
import { CSRF_COOKIE, CSRF_HEADER } from './security';

const PASSWORD_A = 'Quokka-lobby-coffee-4pm';
const PASSWORD_B = 'Badger-parking-lot-5pm';
const EMAIL_A = 'ada.quokka@example.org';
const EMAIL_B = 'bert.badger@example.org';
/** A's coach (accepted) and a second invitation of A's still pending. */
const COACH_A = 'carla.coach@quokka.example';
const PENDING_COACH_A = 'dora.pending@quokka.example';

/** Words that exist only in A's data: none of them may appear in any answer to B. */
const A_MARKS = [
  'Zanzibar Quokka Ltd',
  'Quillon Vexmoor',
  'QUOKKA-DEBRIEF-MARK',
  'QUOKKA-PRIVATE-MARK',
  'QUOKKA-DRAFT-MARK',
  'QUOKKA-SCHEDULED-MARK',
  'QUOKKA-TEMPLATE-MARK',
  'QUOKKA-PERSON-MARK',
  'QUOKKA-SIGNATURE-MARK',
  EMAIL_A,
  'quillon@quokka.example',
  COACH_A,
  PENDING_COACH_A,
];

/** What an id slot names; each account has its own ids of each kind. */
type Kind =
  | 'opportunity'
  | 'interview'
  | 'contact'
  | 'message'
  | 'actionKey'
  | 'session'
  | 'account'
  | 'grant'
  | 'inviteToken';
type Ids = Record<Kind, string[]>;

/**
 * Path parameters → the kind of id they hold, by the route's path. `null`: a name shared by every
 * account (a template's name), so the route is checked like a route without ids — the answer
 * carries nothing of A and A's own view of it does not change.
 */
function paramKind(url: string, param: string): Kind | null | undefined {
  if (param === 'clientId') return 'account';
  if (param === 'contactId') return 'contact';
  if (url.startsWith('/api/templates/') && param === 'name') return null;
  if (param !== 'id') return undefined;
  if (url.startsWith('/api/opportunities/')) return 'opportunity';
  if (url.startsWith('/api/interviews/')) return 'interview';
  if (url.startsWith('/api/messages/')) return 'message';
  if (url.startsWith('/api/people/')) return 'contact';
  if (url.startsWith('/api/coaching/coaches/')) return 'grant';
  return undefined;
}

/** Routes that cannot carry another account's data through a session, each with why. */
const SKIPPED: Record<string, string> = {
  '/api/auth/*':
    "better-auth's own routes (session, sessions, verify, update-user…) act only on the caller's session; revoke-session with A's token and sign-out are called below",
  '/api/auth/sign-in/email': 'signs in with an address and password, not a session: no account is named',
  '/api/auth/sign-up/email': 'creates a new account; tested in hosted.test.ts',
  '/api/auth/request-password-reset': 'mails the address given, whoever asks; names no account data',
  '/api/auth/reset-password': 'acts on a reset token mailed to the owner, not on a session',
  '/api/auth/send-verification-email':
    'mails a confirmation link to the address given, whoever asks, with one answer for every address; names no account data',
  '/feed/:file':
    'the calendar feed has no session: its unguessable token is the key (unknown and revoked tokens are 404 in the calendar feed tests)',
};

type IdOf = (kind: Kind) => string;
type Sample = (id: IdOf) => unknown;

const VCARD = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bea Brock\r\nEMAIL:bea@brock.example\r\nEND:VCARD\r\n';

/** A valid body for every route that takes one, keyed by "METHOD /url"; ids come from `id`. */
const BODIES: Record<string, Sample> = {
  'POST /api/opportunities': () => ({ company: 'Brockwell Inc', role: 'Tester' }),
  'PATCH /api/opportunities/:id': (id) => ({ role: 'Changed by B', recruiterId: id('contact') }),
  'PUT /api/opportunities/:id/stage': () => ({ stage: 'rejected' }),
  'POST /api/interviews': (id) => ({
    opportunityId: id('opportunity'),
    start: '2026-12-05T10:00',
    end: '2026-12-05T11:00',
    participants: [{ contactId: id('contact'), role: 'interviewer' }],
  }),
  'PATCH /api/interviews/:id': () => ({ round: 'Changed by B' }),
  'PUT /api/interviews/:id/participants/:contactId': () => ({ role: 'observer' }),
  'PUT /api/interviews/:id/debrief': (id) => ({
    feeling: 'B wrote this',
    notes: [{ contactId: id('contact'), memorable: 'B wrote this too' }],
  }),
  'POST /api/messages': (id) => ({
    direction: 'in',
    kind: 'reply',
    contactId: id('contact'),
    opportunityId: id('opportunity'),
  }),
  'POST /api/drafts': (id) => ({
    kind: 'thank-you',
    contactIds: [id('contact')],
    body: 'B wrote this',
    opportunityId: id('opportunity'),
    interviewId: id('interview'),
  }),
  'PATCH /api/messages/:id': () => ({ body: 'B wrote this' }),
  'POST /api/messages/:id/sent': () => ({}),
  'POST /api/messages/:id/send': () => ({ force: true }),
  'POST /api/drafts/for-action': (id) => ({ key: id('actionKey') }),
  'POST /api/check': (id) => ({
    body: 'Hi there, thank you for the chat.',
    contactId: id('contact'),
    kind: 'thank-you',
    opportunityId: id('opportunity'),
  }),
  'PATCH /api/people/:id': () => ({ notes: 'B wrote this' }),
  'POST /api/actions/done': (id) => ({ key: id('actionKey') }),
  'POST /api/actions/dismiss': (id) => ({ key: id('actionKey') }),
  'POST /api/actions/undo': (id) => ({ key: id('actionKey') }),
  'POST /api/actions/snooze': (id) => ({ key: id('actionKey'), until: '2026-12-03T09:00' }),
  'POST /api/demo': () => ({ scale: 1 }),
  'PUT /api/templates/:name': () => ({ text: 'Hi {{ recipient.first_name }}, B template.' }),
  'PATCH /api/settings': () => ({ displayName: 'Bert B', signature: 'Bert' }),
  'POST /api/imports/preview': () => ({ fileName: 'b.vcf', text: VCARD }),
  'POST /api/imports': (id) => ({
    file: { fileName: 'b.vcf', text: VCARD },
    opportunityId: id('opportunity'),
    interviewId: id('interview'),
  }),
  'PUT /api/mail/smtp': () => ({ url: 'smtp://bert:b-secret@127.0.0.1:2525?from=bert.badger@example.org' }),
  'PUT /api/mail/imap': () => ({ url: null }),
  'PATCH /api/mail/identity': () => ({ fromName: 'Bert' }),
  'POST /api/mail/test': () => ({}),
  'POST /api/sessions/revoke': (id) => ({ id: id('session') }),
  'POST /api/coaching/coaches': () => ({ email: 'benny.coach@example.org' }),
  'PUT /api/coaching/coaches/:id/share': () => ({ shareNotes: true }),
  'POST /api/coaching/accept': (id) => ({ token: id('inviteToken') }),
  'POST /api/coaching/stop': (id) => ({ clientId: id('account') }),
  // Names no record: a restore only ever writes into the caller's own account (restore.routes.test.ts).
  'POST /api/account/restore': () => ({ backup: '{}' }),
  // Run last (see `order`): B deletes its own account; A must keep all of its own.
  'POST /api/account/delete': () => ({ password: PASSWORD_B }),
};

/** A valid querystring for every route that declares one. */
const QUERIES: Record<string, (id: IdOf) => Record<string, string>> = {
  'GET /api/interviews': (id) => ({ opportunityId: id('opportunity') }),
  'GET /api/messages': (id) => ({ opportunityId: id('opportunity') }),
  'GET /api/messages/for-action': (id) => ({ key: id('actionKey') }),
  // The override of checker errors: with it, nothing but the id stands between B and A's note.
  'GET /api/messages/:id/mailto': () => ({ force: '1' }),
  'GET /api/messages/:id/eml': () => ({ force: '1' }),
};

interface Route {
  method: string;
  url: string;
  /** "METHOD /url" with a GET's HEAD twin named as the GET, for the sample tables. */
  key: string;
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
}

/** One entry per method of every route Fastify registers. */
function collector(): { routes: Route[]; onRoute: (r: RouteOptions) => void } {
  const routes: Route[] = [];
  return {
    routes,
    onRoute: (r) => {
      const schema = (r.schema ?? {}) as Route['schema'];
      for (const method of Array.isArray(r.method) ? r.method : [r.method]) {
        const sampleMethod = method === 'HEAD' ? 'GET' : method;
        routes.push({ method, url: r.url, key: `${sampleMethod} ${r.url}`, schema });
      }
    },
  };
}

const paramNames = (url: string) => [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '');

interface Zodish {
  safeParse(value: unknown): { success: boolean; error?: unknown };
}
const isZod = (s: unknown): s is Zodish =>
  typeof s === 'object' && s !== null && typeof (s as { safeParse?: unknown }).safeParse === 'function';

interface Plan {
  route: Route;
  /** Which slots (in the order the path, query and body ask for ids) carry A's id. */
  slotsOfA: boolean[];
  url: string;
  body: unknown;
  /** A's ids this call carries (B may see these echoed in its own error message). */
  sent: string[];
  /** It carries A's invitation token: a bearer secret mailed to the invited coach (see BEARER). */
  bearer: boolean;
}

/**
 * Kinds that are not ids but bearer secrets: whoever holds one was sent it by mail. B holding A's
 * pending invitation token may be refused with what that mail already said (who invites whom),
 * but must never become A's coach (A's rows are compared after the sweep).
 */
const BEARER: ReadonlySet<Kind> = new Set(['inviteToken']);
/**
 * What A's coach never sees, through any route, while A has not ticked "share my notes": note
 * bodies, the debrief, A's own notes about a person, A's template and signature.
 */
const COACH_NEVER_SEES = [
  'QUOKKA-DEBRIEF-MARK',
  'QUOKKA-PRIVATE-MARK',
  'QUOKKA-DRAFT-MARK',
  'QUOKKA-SCHEDULED-MARK',
  'QUOKKA-TEMPLATE-MARK',
  'QUOKKA-PERSON-MARK',
  'QUOKKA-SIGNATURE-MARK',
];
/** Calls the coach pass leaves out: they end the coach's own account or coaching, which C may do. */
const COACH_SKIPS = new Set(['POST /api/account/delete', 'POST /api/coaching/stop']);

/** What the invitation mail itself tells its holder. */
const IN_INVITATION_MAIL = [EMAIL_A, PENDING_COACH_A];

/**
 * The calls for one route: every id slot A's; and when a route names several records, each one
 * A's while the others are B's own (attaching A's person to B's interview is the classic leak).
 */
function planCalls(route: Route, a: Ids, b: Ids): Plan[] | string {
  const kinds: Array<Kind | null> = [];
  for (const name of paramNames(route.url)) {
    const kind = paramKind(route.url, name);
    if (kind === undefined) {
      return `${route.method} ${route.url}: no id mapping for path parameter :${name} — add it to paramKind in this test`;
    }
    kinds.push(kind);
  }
  const sample = BODIES[route.key];
  if (route.schema.body !== undefined && !sample) {
    return `${route.key}: takes a body but has no sample body — add a valid one to BODIES in this test`;
  }
  const query = QUERIES[route.key];
  if (route.schema.querystring !== undefined && !query) {
    return `${route.key}: takes a querystring but has no sample — add one to QUERIES in this test`;
  }
  // Count the id slots of the query and body by asking the samples once.
  const extra: Kind[] = [];
  const record: IdOf = (kind) => {
    extra.push(kind);
    return 'x';
  };
  query?.(record);
  if (route.schema.body !== undefined) sample?.(record);
  const slots = [...kinds.filter((k): k is Kind => k !== null), ...extra];
  const build = (slotsOfA: boolean[], pick: number): Plan | string => {
    let i = 0;
    const sent: string[] = [];
    let bearer = false;
    const idOf: IdOf = (kind) => {
      const fromA = slotsOfA[i++] ?? false;
      if (fromA && BEARER.has(kind)) bearer = true;
      const list = (fromA ? a : b)[kind];
      const value = list[Math.min(pick, list.length - 1)] ?? '';
      if (fromA) sent.push(value);
      return value;
    };
    let url = route.url;
    for (const [n, name] of paramNames(route.url).entries()) {
      const kind = kinds[n];
      url = url.replace(`:${name}`, encodeURIComponent(kind ? idOf(kind) : 'thank-you'));
    }
    if (query) url += `?${new URLSearchParams(query(idOf)).toString()}`;
    const body = route.schema.body !== undefined ? sample?.(idOf) : undefined;
    if (isZod(route.schema.body) && !route.schema.body.safeParse(body).success) {
      return `${route.key}: the sample body does not pass the route's own schema (a 400 proves nothing): ${JSON.stringify(body)}`;
    }
    return { route, slotsOfA, url, body, sent, bearer };
  };
  const variants: boolean[][] = [slots.map(() => true)];
  if (slots.length > 1) for (let j = 0; j < slots.length; j++) variants.push(slots.map((_, k) => k === j));
  // A kind with several ids of A (a draft and a scheduled note) is tried with each.
  const picks = Math.max(1, ...slots.map((k) => a[k].length));
  const plans: Plan[] = [];
  for (const v of slots.length === 0 ? [[]] : variants) {
    for (let p = 0; p < (slots.length === 0 ? 1 : picks); p++) {
      const plan = build(v, p);
      if (typeof plan === 'string') return plan;
      plans.push(plan);
    }
  }
  return plans;
}

let smtp: SmtpHarness;
beforeAll(async () => {
  smtp = await startSmtpHarness();
});
afterAll(async () => {
  await smtp.close();
});

/** Every row of the account, table by table (better-auth's by the user's id), as sorted JSON. */
async function rowsOf(store: Store, accountId: string): Promise<Record<string, string[]>> {
  const tables = await store.db.introspection.getTables();
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    if (table.name.startsWith('kysely_')) continue;
    const columns = table.columns.map((c) => c.name);
    const key = table.name === 'account' || table.name === 'auth_user' ? 'id' : 'account_id';
    if (!columns.includes(key)) continue;
    const rows = await store.db
      .selectFrom(table.name as 'account')
      .selectAll()
      .where(key as 'id', '=', accountId)
      .execute();
    out[table.name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

type Who = { cookies: Map<string, string> };

async function call(api: HostedApi, who: Who, method: string, url: string, body?: unknown) {
  const write = method !== 'GET' && method !== 'HEAD';
  const origin = 'https://afterview.test';
  return api.app.inject({
    method: method as 'GET',
    url,
    headers: {
      host: 'afterview.test',
      ...(write && {
        origin,
        'sec-fetch-site': 'same-origin',
        [CSRF_HEADER]: who.cookies.get(CSRF_COOKIE) ?? '',
      }),
    },
    cookies: Object.fromEntries(who.cookies),
    ...(body !== undefined && { payload: body as Record<string, unknown> }),
  });
}

/**
 * An answer without what changes on every call whatever the data: the calendar's DTSTAMP (the ics
 * library's Date.now(), not the pinned clock) and an .eml's random MIME boundary.
 */
const steady = (body: string) =>
  body.replace(/DTSTAMP:\d{8}T\d{6}Z/g, 'DTSTAMP:…').replace(/_NmP-[0-9a-f]+-Part/g, '_NmP-…-Part');

/** The invitation token in the newest mail to `to` (the link `/coaching/accept?token=…`). */
function inviteToken(smtp: SmtpHarness, to: string): string {
  for (const mail of smtp.accepted.filter((m) => m.to.includes(to)).reverse()) {
    const raw = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const token = /coaching\/accept\?token=([A-Za-z0-9_-]+)/.exec(raw)?.[1];
    if (token) return token;
  }
  throw new Error(`no invitation mail to ${to}`);
}

/** The same call with every id of A replaced by a fresh id that exists nowhere. */
async function callWithUnknownIds(
  api: HostedApi,
  who: Who,
  method: string,
  plan: Plan,
  idsOfA: string[],
): Promise<{ statusCode: number; body: string }> {
  const fresh = new Map(plan.sent.map((v) => [v, v]));
  let url = plan.url;
  let body = plan.body === undefined ? undefined : JSON.stringify(plan.body);
  // Longest first: an action key holds other ids of A inside it.
  for (const id of [...idsOfA].sort((x, y) => y.length - x.length)) {
    if (!url.includes(encodeURIComponent(id)) && !url.includes(id) && !body?.includes(id)) continue;
    const other = newId();
    fresh.set(id, other);
    url = url.replaceAll(encodeURIComponent(id), encodeURIComponent(other)).replaceAll(id, other);
    body = body?.replaceAll(id, other);
  }
  const res = await call(api, who, method, url, body === undefined ? undefined : JSON.parse(body));
  // Put A's ids back where the answer echoes the fresh ones, to compare the two answers.
  let text = res.body;
  for (const [id, other] of fresh)
    text = text.replaceAll(other, id).replaceAll(encodeURIComponent(other), encodeURIComponent(id));
  return { statusCode: res.statusCode, body: text };
}

describeEachDialect('route-table isolation (hosted server, every route)', (t) => {
  it("calls every route as B with A's ids: 404 or no trace of A, and A unchanged to the byte", async () => {
    const { routes, onRoute } = collector();
    const api = await createHostedApi(t.store, { smtpUrl: smtp.url, onRoute });

    // --- Account A, seeded with real data through the API.
    const a = await signUpConfirmed(api, smtp, { email: EMAIL_A, password: PASSWORD_A, name: 'Ada' });
    const s = await seedStory(a);
    const extra = await a.post('/api/opportunities', {
      company: 'Zanzibar Quokka Ltd',
      role: 'Staff Engineer',
      recruiter: 'Quillon Vexmoor <quillon@quokka.example>',
    });
    expect(extra.statusCode, extra.body).toBe(201);
    const aReq = (m: string, url: string, body?: unknown) => call(api, a, m, url, body);
    const ok = async (res: Promise<LightMyRequestResponse>) => {
      const r = await res;
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r;
    };
    await ok(
      aReq('PUT', `/api/interviews/${s.interviewId}/debrief`, {
        feeling: 'QUOKKA-DEBRIEF-MARK went well',
        improve: 'QUOKKA-PRIVATE-MARK what to practise',
        notes: [{ contactId: s.priyaId, memorable: 'QUOKKA-DEBRIEF-MARK her chaos drills' }],
      }),
    );
    await ok(aReq('PATCH', `/api/people/${s.samId}`, { notes: 'QUOKKA-PERSON-MARK met in the lobby' }));
    await ok(aReq('PATCH', '/api/settings', { signature: 'QUOKKA-SIGNATURE-MARK', displayName: 'Ada Q' }));
    await ok(aReq('POST', '/api/settings/feed'));
    const draft = (
      await ok(
        aReq('POST', '/api/drafts', {
          kind: 'thank-you',
          contactIds: [s.priyaId],
          body: 'Hi Priya, QUOKKA-DRAFT-MARK thank you.',
          opportunityId: s.opportunityId,
          interviewId: s.interviewId,
        }),
      )
    ).json().id as string;
    await ok(
      aReq('PUT', '/api/mail/smtp', {
        url: `${smtp.url}${smtp.url.includes('?') ? '&' : '?'}from=${EMAIL_A}`,
      }),
    );
    const note = (
      await ok(
        aReq('POST', '/api/drafts', {
          kind: 'other',
          contactIds: [s.recruiterId],
          subject: 'Checking in',
          body: 'Hi Dana, QUOKKA-SCHEDULED-MARK checking in.',
          opportunityId: s.opportunityId,
        }),
      )
    ).json().id as string;
    const scheduled = await ok(
      aReq('POST', `/api/messages/${note}/send`, { at: '2026-12-08T09:00', force: true }),
    );
    expect(scheduled.json().message.status).toBe('scheduled');
    await ok(
      aReq('PUT', '/api/templates/thank-you', {
        text: 'Hi {{ recipient.first_name }}, QUOKKA-TEMPLATE-MARK.',
      }),
    );
    const today = (await ok(aReq('GET', '/api/today'))).json().actions as Array<{ key: string }>;
    expect(today.length).toBeGreaterThan(0);
    // A's coach, who accepted, and a second invitation still pending (its token from the mail; the
    // test browser's writes, unlike `call`, let the queued mail go out before they return).
    const hasCoaching = routes.some((r) => r.url === '/api/coaching/coaches');
    const coachingA = { grant: [] as string[], inviteToken: [] as string[] };
    let coachOfA: Who | null = null;
    if (hasCoaching) {
      const grant = (await ok(a.post('/api/coaching/coaches', { email: COACH_A }))).json().id as string;
      const coach = await signUpConfirmed(api, smtp, { email: COACH_A, password: PASSWORD_B, name: 'Carla' });
      await ok(call(api, coach, 'POST', '/api/coaching/accept', { token: inviteToken(smtp, COACH_A) }));
      coachOfA = coach;
      const pending = (await ok(a.post('/api/coaching/coaches', { email: PENDING_COACH_A }))).json()
        .id as string;
      coachingA.grant.push(grant, pending);
      coachingA.inviteToken.push(inviteToken(smtp, PENDING_COACH_A));
    }
    const sessionA = (await ok(aReq('GET', '/api/auth/get-session'))).json().session.id as string;
    const accountA = (await ok(aReq('GET', '/api/auth/get-session'))).json().user.id as string;

    // --- Account B, with a story of its own (for calls that mix B's records with one of A's).
    const b = await signUpConfirmed(api, smtp, { email: EMAIL_B, password: PASSWORD_B, name: 'Bert' });
    const sb = await seedStory(b);
    const bReq = (m: string, url: string, body?: unknown) => call(api, b, m, url, body);
    const draftB = (
      await ok(bReq('POST', '/api/drafts', { kind: 'thank-you', contactIds: [sb.priyaId], body: 'Hi Priya' }))
    ).json().id as string;
    const todayB = (await ok(bReq('GET', '/api/today'))).json().actions as Array<{ key: string }>;
    const coachingB = { grant: [] as string[], inviteToken: [] as string[] };
    if (hasCoaching) {
      const grant = (await ok(b.post('/api/coaching/coaches', { email: 'bo.coach@example.org' }))).json()
        .id as string;
      coachingB.grant.push(grant);
      coachingB.inviteToken.push(inviteToken(smtp, 'bo.coach@example.org'));
    }
    const sessionB = (await ok(bReq('GET', '/api/auth/get-session'))).json().session.id as string;
    const accountB = (await ok(bReq('GET', '/api/auth/get-session'))).json().user.id as string;

    const idsA: Ids = {
      opportunity: [s.opportunityId, extra.json().id],
      interview: [s.interviewId],
      contact: [s.priyaId, s.samId, s.recruiterId],
      message: [draft, note],
      actionKey: today.map((x) => x.key),
      session: [sessionA],
      account: [accountA],
      ...coachingA,
    };
    const idsB: Ids = {
      opportunity: [sb.opportunityId],
      interview: [sb.interviewId],
      contact: [sb.priyaId],
      message: [draftB],
      actionKey: todayB.map((x) => x.key).slice(0, 1),
      session: [sessionB],
      account: [accountB],
      ...coachingB,
    };
    const secretsOfA = [...new Set([...Object.values(idsA).flat(), ...A_MARKS])];
    for (const id of Object.values(idsB).flat()) expect(secretsOfA).not.toContain(id);

    // --- A, before: the export, every row, and what A's own GET routes answer.
    const viewsOfA = async () => {
      const views: Record<string, string> = {};
      for (const r of routes) {
        if (r.method !== 'GET' || SKIPPED[r.url] !== undefined) continue;
        const plans = planCalls(r, idsA, idsA);
        if (typeof plans === 'string') continue; // reported by the sweep below
        for (const p of plans) {
          const res = await call(api, a, 'GET', p.url);
          views[p.url] = `${res.statusCode} ${steady(res.body)}`;
        }
      }
      return views;
    };
    const exportBefore = (await ok(aReq('GET', '/api/account/export'))).body;
    const rowsBefore = await rowsOf(t.store, accountA);
    const viewsBefore = await viewsOfA();
    expect(rowsBefore.opportunity?.length).toBe(2);
    if (hasCoaching) expect(rowsBefore.coach_grant?.length).toBe(2);
    expect(rowsBefore.message?.length).toBeGreaterThanOrEqual(2);
    expect(exportBefore).toContain('QUOKKA-DEBRIEF-MARK');

    // --- The sweep.
    const problems: string[] = [];
    const likeUnknown = new Set<string>();
    const skipped = routes.filter((r) => SKIPPED[r.url] !== undefined);
    const swept = routes.filter((r) => SKIPPED[r.url] === undefined);
    // B deleting its own account ends B's session: that call goes last.
    const order = (r: Route) => (r.url === '/api/account/delete' ? 1 : 0);
    swept.sort((x, y) => order(x) - order(y));
    let calls = 0;

    /**
     * Call every swept route as `who` with A's ids. A's coach (`coach`) may read A's coach views
     * (GET routes with A's account as :clientId, and the coaching dashboard), but never a note
     * body, a debrief or anything else through any other route.
     */
    const sweepAs = async (who: Who, name: string, coach: boolean) => {
      for (const route of swept) {
        if (coach && COACH_SKIPS.has(`${route.method} ${route.url}`)) continue;
        const planned = planCalls(route, idsA, idsB);
        if (typeof planned === 'string') {
          problems.push(planned);
          continue;
        }
        // The coach has no records of their own to mix in: A's ids everywhere only.
        const plans = coach ? planned.filter((p) => p.slotsOfA.every(Boolean)) : planned;
        const coachView = coach && route.url.startsWith('/api/coaching/');
        for (const plan of plans) {
          calls++;
          const res = await call(api, who, route.method, plan.url, plan.body);
          const label = `${name}: ${route.method} ${plan.url} ${plan.body === undefined ? '' : JSON.stringify(plan.body)}`;
          const namesA = plan.sent.length > 0;
          if (coachView && paramNames(route.url).includes('clientId')) {
            if (res.statusCode !== 200)
              problems.push(`${label}: A's coach got ${res.statusCode}: ${res.body.slice(0, 300)}`);
          } else if (plan.bearer) {
            if (res.statusCode < 400 || res.statusCode >= 500) {
              problems.push(
                `${label}: A's bearer token answered ${res.statusCode}: ${res.body.slice(0, 300)}`,
              );
            }
          } else if (namesA && res.statusCode !== 404) {
            // Not 404: acceptable only as a refusal word for word the same as for an id that never
            // existed (an unknown action key is 400 for everyone), so it tells nothing about A.
            const unknown = await callWithUnknownIds(api, who, route.method, plan, secretsOfA);
            const same = unknown.statusCode === res.statusCode && unknown.body === res.body;
            if (same && res.statusCode >= 400 && res.statusCode < 500)
              likeUnknown.add(`${route.key} → ${res.statusCode}`);
            else problems.push(`${label}: answered ${res.statusCode}, not 404: ${res.body.slice(0, 300)}`);
          }
          if (!namesA && res.statusCode >= 500) {
            problems.push(`${label}: answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
          }
          if (res.statusCode === 401 && route.url !== '/api/account/delete') {
            problems.push(`${label}: the caller's session was lost (401)`);
          }
          // The caller may see the id it sent echoed in its own error; nothing else of A (a
          // coach's own views show A's pipeline and Today, but no note, debrief or template).
          const known = (x: string) =>
            plan.sent.some((v) => v.includes(x)) || (plan.bearer && IN_INVITATION_MAIL.includes(x));
          const hidden = coachView ? COACH_NEVER_SEES : secretsOfA;
          const leaked = hidden.filter((x) => !known(x) && res.body.includes(x));
          if (leaked.length > 0) problems.push(`${label}: the answer carries A's ${leaked.join(', ')}`);
        }
      }
    };
    if (coachOfA) await sweepAs(coachOfA, "A's coach", true);
    await sweepAs(b, 'B', false);
    expect(problems).toEqual([]);

    // --- better-auth's session routes, skipped above: B names A's session and signs out.
    // B signed its own account away last; sign in again as a fresh B' to act through better-auth.
    const c = await signUpConfirmed(api, smtp, {
      email: 'cleo@example.org',
      password: PASSWORD_B,
      name: 'C',
    });
    const tokenA = await t.store.db
      .selectFrom('auth_session')
      .select('token')
      .where('id', '=', sessionA)
      .executeTakeFirstOrThrow();
    const revokeA = await call(api, c, 'POST', '/api/auth/revoke-session', { token: tokenA.token });
    expect(revokeA.statusCode).toBeLessThan(500);
    expect((await call(api, c, 'POST', '/api/auth/revoke-other-sessions', {})).statusCode).toBe(200);
    expect((await call(api, c, 'POST', '/api/auth/sign-out', {})).statusCode).toBe(200);
    expect((await aReq('GET', '/api/opportunities')).statusCode).toBe(200);

    // --- A, after: the same export to the byte, the same rows, the same pages.
    expect((await aReq('GET', '/api/account/export')).body).toBe(exportBefore);
    expect(await rowsOf(t.store, accountA)).toEqual(rowsBefore);
    expect(await viewsOfA()).toEqual(viewsBefore);
    // B's account is gone whole (deleted as part of the sweep); A's is untouched above.
    expect(await t.store.db.selectFrom('account').select('id').where('id', '=', accountB).execute()).toEqual(
      [],
    );

    const reasons = [...new Set(skipped.map((r) => `${r.url}: ${SKIPPED[r.url]}`))];
    console.log(
      `route-table isolation [${t.dialect}]: ${swept.length} routes covered (${swept.filter((r) => r.method !== 'HEAD').length} without the HEAD twin of each GET; ${calls} calls), ${skipped.length} skipped:\n  ${reasons.join('\n  ')}\nrefused as for an unknown id (not 404): ${[...likeUnknown].join('; ') || 'none'}`,
    );
    expect(swept.length).toBeGreaterThanOrEqual(80);
    await api.close();
  }, 120_000);
});
