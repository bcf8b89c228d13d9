/**
 * The coach's side at the service level, on both dialects: a client's Today worded about the
 * client, and the dashboard summarising several clients at once with each one's own counts.
 * (The HTTP story of invitations, sign-in and isolation is coaching.routes.test.ts.)
 */
import type { KyselyPlugin, QueryResult, UnknownRow } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store';
import { Temporal } from '../../core/time';
import { newId } from '../../db/ids';
import { createAccount } from '../accounts/account.service';
import type { Actor, ServiceContext } from '../context';
import { addInterview } from '../interviews/interview.service';
import { addOpportunity } from '../opportunities/opportunity.service';
import { getToday } from '../plan/plan.service';
import * as repo from './coaching.repository';
import { type CoachingEnv, clientToday, DASHBOARD_CONCURRENCY, listClients } from './coaching.service';

const NOW = Temporal.Instant.from('2026-12-01T21:00:00Z');
const STAMP = '2026-11-20T00:00:00.000Z';

/** Records the order in which the client handles send their queries (at compile time, before any waits). */
class QueryLog implements KyselyPlugin {
  constructor(private readonly clientId: string) {}
  transformQuery: KyselyPlugin['transformQuery'] = (args) => {
    log.push(this.clientId);
    return args.node;
  };
  transformResult = async (args: { result: QueryResult<UnknownRow> }) => args.result;
}
let log: string[] = [];

describeEachDialect('coaching service', (t) => {
  /** A signed-up user (better-auth's row, for the name) with an account. */
  async function user(name: string, timeZone = 'America/Los_Angeles'): Promise<Actor> {
    const actor = await createAccount(t.store.db, NOW, { timeZone, holidayRegion: null });
    await t.store.db
      .insertInto('auth_user')
      .values({
        id: actor.accountId,
        name,
        email: `${name.split(' ')[0]?.toLowerCase()}-${newId().slice(0, 6)}@example.org`,
        email_verified: t.dialect === 'sqlite' ? 1 : true,
        image: null,
        created_at: STAMP,
        updated_at: STAMP,
      })
      .execute();
    return actor;
  }

  /** A client with an interview that ended three hours ago, sharing with `coach`. */
  async function client(coach: Actor, name: string, timeZone?: string): Promise<ServiceContext> {
    const actor = await user(name, timeZone);
    const ctx: ServiceContext = { db: t.store.forAccount(actor.accountId), actor, now: NOW };
    const opp = await addOpportunity(ctx, {
      company: 'Northwind Labs',
      role: 'Senior Engineer',
      recruiter: 'Dana Whitfield <dana@northwind.example>',
    });
    await addInterview(ctx, {
      opportunityId: opp.id,
      start: '2026-12-01T17:00:00Z',
      end: '2026-12-01T18:00:00Z',
      round: 'System design',
      interviewers: ['Priya Raman <priya@northwind.example>', 'Sam Ortiz'],
    });
    await repo.insertGrant(ctx.db, {
      account_id: actor.accountId,
      id: newId(),
      coach_email: 'kim@example.org',
      coach_account_id: coach.accountId,
      share_notes: 0,
      token_hash: null,
      created_at: STAMP,
      accepted_at: STAMP,
      revoked_at: null,
    });
    return ctx;
  }

  const env = (logged = false): CoachingEnv => ({
    systemDb: t.store.db,
    forAccount: (id) =>
      logged ? t.store.forAccount(id).withPlugin(new QueryLog(id)) : t.store.forAccount(id),
    mailer: null,
    publicUrl: 'https://afterview.test',
  });

  it("words a client's Today about the client for the coach; the client's own Today still speaks to them", async () => {
    const kim = await user('Kim Okafor');
    const ana = await client(kim, 'Ana Lima');
    const own = await getToday(ana);
    const seen = await clientToday(env(), kim, ana.actor.accountId, NOW);

    expect(seen.actions.map((a) => [a.key, a.due, a.urgency])).toEqual(
      own.actions.map((a) => [a.key, a.due, a.urgency]),
    );
    const secondPerson = /(?<![-\w])(you|your)(?![-\w])/i;
    for (const a of seen.actions) expect(`${a.title} | ${a.reason}`).not.toMatch(secondPerson);
    expect(seen.actions.map((a) => a.title)).toContain(
      "Send Priya Raman a thank-you note for Ana Lima's Northwind Labs interview (System design)",
    );
    expect(own.actions.map((a) => a.title)).toContain(
      'Send Priya Raman a thank-you note for your Northwind Labs interview (System design)',
    );
    // The coach's read leaves the client's own wording (and its per-slice cache) as it was.
    expect(await getToday(ana)).toEqual(own);
  });

  it("summarises several clients at once, each with the counts of that client's own Today", async () => {
    const kim = await user('Kim Okafor');
    const clients = [
      await client(kim, 'Ana Lima'),
      await client(kim, 'Ben Cho', 'Europe/Berlin'),
      await client(kim, 'Cy Diaz', 'Asia/Tokyo'),
      await client(kim, 'Dee Eze'),
      await client(kim, 'Eli Fox', 'UTC'),
      await client(kim, 'Flo Gil'),
    ];
    log = [];
    const dash = await listClients(env(true), kim, NOW);

    // The first query of each of the first DASHBOARD_CONCURRENCY clients (the grant check) goes out
    // before any client's second one: they are summarised together, and no more than that at once.
    const firstSecond = log.findIndex((id, i) => log.indexOf(id) < i);
    expect(new Set(log.slice(0, firstSecond)).size).toBe(DASHBOARD_CONCURRENCY);

    expect(dash.map((c) => c.name)).toEqual([
      'Ana Lima',
      'Ben Cho',
      'Cy Diaz',
      'Dee Eze',
      'Eli Fox',
      'Flo Gil',
    ]);
    for (const [i, ctx] of clients.entries()) {
      const own = await getToday(ctx);
      const zone = dash[i]?.timeZone ?? '';
      const day = (iso: string) =>
        Temporal.Instant.from(iso).toZonedDateTimeISO(zone).toPlainDate().toString();
      const overdue = own.actions.filter((a) => Date.parse(a.due) < NOW.epochMilliseconds).length;
      const dueToday = own.actions.filter(
        (a) => Date.parse(a.due) >= NOW.epochMilliseconds && day(a.due) === day(NOW.toString()),
      ).length;
      expect(dash[i]).toMatchObject({
        id: ctx.actor.accountId,
        overdue,
        dueToday,
        activeByStage: [{ stage: 'interviewing', count: 1 }],
      });
      expect(overdue + dueToday).toBeGreaterThan(0);
    }
  });
});
