/** The person form: what the user may correct or add about someone they met. */
import { z } from 'zod';

export const editContactSchema = z.object({
  /** As they spell it: accents, hyphens and apostrophes kept. */
  displayName: z.string().trim().min(1, 'is required').max(300).optional(),
  title: z.string().trim().max(300).nullable().optional(),
  company: z.string().trim().max(300).nullable().optional(),
  emails: z.array(z.email('must be an email address').max(320)).max(20).optional(),
  phones: z.array(z.string().trim().min(1).max(64)).max(20).optional(),
  notes: z.string().max(20_000).optional(),
});
export type EditContactInput = z.input<typeof editContactSchema>;
