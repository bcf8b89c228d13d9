/** What the API returns for people, with where each detail came from. */
import { z } from 'zod';
import type { Contact } from '../../core/types';

export const contactView = z.object({
  id: z.string(),
  displayName: z.string(),
  title: z.string().nullable(),
  company: z.string().nullable(),
  emails: z.array(z.string()),
  badEmails: z.array(z.string()),
  phones: z.array(z.string()),
  links: z.array(z.string()),
  provenance: z.array(z.object({ field: z.string(), value: z.string(), source: z.string(), at: z.string() })),
  notes: z.string(),
  createdAt: z.string(),
});
export type ContactView = z.infer<typeof contactView>;

export const presentContact = (c: Contact): ContactView => ({
  id: c.id,
  displayName: c.displayName,
  title: c.title,
  company: c.company,
  emails: c.emails,
  badEmails: c.badEmails,
  phones: c.phones,
  links: c.links,
  provenance: c.provenance.map((p) => ({ field: p.field, value: p.value, source: p.source, at: p.at })),
  notes: c.notes,
  createdAt: c.createdAt,
});
