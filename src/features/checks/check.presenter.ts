/** The note checker over HTTP: what the compose page sends as the user types, and what comes back. */
import { z } from 'zod';
import { CHECK_RULE_IDS } from '../../core/checker/types';
import { MESSAGE_KINDS } from '../../core/types';

export const checkRequestSchema = z.object({
  body: z.string().max(100_000),
  subject: z.string().max(998).optional(),
  /** The recipient. */
  contactId: z.string().min(1, 'is required'),
  kind: z.enum(MESSAGE_KINDS),
  /** The draft being checked, so it is not compared with itself. */
  messageId: z.string().optional(),
  /** When it would go out (default: now). */
  sendAt: z.string().optional(),
  actionKey: z.string().nullable().optional(),
  opportunityId: z.string().nullable().optional(),
});
export type CheckRequestInput = z.input<typeof checkRequestSchema>;

export const findingView = z.object({
  rule: z.enum(CHECK_RULE_IDS),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  /** UTF-16 offsets into the body. */
  start: z.number(),
  end: z.number(),
});
export type FindingView = z.infer<typeof findingView>;

export const checkResultView = z.object({ findings: z.array(findingView), blocked: z.boolean() });
export type CheckResultView = z.infer<typeof checkResultView>;
