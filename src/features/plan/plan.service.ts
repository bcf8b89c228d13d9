/**
 * The plan for the account right now, and the user's decisions about its actions.
 *
 * Today plans only the opportunities the wake-up index (wake.ts) says can show something now:
 * those changed since they were last planned and those awake by `now`. It settles the wake-up
 * time of the changed ones as it goes. With AFTERVIEW_VERIFY_PLAN=1 (on in the test suite) every
 * Today also plans the whole account and fails loudly if the two differ.
 */
import { AppError, invalid } from '../../core/errors';
import { ms } from '../../core/plan/context';
import { keyTarget } from '../../core/plan/keys';
import { inPlanOrder, type PlannedAction, plan, planAll, urgencyAtMs } from '../../core/plan/plan';
import {
  changePoints,
  intervalOf,
  mergePlans,
  type OpportunitySlice,
  planOpportunity,
  planOpportunityAll,
  wakeAt,
} from '../../core/plan/slice';
import { USER_VOICE, type Voice } from '../../core/plan/voice';
import type { Playbook } from '../../core/playbook';
import { formatInstant, parseUserInstant, type Temporal } from '../../core/time';
import type { Account, Action, DecisionKind, Urgency } from '../../core/types';
import { getAccount, getPlaybook, playbookOf } from '../accounts/account.service';
import type { ServiceContext } from '../context';
import { upsertDecision } from '../decisions/decision.repository';
import { loadSlices } from './slice.service';
import * as wakeRepo from './wake.repository';

export interface Today {
  /** Open actions, soonest due first. */
  actions: Action[];
  /** When nothing is due: when the next upcoming thing starts (null when there is nothing at all). */
  nextStart: string | null;
}

/** Wake-up times as stored: ISO with milliseconds, so text order is time order. */
const wakeText = (epochMs: number): string =>
  epochMs === Number.NEGATIVE_INFINITY ? ALWAYS : new Date(epochMs).toISOString();
/** Before any instant: awake whenever asked. */
const ALWAYS = '0000-01-01T00:00:00.000Z';

/** True when every Today must prove itself against a plan of the whole account. */
const verifying = (): boolean => process.env.AFTERVIEW_VERIFY_PLAN === '1';

/**
 * Today for the context's account. Worded for its user; a coach reading a client's Today passes
 * the client's `voice` (the same actions, about the client), planned afresh and not kept, since
 * the per-slice plans kept here are the user's own wording.
 */
export async function getToday(ctx: ServiceContext, voice: Voice = USER_VOICE): Promise<Today> {
  const accountId = ctx.actor.accountId;
  const nowText = new Date(ctx.now.epochMilliseconds).toISOString();
  const [rows, account] = await Promise.all([
    wakeRepo.awakeOpportunities(ctx.db, accountId, nowText),
    getAccount(ctx),
  ]);
  const playbook = await playbookOf(account);
  const entries = await cachedSlices(ctx, rows, account);
  const slices = entries.map((e) => e.slice);
  const actions =
    voice === USER_VOICE
      ? inPlanOrder(entries.flatMap((e) => openActionsAt(e, playbook, ctx.now)))
      : mergePlans(entries.map((e) => planOpportunity(e.slice, playbook, ctx.now, voice)));

  const changed = rows.filter((r) => r.dirty === 1);
  if (changed.length > 0) {
    const sliceOf = new Map(slices.map((s) => [s.opportunity.id, s]));
    await ctx.db.transaction().execute(async (trx) => {
      for (const r of changed) {
        const slice = sliceOf.get(r.opportunity_id);
        const wake = slice ? wakeAt(slice, playbook) : null;
        await wakeRepo.settleWake(
          trx,
          accountId,
          r.opportunity_id,
          r.version,
          wake === null ? null : wakeText(wake),
        );
      }
    });
  }
  if (verifying()) {
    const { loadPlanSnapshot } = await import('./snapshot.service');
    const full = plan(await loadPlanSnapshot(ctx), playbook, ctx.now, voice);
    if (JSON.stringify(full) !== JSON.stringify(actions)) {
      throw new AppError(
        'internal',
        `The plan from the wake-up index differs from the full plan at ${nowText}: ` +
          `${actions.length} actions against ${full.length} (AFTERVIEW_VERIFY_PLAN).`,
      );
    }
  }
  const upcoming = actions.filter((a) => a.urgency === 'upcoming').map((a) => a.start);
  return { actions, nextStart: upcoming.sort()[0] ?? null };
}

/**
 * The slices of the awake opportunities, reusing those this process read before when their
 * version in the index is unchanged: every change to a slice bumps it (touchPlan), so a server
 * answering Today again reads only what changed. Kept per database and account, and only for the
 * opportunities awake in the latest Today.
 */
async function cachedSlices(
  ctx: ServiceContext,
  rows: ReadonlyArray<{ opportunity_id: string; version: number }>,
  account: Account,
): Promise<CachedSlice[]> {
  const byAccount = sliceCache.get(ctx.db) ?? new Map<string, Map<string, CachedSlice>>();
  sliceCache.set(ctx.db, byAccount);
  const before = byAccount.get(ctx.actor.accountId) ?? new Map<string, CachedSlice>();
  const stale = rows.filter((r) => before.get(r.opportunity_id)?.version !== r.version);
  const fresh = new Map(
    (
      await loadSlices(
        ctx,
        stale.map((r) => r.opportunity_id),
        account,
      )
    ).map((s) => [s.opportunity.id, s]),
  );
  const now = new Map<string, CachedSlice>();
  for (const r of rows) {
    const slice =
      fresh.get(r.opportunity_id) ??
      (before.get(r.opportunity_id)?.version === r.version ? before.get(r.opportunity_id)?.slice : undefined);
    const kept = before.get(r.opportunity_id);
    if (slice) now.set(r.opportunity_id, kept?.slice === slice ? kept : { version: r.version, slice });
  }
  byAccount.set(ctx.actor.accountId, now);
  return [...now.values()];
}
interface CachedSlice {
  version: number;
  slice: OpportunitySlice;
  /** When its open actions can change with time alone (`changePoints`), once asked. */
  points?: number[];
  /** Its open actions as planned at `atMs` (urgencies aside), with their instants as epoch ms. */
  planned?: { atMs: number; actions: TimedAction[] };
}
interface TimedAction {
  action: Action;
  startMs: number;
  dueMs: number;
  /**
   * The action as shown at each urgency, made once per plan: Today hands out the same object
   * while nothing changes, so what a caller derives from it (the API's JSON, plan.presenter.ts)
   * can be kept with it. Callers do not change actions.
   */
  shown?: Partial<Record<Urgency, Action>>;
}

/**
 * The open actions of a cached slice at `now`. Between two change points only urgencies change
 * (src/core/plan/slice.ts), so the plan made earlier in the same interval is reused with its
 * urgencies read again at `now`. The playbook cannot differ within one version: changing it
 * touches every opportunity.
 */
function openActionsAt(entry: CachedSlice, playbook: Playbook, now: Temporal.Instant): TimedAction[] {
  const nowMs = now.epochMilliseconds;
  if (!entry.planned || !sameInterval(entry, entry.planned.atMs, nowMs)) {
    // Read back to epoch ms once per plan: a server answers Today again with these numbers.
    const actions = planOpportunity(entry.slice, playbook, now).map((action) => ({
      action,
      startMs: ms(action.start),
      dueMs: ms(action.due),
    }));
    entry.planned = { atMs: nowMs, actions };
  }
  return entry.planned.actions.map((t) => {
    const urgency = urgencyAtMs(t.startMs, t.dueMs, nowMs);
    t.shown ??= {};
    t.shown[urgency] ??= { ...t.action, urgency };
    return { action: t.shown[urgency], startMs: t.startMs, dueMs: t.dueMs };
  });
}

/**
 * True when no change point of the slice lies between two instants. The points are found on the
 * first reuse, not the first plan: a CLI command plans each slice once and never asks.
 */
function sameInterval(entry: CachedSlice, aMs: number, bMs: number): boolean {
  entry.points ??= changePoints(entry.slice);
  return intervalOf(entry.points, aMs) === intervalOf(entry.points, bMs);
}
const sliceCache = new WeakMap<object, Map<string, Map<string, CachedSlice>>>();

/** Every action the playbook yields, with its state (open, done, snoozed, fulfilled...). */
export async function getAllActions(ctx: ServiceContext): Promise<PlannedAction[]> {
  // Loaded on demand: the whole-account loader imports every feature's service.
  const { loadPlanSnapshot } = await import('./snapshot.service');
  const [snapshot, playbook] = await Promise.all([loadPlanSnapshot(ctx), getPlaybook(ctx)]);
  return planAll(snapshot, playbook, ctx.now);
}

/** The opportunity an action key is about, or null when the key names nothing stored. */
async function opportunityOfKey(ctx: ServiceContext, key: string): Promise<string | null> {
  const target = keyTarget(key);
  if (!target) return null;
  if ('opportunityId' in target) return target.opportunityId;
  const [row] = await wakeRepo.opportunitiesOfInterviews(ctx.db, ctx.actor.accountId, [target.interviewId]);
  return row?.opportunity_id ?? null;
}

/**
 * Every action of one opportunity with its state (what `getAllActions` lists for it), planned
 * from that opportunity's slice only.
 */
export async function getOpportunityActions(
  ctx: ServiceContext,
  opportunityId: string,
): Promise<PlannedAction[]> {
  const [slices, playbook] = await Promise.all([loadSlices(ctx, [opportunityId]), getPlaybook(ctx)]);
  return mergePlans(slices.map((s) => planOpportunityAll(s, playbook, ctx.now)));
}

/** The open actions of one opportunity (its part of Today). */
export async function getOpportunityPlan(ctx: ServiceContext, opportunityId: string): Promise<Action[]> {
  const [slices, playbook] = await Promise.all([loadSlices(ctx, [opportunityId]), getPlaybook(ctx)]);
  return mergePlans(slices.map((s) => planOpportunity(s, playbook, ctx.now)));
}

/**
 * The actions (with their state) of every opportunity a note to `contactId` can be about: those
 * where the person is the recruiter or took part in an interview, the one named, and the one of
 * the action key. What the note checker looks actions up in, without planning the whole account.
 */
export async function getActionsAbout(
  ctx: ServiceContext,
  about: { contactId: string; opportunityId?: string | null; actionKey?: string | null },
): Promise<PlannedAction[]> {
  const [theirs, ofKey] = await Promise.all([
    wakeRepo.opportunitiesOfContacts(ctx.db, ctx.actor.accountId, [about.contactId]),
    about.actionKey ? opportunityOfKey(ctx, about.actionKey) : null,
  ]);
  const ids = new Set(theirs.map((r) => r.opportunity_id));
  if (about.opportunityId) ids.add(about.opportunityId);
  if (ofKey) ids.add(ofKey);
  const [slices, playbook] = await Promise.all([loadSlices(ctx, [...ids]), getPlaybook(ctx)]);
  return mergePlans(slices.map((s) => planOpportunityAll(s, playbook, ctx.now)));
}

/** One action by key with its state, planned from its opportunity's slice; undefined when no plan has it. */
export async function getAction(ctx: ServiceContext, key: string): Promise<PlannedAction | undefined> {
  const opportunityId = await opportunityOfKey(ctx, key);
  if (!opportunityId) return undefined;
  return (await getOpportunityActions(ctx, opportunityId)).find((a) => a.key === key);
}

/**
 * Record done / dismissed / snoozed-until for one action. The key must be one the plan knows,
 * so a typo does not silently record nothing.
 */
export async function decide(
  ctx: ServiceContext,
  key: string,
  decision: DecisionKind,
  until?: string,
): Promise<PlannedAction> {
  const action = await getAction(ctx, key);
  if (!action) throw invalid(`No action with key "${key}". \`afterview today\` lists the keys.`, 'key');
  let untilInstant: string | null = null;
  if (decision === 'snoozed') {
    if (!until) throw invalid('--until is required to snooze.', 'until');
    const account = await getAccount(ctx);
    try {
      untilInstant = formatInstant(parseUserInstant(until, account.timeZone));
    } catch {
      throw invalid(`until: "${until}" is not an ISO-8601 time such as 2026-12-10T09:00.`, 'until');
    }
    if (untilInstant <= formatInstant(ctx.now)) {
      throw invalid(`until: ${until} is not in the future.`, 'until');
    }
  }
  await upsertDecision(ctx.db, {
    account_id: ctx.actor.accountId,
    action_key: key,
    decision,
    until: untilInstant,
    decided_at: formatInstant(ctx.now),
  });
  const after = await getAction(ctx, key);
  if (!after) throw new AppError('internal', `Action ${key} vanished after the decision.`);
  return after;
}
