/** Opportunities: a company and role the user is in the running for, and its stage. */
import { parseAddress } from '../../core/address';
import { notFound } from '../../core/errors';
import { formatInstant } from '../../core/time';
import type { Opportunity, Stage } from '../../core/types';
import { parseInput } from '../../core/validate';
import type { DbOrTrx } from '../../db/database';
import { newId } from '../../db/ids';
import type { OpportunityRow } from '../../db/tables/opportunity.table';
import { findOrCreateByAddress, getContact } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { recordEvent } from '../events/event.service';
import { readJsonArray, writeJson } from '../json-columns';
import * as repo from './opportunity.repository';
import {
  type NewOpportunityInput,
  newOpportunitySchema,
  type UpdateOpportunityInput,
  updateOpportunitySchema,
} from './opportunity.schemas';

export function toOpportunity(row: OpportunityRow): Opportunity {
  return {
    id: row.id,
    company: row.company,
    role: row.role,
    stage: row.stage,
    recruiterId: row.recruiter_id,
    decisionBy: row.decision_by,
    domains: readJsonArray(row.domains),
    links: readJsonArray(row.links),
    notes: row.notes,
    createdAt: row.created_at,
    stageChangedAt: row.stage_changed_at,
  };
}

export async function addOpportunity(ctx: ServiceContext, input: NewOpportunityInput): Promise<Opportunity> {
  const data = parseInput(newOpportunitySchema, input);
  const recruiter = data.recruiter ? parseAddress(data.recruiter, 'recruiter') : null;
  const at = formatInstant(ctx.now);
  return ctx.db.transaction().execute(async (trx) => {
    const contact = recruiter
      ? await findOrCreateByAddress(trx, ctx, recruiter, {
          company: data.company,
          title: 'Recruiter',
          source: 'typed',
        })
      : null;
    const domains = data.domains ?? (recruiter?.email ? [recruiter.email.split('@')[1] as string] : []);
    const row = {
      id: newId(),
      account_id: ctx.actor.accountId,
      company: data.company,
      role: data.role,
      stage: data.stage ?? 'applied',
      recruiter_id: contact?.id ?? null,
      decision_by: data.decisionBy ?? null,
      domains: writeJson(domains),
      links: '[]',
      notes: data.notes ?? '',
      stage_changed_at: at,
      created_at: at,
      updated_at: at,
    };
    await repo.insertOpportunity(trx, row);
    await recordEvent(trx, ctx, {
      kind: 'opportunity-created',
      opportunityId: row.id,
      data: { stage: row.stage },
    });
    return toOpportunity(row);
  });
}

export async function listOpportunities(ctx: ServiceContext): Promise<Opportunity[]> {
  return (await repo.listOpportunities(ctx.db, ctx.actor.accountId)).map(toOpportunity);
}

export async function getOpportunity(ctx: ServiceContext, id: string): Promise<Opportunity> {
  const row = await repo.findOpportunity(ctx.db, ctx.actor.accountId, id);
  if (!row) throw notFound('opportunity', id);
  return toOpportunity(row);
}

export async function updateOpportunity(
  ctx: ServiceContext,
  id: string,
  input: UpdateOpportunityInput,
): Promise<Opportunity> {
  const data = parseInput(updateOpportunitySchema, input);
  await getOpportunity(ctx, id);
  // Another account's person is not found (404), like an id that never existed.
  if (data.recruiterId) await getContact(ctx, data.recruiterId);
  await repo.updateOpportunity(ctx.db, ctx.actor.accountId, id, {
    ...(data.company !== undefined && { company: data.company }),
    ...(data.role !== undefined && { role: data.role }),
    ...(data.recruiterId !== undefined && { recruiter_id: data.recruiterId }),
    ...(data.decisionBy !== undefined && { decision_by: data.decisionBy }),
    ...(data.notes !== undefined && { notes: data.notes }),
    updated_at: formatInstant(ctx.now),
  });
  return getOpportunity(ctx, id);
}

/** Move to a stage; the change lands on the timeline, and `rejected` starts the rejection flow in the planner. */
export async function changeStage(ctx: ServiceContext, id: string, stage: Stage): Promise<Opportunity> {
  const current = await getOpportunity(ctx, id);
  if (current.stage === stage) return current;
  await ctx.db.transaction().execute((trx) => transitionStage(trx, ctx, id, current.stage, stage));
  return getOpportunity(ctx, id);
}

/**
 * The one stage transition, in the caller's transaction: the row (with when it changed) and its
 * timeline event. `changeStage` and the importers (an invite moves an applied opportunity to
 * interviewing) both go through it, so a stage never changes without its event.
 */
export async function transitionStage(
  trx: DbOrTrx,
  ctx: ServiceContext,
  id: string,
  from: Stage,
  to: Stage,
): Promise<void> {
  const at = formatInstant(ctx.now);
  await repo.updateOpportunity(trx, ctx.actor.accountId, id, {
    stage: to,
    stage_changed_at: at,
    updated_at: at,
  });
  await recordEvent(trx, ctx, { kind: 'stage-changed', opportunityId: id, data: { from, to } });
}
