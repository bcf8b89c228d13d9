/** What the API returns for messages: notes sent and replies received. */
import { z } from 'zod';
import { MESSAGE_KINDS, MESSAGE_STATUSES, type Message } from '../../core/types';

export const messageView = z.object({
  id: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  direction: z.enum(['out', 'in']),
  opportunityId: z.string().nullable(),
  interviewId: z.string().nullable(),
  contactIds: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  sentAt: z.string().nullable(),
  sendAt: z.string().nullable(),
  actionKey: z.string().nullable(),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof messageView>;

export const presentMessage = (m: Message): MessageView => ({
  id: m.id,
  kind: m.kind,
  direction: m.direction,
  opportunityId: m.opportunityId,
  interviewId: m.interviewId,
  contactIds: m.contactIds,
  subject: m.subject,
  body: m.body,
  status: m.status,
  sentAt: m.sentAt,
  sendAt: m.sendAt,
  actionKey: m.actionKey,
  createdAt: m.createdAt,
});
