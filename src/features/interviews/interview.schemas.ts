/** Input shapes for interviews, shared by the CLI, the HTTP routes and the web client. */
import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../../core/types';

export const newInterviewSchema = z.object({
  opportunityId: z.string().min(1, 'is required'),
  /** ISO-8601; without an offset it is read in `timeZone`, else the user's zone. */
  start: z.string().min(1, 'is required'),
  end: z.string().min(1, 'is required'),
  /** IANA zone of the interview; defaults to the user's zone. */
  timeZone: z.string().optional(),
  round: z.string().trim().max(200).optional(),
  format: z.string().trim().max(100).optional(),
  location: z.string().trim().max(2000).optional(),
  /** `"Name <email>"` or just `"Name"` when the address is not known yet. */
  interviewers: z.array(z.string().trim().min(1).max(320)).max(50).default([]),
  /** Existing people to add, with their role. */
  participants: z
    .array(z.object({ contactId: z.string().min(1), role: z.enum(PARTICIPANT_ROLES) }))
    .max(50)
    .default([]),
});
export type NewInterviewInput = z.input<typeof newInterviewSchema>;

export const updateInterviewSchema = z.object({
  start: z.string().min(1).optional(),
  end: z.string().min(1).optional(),
  timeZone: z.string().optional(),
  round: z.string().trim().max(200).optional(),
  format: z.string().trim().max(100).nullable().optional(),
  location: z.string().trim().max(2000).nullable().optional(),
  status: z.enum(['scheduled', 'cancelled']).optional(),
});
export type UpdateInterviewInput = z.input<typeof updateInterviewSchema>;
