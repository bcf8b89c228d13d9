/**
 * Correcting or completing a person by hand (the web app's person form, `afterview people edit`):
 * the new value is kept with where it came from, so "where each detail came from" stays true
 * after an edit.
 */
import { formatInstant } from '../../core/time';
import type { Contact, Provenance } from '../../core/types';
import { parseInput } from '../../core/validate';
import type { ServiceContext } from '../context';
import { writeJson } from '../json-columns';
import { updateContact } from './contact.repository';
import { getContact } from './contact.service';
import { type EditContactInput, editContactSchema } from './contact-edit.schemas';

export async function editContact(
  ctx: ServiceContext,
  id: string,
  input: EditContactInput,
  /** Where the new details came from, kept beside each: the web form, or the terminal. */
  source = 'edited by hand',
): Promise<Contact> {
  const data = parseInput(editContactSchema, input);
  const current = await getContact(ctx, id);
  const at = formatInstant(ctx.now);
  const provenance: Provenance[] = [...current.provenance];
  const note = (field: string, value: string | null | undefined, before: string | null) => {
    if (value !== undefined && value !== null && value !== before)
      provenance.push({ field, value, source, at });
  };
  note('displayName', data.displayName, current.displayName);
  note('title', data.title, current.title);
  note('company', data.company, current.company);
  const emails = data.emails?.map((e) => e.toLowerCase());
  for (const e of emails ?? [])
    if (!current.emails.includes(e)) provenance.push({ field: 'email', value: e, source, at });
  for (const p of data.phones ?? [])
    if (!current.phones.includes(p)) provenance.push({ field: 'phone', value: p, source, at });
  await updateContact(ctx.db, ctx.actor.accountId, id, {
    ...(data.displayName !== undefined && { display_name: data.displayName }),
    ...(data.title !== undefined && { title: data.title }),
    ...(data.company !== undefined && { company: data.company }),
    ...(emails !== undefined && { emails: writeJson(emails) }),
    ...(data.phones !== undefined && { phones: writeJson(data.phones) }),
    ...(data.notes !== undefined && { notes: data.notes }),
    provenance: writeJson(provenance),
    updated_at: at,
  });
  return getContact(ctx, id);
}
