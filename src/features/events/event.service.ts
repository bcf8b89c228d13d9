import { formatInstant } from '../../core/time';
import type { DbOrTrx } from '../../db/database';
import { newId } from '../../db/ids';
import type { ServiceContext } from '../context';
import { insertEvent } from './event.repository';

export interface EventInput {
  kind: string;
  opportunityId?: string | null;
  interviewId?: string | null;
  contactId?: string | null;
  messageId?: string | null;
  /** Defaults to the context's now. */
  at?: string;
  data?: Record<string, unknown>;
}

/** Append to the timeline, inside the caller's transaction so the event and the change land together. */
export async function recordEvent(trx: DbOrTrx, ctx: ServiceContext, e: EventInput): Promise<void> {
  await insertEvent(trx, {
    id: newId(),
    account_id: ctx.actor.accountId,
    opportunity_id: e.opportunityId ?? null,
    interview_id: e.interviewId ?? null,
    contact_id: e.contactId ?? null,
    message_id: e.messageId ?? null,
    kind: e.kind,
    at: e.at ?? formatInstant(ctx.now),
    data: JSON.stringify(e.data ?? {}),
  });
}
