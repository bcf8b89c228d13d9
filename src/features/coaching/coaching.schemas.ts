/** Input of the coaching routes (zod: validation, OpenAPI and the web client's types). */
import { z } from 'zod';

export const inviteSchema = z.object({
  // Trimmed first: a pasted address often carries a space.
  email: z.string().trim().pipe(z.email('must be an e-mail address like coach@example.org').max(320)),
});
export const acceptSchema = z.object({ token: z.string().min(1, 'is required').max(200) });
export const shareSchema = z.object({ shareNotes: z.boolean() });
export const grantParams = z.object({ id: z.string().min(1).max(100) });
export const clientParams = z.object({ clientId: z.string().min(1).max(100) });
