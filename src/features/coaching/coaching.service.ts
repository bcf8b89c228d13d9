/**
 * Coaches (hosted mode): a client invites a coach by e-mail, the coach accepts while signed in
 * with that very address, and then reads — never writes — the client's Today, pipeline and
 * insights. Every read of a client's data goes through `clientContext`, which checks a live grant
 * on the client's own scoped handle (row-level security on PostgreSQL) before anything else runs.
 * What a coach sees is allow-listed field by field in coaching.presenter.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors';
import { clientVoice } from '../../core/plan/voice';
import { formatInstant, Temporal } from '../../core/time';
import { CLOSED_STAGES, STAGES } from '../../core/types';
import type { Db } from '../../db/database';
import { newId } from '../../db/ids';
import type { CoachGrantRow } from '../../db/tables/coach-grant.table';
import { getAccount } from '../accounts/account.service';
import type { SystemMailer } from '../auth/system-mailer';
import { listContacts } from '../contacts/contact.service';
import type { Actor, ServiceContext } from '../context';
import { listDebriefs } from '../debriefs/debrief.service';
import type { InsightsView } from '../insights/insights.presenter';
import { getInsights } from '../insights/insights.service';
import { listInterviews } from '../interviews/interview.service';
import { listMessages } from '../messages/message.service';
import { listOpportunities } from '../opportunities/opportunity.service';
import { getToday } from '../plan/plan.service';
import {
  type ClientPipelineView,
  type ClientSummaryView,
  type ClientTodayView,
  type CoachView,
  presentClientPipeline,
  presentClientToday,
} from './coaching.presenter';
import * as repo from './coaching.repository';

/** What coaching needs beyond a request's own context. */
export interface CoachingEnv {
  /** The system handle: finds invitations by token and a coach's clients across accounts. */
  systemDb: Db;
  /** A handle declared for one account (PostgreSQL row-level security). */
  forAccount: (accountId: string) => Db;
  /** Null when the server has no system mail (AFTERVIEW_SYSTEM_SMTP_URL): invitations are refused. */
  mailer: SystemMailer | null;
  /** AFTERVIEW_PUBLIC_URL: the invitation links point here. */
  publicUrl: string;
}

/** An invitation link works this long; after that the client sends a new one. */
const INVITE_DAYS = 14;
/** Coaches and pending invitations one person may have at once. */
const MAX_COACHES = 10;
/** Invitation mails one account may send in 24 hours: the server's mail is not a spam relay. */
const INVITES_PER_DAY = 20;
/** How long a coach who closed their account stays listed (as ended) in the client's Settings. */
const CLOSED_SHOWN_DAYS = 30;
export const CLOSED_ACCOUNT_REASON =
  'They closed their Afterview account, so they see nothing of yours any more.';
/** One sentence for every coach read that has no live grant behind it: a 404, like any other account's id. */
const NO_CLIENT = 'No client with that id shares their job search with you (any more).';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

async function userOf(db: Db, id: string): Promise<{ name: string; email: string }> {
  const [u] = await repo.usersByIds(db, [id]);
  return u ? { name: u.name, email: u.email } : { name: '', email: '' };
}

const statusOf = (g: CoachGrantRow): CoachView['status'] => (g.accepted_at ? 'active' : 'invited');

// ---------------------------------------------------------------- the client's side

/**
 * My coaches (invited or active), with their names once they accepted; then, for a while, the
 * ones whose access ended because they closed their account, so the client learns why.
 */
export async function listMyCoaches(ctx: ServiceContext): Promise<CoachView[]> {
  const grants = await repo.openGrantsOfClient(ctx.db, ctx.actor.accountId);
  const coachIds = grants.flatMap((g) => (g.coach_account_id ? [g.coach_account_id] : []));
  const names = new Map((await repo.usersByIds(ctx.db, coachIds)).map((u) => [u.id, u.name]));
  const since = formatInstant(ctx.now.subtract({ hours: CLOSED_SHOWN_DAYS * 24 }));
  const closed = await repo.grantsOfClosedCoaches(ctx.db, ctx.actor.accountId, since);
  return [
    ...grants.map((g) => ({
      id: g.id,
      email: g.coach_email,
      name: g.coach_account_id ? (names.get(g.coach_account_id) ?? null) : null,
      status: statusOf(g),
      shareNotes: g.share_notes === 1,
      invitedAt: g.created_at,
      acceptedAt: g.accepted_at,
      endedAt: null,
      endedReason: null,
    })),
    ...closed.map(
      (g): CoachView => ({
        id: g.id,
        email: g.coach_email,
        name: null,
        status: 'ended',
        shareNotes: g.share_notes === 1,
        invitedAt: g.created_at,
        acceptedAt: g.accepted_at,
        endedAt: g.revoked_at,
        endedReason: CLOSED_ACCOUNT_REASON,
      }),
    ),
  ];
}

/**
 * Invite a coach: a new single-use link by mail (inviting a pending address again sends a new
 * link and retires the old one). The row is written first and removed again if the mail cannot be sent, so a failed
 * invitation leaves nothing behind.
 */
export async function inviteCoach(
  ctx: ServiceContext,
  env: CoachingEnv,
  rawEmail: string,
): Promise<CoachView> {
  const mailer = env.mailer;
  if (!mailer) {
    throw new AppError(
      'unavailable',
      'This server has no mail server for its own mails (AFTERVIEW_SYSTEM_SMTP_URL), so it cannot send an invitation; ask whoever runs it.',
    );
  }
  const email = normaliseEmail(rawEmail);
  const me = await userOf(ctx.db, ctx.actor.accountId);
  if (email === normaliseEmail(me.email)) {
    throw new AppError('invalid-input', 'That is your own address: invite your coach by theirs.', 'email');
  }
  const grants = await repo.openGrantsOfClient(ctx.db, ctx.actor.accountId);
  const open = grants.find((g) => g.coach_email === email);
  if (open?.accepted_at) throw new AppError('conflict', `${email} is already your coach.`, 'email');
  if (!open && grants.length >= MAX_COACHES) {
    throw new AppError(
      'conflict',
      `You have ${MAX_COACHES} coaches and invitations already; remove one before inviting another.`,
      'email',
    );
  }
  // Every mail is a row (a new invitation replaces a pending one), so rows count mails sent.
  const since = formatInstant(ctx.now.subtract({ hours: 24 }));
  if ((await repo.countGrantsSince(ctx.db, ctx.actor.accountId, since)) >= INVITES_PER_DAY) {
    throw new AppError(
      'rate-limited',
      `You sent ${INVITES_PER_DAY} invitations in the last 24 hours; try again tomorrow.`,
    );
  }
  const token = randomBytes(32).toString('base64url');
  const at = formatInstant(ctx.now);
  const id = newId();
  await repo.insertGrant(ctx.db, {
    account_id: ctx.actor.accountId,
    id,
    coach_email: email,
    coach_account_id: null,
    share_notes: 0,
    token_hash: hashToken(token),
    created_at: at,
    accepted_at: null,
    revoked_at: null,
  });
  const who = me.name.trim() ? `${me.name.trim()} (${me.email})` : me.email;
  const link = `${new URL(env.publicUrl).origin}/coaching/accept?token=${token}`;
  try {
    // The mail is queued under the inviter's account: the coach may have none yet.
    await mailer.send({
      to: email,
      accountId: ctx.actor.accountId,
      subject: `${me.name.trim() || me.email} invites you to coach their job search on Afterview`,
      text:
        `${who} invites you to follow their job search on Afterview as their coach: what is due and ` +
        `overdue, their pipeline and their insights, read only.\n\n` +
        `Sign up or sign in with this address (${email}), then open this link within ${INVITE_DAYS} days:\n${link}\n\n` +
        `If you do not know them, ignore this mail; nothing is shared until you accept.\n`,
    });
  } catch (err) {
    await repo.deleteGrant(ctx.db, ctx.actor.accountId, id);
    throw err;
  }
  // Only now that the new link is on its way does the older one stop working.
  if (open) await repo.revokeGrant(ctx.db, ctx.actor.accountId, open.id, at);
  const view = (await listMyCoaches(ctx)).find((c) => c.id === id);
  if (!view) throw new AppError('internal', 'The invitation was not stored.');
  return view;
}

export async function setShareNotes(
  ctx: ServiceContext,
  grantId: string,
  share: boolean,
): Promise<CoachView> {
  if ((await repo.setShareNotes(ctx.db, ctx.actor.accountId, grantId, share)) === 0) {
    throw new AppError('not-found', 'No coach with that id; they may have been removed already.');
  }
  const view = (await listMyCoaches(ctx)).find((c) => c.id === grantId);
  if (!view) throw new AppError('not-found', 'No coach with that id; they may have been removed already.');
  return view;
}

/** End a coach's access (or withdraw an invitation): their very next request is refused. */
export async function revokeCoach(ctx: ServiceContext, grantId: string): Promise<void> {
  if ((await repo.revokeGrant(ctx.db, ctx.actor.accountId, grantId, formatInstant(ctx.now))) === 0) {
    throw new AppError('not-found', 'No coach with that id; they may have been removed already.');
  }
}

// ---------------------------------------------------------------- the coach's side

/**
 * Accept an invitation: the token must be live AND the signed-in user's address must be the one
 * invited, so a typo'd sign-up or a forwarded link reads nothing.
 */
export async function acceptInvite(
  env: CoachingEnv,
  coach: Actor,
  token: string,
  now: Temporal.Instant,
): Promise<{ clientId: string; clientName: string }> {
  const grant = await repo.findPendingByTokenHash(env.systemDb, hashToken(token));
  if (!grant) {
    throw new AppError(
      'not-found',
      'This invitation link is no longer valid: it was used, withdrawn or replaced by a newer one. Ask for a new invitation.',
    );
  }
  const age = now.since(Temporal.Instant.from(grant.created_at)).total('hours');
  if (age > INVITE_DAYS * 24) {
    throw new AppError('conflict', `This invitation is older than ${INVITE_DAYS} days; ask for a new one.`);
  }
  if (grant.account_id === coach.accountId) {
    throw new AppError('forbidden', 'This is your own invitation: a coach must be someone else.');
  }
  const me = await userOf(env.systemDb, coach.accountId);
  if (normaliseEmail(me.email) !== grant.coach_email) {
    throw new AppError(
      'forbidden',
      `This invitation is for ${grant.coach_email}, but you are signed in as ${me.email}. Sign in with the invited address to accept it.`,
    );
  }
  const clientDb = env.forAccount(grant.account_id);
  const done = await repo.acceptGrant(
    clientDb,
    grant.account_id,
    grant.id,
    coach.accountId,
    formatInstant(now),
  );
  if (done === 0) throw new AppError('conflict', 'This invitation was withdrawn or used a moment ago.');
  const client = await userOf(env.systemDb, grant.account_id);
  return { clientId: grant.account_id, clientName: client.name || client.email };
}

/** Whether the signed-in user coaches anyone (the nav shows Coaching only then). */
export async function coachesSomeone(env: CoachingEnv, coach: Actor): Promise<boolean> {
  return (await repo.liveGrantsOfCoach(env.systemDb, coach.accountId)).length > 0;
}

/** A client's context for a coach's read, after checking a live grant on the client's own handle. */
async function clientContext(
  env: CoachingEnv,
  coach: Actor,
  clientId: string,
  now: Temporal.Instant,
  // The dashboard looks every client's user up in one query beforehand.
  known?: { name: string; email: string },
): Promise<{ ctx: ServiceContext; grant: CoachGrantRow; client: { name: string; email: string } }> {
  const db = env.forAccount(clientId);
  const grant =
    clientId === coach.accountId ? undefined : await repo.liveGrant(db, clientId, coach.accountId);
  if (!grant) throw new AppError('not-found', NO_CLIENT);
  const client = known ?? (await userOf(env.systemDb, clientId));
  return { ctx: { db, actor: { accountId: clientId, kind: 'user' }, now }, grant, client };
}

/**
 * Clients summarised at once on the dashboard. Each summary is a handful of queries on that
 * client's handle and a plan of their awake opportunities only (Today's wake-up index), so a few
 * at a time keep both the database and the CPU busy without one coach's page taking every
 * connection of the pool.
 */
export const DASHBOARD_CONCURRENCY = 4;

/** The coach dashboard: every client sharing with me, with what is overdue and due today. */
export async function listClients(
  env: CoachingEnv,
  coach: Actor,
  now: Temporal.Instant,
): Promise<ClientSummaryView[]> {
  const grants = await repo.liveGrantsOfCoach(env.systemDb, coach.accountId);
  const clientIds = [...new Set(grants.map((g) => g.account_id))];
  const users = new Map((await repo.usersByIds(env.systemDb, clientIds)).map((u) => [u.id, u]));
  return inBatches(clientIds, DASHBOARD_CONCURRENCY, (clientId) =>
    clientSummary(env, coach, clientId, now, users.get(clientId) ?? { name: '', email: '' }),
  );
}

/** One dashboard row: counted from the client's own Today, with the client's own settings. */
async function clientSummary(
  env: CoachingEnv,
  coach: Actor,
  clientId: string,
  now: Temporal.Instant,
  user: { name: string; email: string },
): Promise<ClientSummaryView> {
  const { ctx, client } = await clientContext(env, coach, clientId, now, user);
  const [account, today, stages, last] = await Promise.all([
    getAccount(ctx),
    getToday(ctx),
    repo.opportunitiesByStage(ctx.db, clientId),
    repo.lastActivity(ctx.db, clientId),
  ]);
  const todayDate = now.toZonedDateTimeISO(account.timeZone).toPlainDate();
  const nowMs = now.epochMilliseconds;
  let overdue = 0;
  let dueToday = 0;
  for (const a of today.actions) {
    const due = Temporal.Instant.from(a.due);
    if (due.epochMilliseconds < nowMs) overdue++;
    else if (due.toZonedDateTimeISO(account.timeZone).toPlainDate().equals(todayDate)) dueToday++;
  }
  const count = new Map(stages.map((s) => [s.stage, s.count]));
  return {
    id: clientId,
    name: client.name,
    email: client.email,
    timeZone: account.timeZone,
    overdue,
    dueToday,
    // In the pipeline's order, open stages only.
    activeByStage: STAGES.flatMap((stage) => {
      const n = count.get(stage) ?? 0;
      return n > 0 && !CLOSED_STAGES.includes(stage) ? [{ stage, count: n }] : [];
    }),
    lastActivity: last,
  };
}

/** `fn` over `items` with at most `limit` running at once; results in the order of `items`. */
async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** A coach stops coaching a client: the client's Settings shows the coach gone. */
export async function stopCoaching(env: CoachingEnv, coach: Actor, clientId: string, now: Temporal.Instant) {
  const { ctx } = await clientContext(env, coach, clientId, now);
  await repo.revokeAsCoach(ctx.db, clientId, coach.accountId, formatInstant(now));
}

export async function clientToday(
  env: CoachingEnv,
  coach: Actor,
  clientId: string,
  now: Temporal.Instant,
): Promise<ClientTodayView> {
  const { ctx, client, grant } = await clientContext(env, coach, clientId, now);
  // Worded about the client ("Ana's Acme interview"), not to the coach as if it were theirs.
  const [account, today] = await Promise.all([getAccount(ctx), getToday(ctx, clientVoice(client.name))]);
  return presentClientToday({ id: clientId, ...client, timeZone: account.timeZone }, grant, today, now);
}

export async function clientPipeline(
  env: CoachingEnv,
  coach: Actor,
  clientId: string,
  now: Temporal.Instant,
): Promise<ClientPipelineView> {
  const { ctx, client, grant } = await clientContext(env, coach, clientId, now);
  const shared = grant.share_notes === 1;
  const [account, opportunities, interviews, messages, contacts, debriefs] = await Promise.all([
    getAccount(ctx),
    listOpportunities(ctx),
    listInterviews(ctx),
    listMessages(ctx),
    listContacts(ctx),
    // Not even read unless shared: what is not loaded cannot leak.
    shared ? listDebriefs(ctx) : Promise.resolve([]),
  ]);
  return presentClientPipeline({ id: clientId, ...client, timeZone: account.timeZone }, grant, {
    opportunities,
    interviews,
    messages,
    contacts,
    debriefs,
  });
}

export async function clientInsights(
  env: CoachingEnv,
  coach: Actor,
  clientId: string,
  now: Temporal.Instant,
): Promise<{ client: { id: string; name: string; email: string }; insights: InsightsView }> {
  const { ctx, client } = await clientContext(env, coach, clientId, now);
  return { client: { id: clientId, ...client }, insights: await getInsights(ctx) };
}
