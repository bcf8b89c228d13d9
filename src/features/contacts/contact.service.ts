/** People: everyone met along the way, with where each detail came from. */
import type { ParsedAddress } from '../../core/address';
import { notFound } from '../../core/errors';
import { formatInstant } from '../../core/time';
import type { Contact, Provenance } from '../../core/types';
import type { DbOrTrx } from '../../db/database';
import { newId } from '../../db/ids';
import type { ContactRow } from '../../db/tables/contact.table';
import type { ServiceContext } from '../context';
import { readJsonArray, writeJson } from '../json-columns';
import * as repo from './contact.repository';

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    displayName: row.display_name,
    title: row.title,
    company: row.company,
    emails: readJsonArray(row.emails),
    badEmails: readJsonArray(row.bad_emails),
    phones: readJsonArray(row.phones),
    links: readJsonArray(row.links),
    provenance: readJsonArray<Provenance>(row.provenance),
    notes: row.notes,
    createdAt: row.created_at,
  };
}

export async function listContacts(ctx: ServiceContext): Promise<Contact[]> {
  return (await repo.listContacts(ctx.db, ctx.actor.accountId)).map(toContact);
}

export async function getContact(ctx: ServiceContext, id: string, db: DbOrTrx = ctx.db): Promise<Contact> {
  const row = await repo.findContact(db, ctx.actor.accountId, id);
  if (!row) throw notFound('person', id);
  return toContact(row);
}

/**
 * The person with this address, or a new one. Without an address a new person is always
 * created: two interviewers may share a first name, and merging is the user's call.
 */
export async function findOrCreateByAddress(
  trx: DbOrTrx,
  ctx: ServiceContext,
  address: ParsedAddress,
  init: { company?: string | null; title?: string | null; source: string },
): Promise<Contact> {
  const accountId = ctx.actor.accountId;
  if (address.email) {
    const all = (await repo.listContacts(trx, accountId)).map(toContact);
    const match = all.find((c) => c.emails.includes(address.email as string));
    if (match) return match;
  }
  const at = formatInstant(ctx.now);
  const provenance: Provenance[] = [{ field: 'displayName', value: address.name, source: init.source, at }];
  if (address.email) provenance.push({ field: 'email', value: address.email, source: init.source, at });
  const row = {
    id: newId(),
    account_id: accountId,
    display_name: address.name,
    title: init.title ?? null,
    company: init.company ?? null,
    emails: writeJson(address.email ? [address.email] : []),
    bad_emails: '[]',
    phones: '[]',
    links: '[]',
    provenance: writeJson(provenance),
    notes: '',
    created_at: at,
    updated_at: at,
  };
  await repo.insertContact(trx, row);
  return toContact(row);
}
