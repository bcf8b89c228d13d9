/** Input shapes for messages, shared by the CLI, the HTTP routes and the web client. */
import { z } from 'zod';
import { MESSAGE_KINDS } from '../../core/types';

/** A note sent outside Afterview (`direction: 'out'`) or a reply received (`'in'`). */
export const recordMessageSchema = z.object({
  direction: z.enum(['out', 'in']),
  contactId: z.string().min(1, 'is required'),
  kind: z.enum(MESSAGE_KINDS),
  /** ISO-8601; defaults to now. */
  at: z.string().optional(),
  subject: z.string().max(998).optional(),
  body: z.string().max(100_000).optional(),
  opportunityId: z.string().optional(),
});
export type RecordMessageInput = z.input<typeof recordMessageSchema>;

export const draftSchema = z.object({
  kind: z.enum(MESSAGE_KINDS),
  contactIds: z.array(z.string().min(1)).min(1, 'needs at least one recipient').max(50),
  subject: z.string().max(998).default(''),
  body: z.string().max(100_000).default(''),
  opportunityId: z.string().nullable().optional(),
  interviewId: z.string().nullable().optional(),
  actionKey: z.string().nullable().optional(),
});
export type DraftInput = z.input<typeof draftSchema>;

export const updateDraftSchema = z.object({
  subject: z.string().max(998).optional(),
  body: z.string().max(100_000).optional(),
});
export type UpdateDraftInput = z.input<typeof updateDraftSchema>;
