/** What the API returns for interviews (zod: serializer, OpenAPI and web client types). */
import { z } from 'zod';
import { type Interview, PARTICIPANT_ROLES } from '../../core/types';

export const participantView = z.object({ contactId: z.string(), role: z.enum(PARTICIPANT_ROLES) });

export const interviewView = z.object({
  id: z.string(),
  opportunityId: z.string(),
  round: z.string(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  format: z.string().nullable(),
  location: z.string().nullable(),
  status: z.enum(['scheduled', 'cancelled']),
  participants: z.array(participantView),
  createdAt: z.string(),
});
export type InterviewView = z.infer<typeof interviewView>;

export const presentInterview = (i: Interview): InterviewView => ({
  id: i.id,
  opportunityId: i.opportunityId,
  round: i.round,
  start: i.start,
  end: i.end,
  timeZone: i.timeZone,
  format: i.format,
  location: i.location,
  status: i.status,
  participants: i.participants.map((p) => ({ contactId: p.contactId, role: p.role })),
  createdAt: i.createdAt,
});
