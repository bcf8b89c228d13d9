/** Input shapes for opportunities, shared by the CLI, the HTTP routes and the web client. */
import { z } from 'zod';
import { isCalendarDate } from '../../core/time';
import { STAGES } from '../../core/types';

const plainDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-18')
  .refine(isCalendarDate, 'is not a real calendar date');

export const newOpportunitySchema = z.object({
  company: z.string().trim().min(1, 'is required').max(200),
  role: z.string().trim().min(1, 'is required').max(200),
  /** `"Name <email>"` of the recruiter. */
  recruiter: z.string().trim().min(1).max(320).optional(),
  decisionBy: plainDate.optional(),
  stage: z.enum(STAGES).optional(),
  domains: z.array(z.string().trim().toLowerCase()).optional(),
  notes: z.string().max(20_000).optional(),
});
export type NewOpportunityInput = z.input<typeof newOpportunitySchema>;

export const updateOpportunitySchema = z.object({
  company: z.string().trim().min(1).max(200).optional(),
  role: z.string().trim().min(1).max(200).optional(),
  recruiterId: z.string().nullable().optional(),
  decisionBy: plainDate.nullable().optional(),
  notes: z.string().max(20_000).optional(),
});
export type UpdateOpportunityInput = z.input<typeof updateOpportunitySchema>;

export const stageChangeSchema = z.object({ stage: z.enum(STAGES) });
