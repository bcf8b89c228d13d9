/**
 * Debriefs: how it went, a point to add to an answer, the private "what to practise", and per
 * interviewer what stayed with you, the topics, a problem they raised and what you promised them.
 * Saving merges: a field left out keeps its value, so a phone form can save each field as it is
 * typed.
 */
import { invalid } from '../../core/errors';
import { formatInstant } from '../../core/time';
import type { Debrief, DebriefNote } from '../../core/types';
import { parseInput } from '../../core/validate';
import type { DebriefNoteRow, DebriefRow } from '../../db/tables/debrief.table';
import type { ServiceContext } from '../context';
import { recordEvent } from '../events/event.service';
import { groupRows } from '../group-rows';
import { getInterview } from '../interviews/interview.service';
import * as repo from './debrief.repository';
import { type SaveDebriefInput, saveDebriefSchema } from './debrief.schemas';

export function toDebrief(row: DebriefRow, notes: DebriefNoteRow[]): Debrief {
  return {
    interviewId: row.interview_id,
    feeling: row.feeling,
    wentWell: row.went_well,
    improve: row.improve,
    addToAnswer: row.add_to_answer,
    promises: row.promises,
    notes: notes
      .filter((n) => n.interview_id === row.interview_id)
      .map(
        (n): DebriefNote => ({
          contactId: n.contact_id,
          memorable: n.memorable,
          topics: n.topics,
          problem: n.problem,
          promise: n.promise,
        }),
      ),
    updatedAt: row.updated_at,
  };
}

export async function getDebrief(ctx: ServiceContext, interviewId: string): Promise<Debrief | null> {
  const row = await repo.findDebrief(ctx.db, ctx.actor.accountId, interviewId);
  if (!row) return null;
  return toDebrief(row, await repo.listDebriefNotes(ctx.db, ctx.actor.accountId, interviewId));
}

export async function listDebriefs(ctx: ServiceContext): Promise<Debrief[]> {
  const [rows, notes] = await Promise.all([
    repo.listDebriefs(ctx.db, ctx.actor.accountId),
    repo.listDebriefNotes(ctx.db, ctx.actor.accountId),
  ]);
  const byInterview = groupRows(notes, (n) => n.interview_id);
  return rows.map((r) => toDebrief(r, byInterview.get(r.interview_id) ?? []));
}

/** Save (create or merge into) the debrief of an interview. */
export async function saveDebrief(
  ctx: ServiceContext,
  interviewId: string,
  input: SaveDebriefInput,
): Promise<Debrief> {
  const data = parseInput(saveDebriefSchema, input);
  const interview = await getInterview(ctx, interviewId);
  const inRoom = new Set(interview.participants.map((p) => p.contactId));
  data.notes.forEach((n, i) => {
    if (!inRoom.has(n.contactId)) {
      throw invalid(
        `notes[${i}].contactId: ${n.contactId} was not in this interview.`,
        `notes.${i}.contactId`,
      );
    }
  });
  const existing = await getDebrief(ctx, interviewId);
  const at = formatInstant(ctx.now);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertDebrief(trx, {
      account_id: ctx.actor.accountId,
      interview_id: interviewId,
      feeling: data.feeling ?? existing?.feeling ?? '',
      went_well: data.wentWell ?? existing?.wentWell ?? '',
      improve: data.improve ?? existing?.improve ?? '',
      add_to_answer: data.addToAnswer ?? existing?.addToAnswer ?? '',
      promises: data.promises ?? existing?.promises ?? '',
      updated_at: at,
    });
    for (const note of data.notes) {
      const before = existing?.notes.find((n) => n.contactId === note.contactId);
      await repo.upsertDebriefNote(trx, {
        account_id: ctx.actor.accountId,
        interview_id: interviewId,
        contact_id: note.contactId,
        memorable: note.memorable ?? before?.memorable ?? '',
        topics: note.topics ?? before?.topics ?? '',
        problem: note.problem ?? before?.problem ?? '',
        promise: note.promise ?? before?.promise ?? '',
        updated_at: at,
      });
    }
    if (!existing) {
      await recordEvent(trx, ctx, {
        kind: 'debrief-written',
        opportunityId: interview.opportunityId,
        interviewId,
      });
    }
  });
  return (await getDebrief(ctx, interviewId)) as Debrief;
}
