/** Interviews: when, in which zone, and who was in the room. */
import { parseAddress } from '../../core/address';
import { invalid, notFound } from '../../core/errors';
import { formatInstant, isValidTimeZone, parseUserInstant, type Temporal } from '../../core/time';
import type { Interview, Participant, ParticipantRole } from '../../core/types';
import { parseInput } from '../../core/validate';
import type { DbOrTrx } from '../../db/database';
import { newId } from '../../db/ids';
import type { InterviewParticipantRow, InterviewRow } from '../../db/tables/interview.table';
import { getAccount } from '../accounts/account.service';
import { findOrCreateByAddress, getContact } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { recordEvent } from '../events/event.service';
import { groupRows } from '../group-rows';
import * as oppRepo from '../opportunities/opportunity.repository';
import * as repo from './interview.repository';
import {
  type NewInterviewInput,
  newInterviewSchema,
  type UpdateInterviewInput,
  updateInterviewSchema,
} from './interview.schemas';

export function toInterview(row: InterviewRow, participants: InterviewParticipantRow[]): Interview {
  return {
    id: row.id,
    opportunityId: row.opportunity_id,
    round: row.round,
    start: row.start_at,
    end: row.end_at,
    timeZone: row.time_zone,
    format: row.format,
    location: row.location,
    status: row.status === 'cancelled' ? 'cancelled' : 'scheduled',
    participants: participants
      .filter((p) => p.interview_id === row.id)
      .map((p): Participant => ({ contactId: p.contact_id, role: p.role })),
    createdAt: row.created_at,
  };
}

function readTime(text: string, zone: string, field: string): Temporal.Instant {
  try {
    return parseUserInstant(text, zone);
  } catch {
    throw invalid(`${field}: "${text}" is not an ISO-8601 time such as 2026-12-08T10:00.`, field);
  }
}

function checkZone(zone: string): void {
  if (!isValidTimeZone(zone)) {
    throw invalid(
      `timeZone: unknown time zone "${zone}"; use an IANA name such as America/New_York.`,
      'timeZone',
    );
  }
}

/** Add an interview; interviewers given as "Name <email>" become (or match) people. */
export async function addInterview(ctx: ServiceContext, input: NewInterviewInput): Promise<Interview> {
  const data = parseInput(newInterviewSchema, input);
  const account = await getAccount(ctx);
  const zone = data.timeZone ?? account.timeZone;
  checkZone(zone);
  const start = readTime(data.start, zone, 'start');
  const end = readTime(data.end, zone, 'end');
  if (end.epochMilliseconds <= start.epochMilliseconds) {
    throw invalid(`end: the interview must end after it starts (${data.start} → ${data.end}).`, 'end');
  }
  const addresses = data.interviewers.map((text, i) => parseAddress(text, `interviewers[${i}]`));
  const opp = await oppRepo.findOpportunity(ctx.db, ctx.actor.accountId, data.opportunityId);
  if (!opp) throw notFound('opportunity', data.opportunityId);
  const at = formatInstant(ctx.now);

  return ctx.db.transaction().execute(async (trx) => {
    const participants = new Map<string, ParticipantRole>();
    for (const address of addresses) {
      const contact = await findOrCreateByAddress(trx, ctx, address, {
        company: opp.company,
        source: 'typed',
      });
      participants.set(contact.id, 'interviewer');
    }
    for (const p of data.participants) {
      await getContact(ctx, p.contactId, trx);
      participants.set(p.contactId, p.role);
    }
    const row: InterviewRow = {
      id: newId(),
      account_id: ctx.actor.accountId,
      opportunity_id: opp.id,
      round: data.round || 'Interview',
      start_at: formatInstant(start),
      end_at: formatInstant(end),
      time_zone: zone,
      format: data.format ?? null,
      location: data.location ?? null,
      status: 'scheduled',
      source_uid: null,
      source_sequence: null,
      created_at: at,
      updated_at: at,
    };
    await repo.insertInterview(trx, row);
    const participantRows = [...participants].map(([contactId, role]) => ({
      account_id: ctx.actor.accountId,
      interview_id: row.id,
      contact_id: contactId,
      role,
    }));
    await repo.insertParticipants(trx, participantRows);
    await recordEvent(trx, ctx, {
      kind: 'interview-scheduled',
      opportunityId: opp.id,
      interviewId: row.id,
      data: { round: row.round, start: row.start_at },
    });
    // Scheduling an interview is what moves an application forward.
    if (opp.stage === 'applied') {
      await oppRepo.updateOpportunity(trx, ctx.actor.accountId, opp.id, {
        stage: 'interviewing',
        stage_changed_at: at,
        updated_at: at,
      });
      await recordEvent(trx, ctx, {
        kind: 'stage-changed',
        opportunityId: opp.id,
        data: { from: 'applied', to: 'interviewing' },
      });
    }
    return toInterview(row, participantRows);
  });
}

export async function getInterview(
  ctx: ServiceContext,
  id: string,
  db: DbOrTrx = ctx.db,
): Promise<Interview> {
  const row = await repo.findInterview(db, ctx.actor.accountId, id);
  if (!row) throw notFound('interview', id);
  return toInterview(row, await repo.listParticipants(db, ctx.actor.accountId, [id]));
}

export async function listInterviews(ctx: ServiceContext, opportunityId?: string): Promise<Interview[]> {
  const rows = await repo.listInterviews(ctx.db, ctx.actor.accountId, opportunityId);
  const participants = await repo.listParticipants(
    ctx.db,
    ctx.actor.accountId,
    opportunityId ? rows.map((r) => r.id) : undefined,
  );
  const byInterview = groupRows(participants, (p) => p.interview_id);
  return rows.map((r) => toInterview(r, byInterview.get(r.id) ?? []));
}

/** Change when/where an interview is, or cancel it. */
export async function updateInterview(
  ctx: ServiceContext,
  id: string,
  input: UpdateInterviewInput,
): Promise<Interview> {
  const data = parseInput(updateInterviewSchema, input);
  const current = await getInterview(ctx, id);
  const zone = data.timeZone ?? current.timeZone;
  checkZone(zone);
  const start = data.start ? formatInstant(readTime(data.start, zone, 'start')) : current.start;
  const end = data.end ? formatInstant(readTime(data.end, zone, 'end')) : current.end;
  if (Date.parse(end) <= Date.parse(start))
    throw invalid('end: the interview must end after it starts.', 'end');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateInterview(trx, ctx.actor.accountId, id, {
      start_at: start,
      end_at: end,
      time_zone: zone,
      ...(data.round !== undefined && { round: data.round }),
      ...(data.format !== undefined && { format: data.format }),
      ...(data.location !== undefined && { location: data.location }),
      ...(data.status !== undefined && { status: data.status }),
      updated_at: formatInstant(ctx.now),
    });
    if (data.status === 'cancelled' && current.status !== 'cancelled') {
      await recordEvent(trx, ctx, {
        kind: 'interview-cancelled',
        opportunityId: current.opportunityId,
        interviewId: id,
      });
    }
  });
  return getInterview(ctx, id);
}

/** Add an existing person to an interview (or change their role). */
export async function setParticipant(
  ctx: ServiceContext,
  interviewId: string,
  contactId: string,
  role: ParticipantRole,
): Promise<Interview> {
  await getInterview(ctx, interviewId);
  await getContact(ctx, contactId);
  await repo.upsertParticipant(ctx.db, {
    account_id: ctx.actor.accountId,
    interview_id: interviewId,
    contact_id: contactId,
    role,
  });
  return getInterview(ctx, interviewId);
}
