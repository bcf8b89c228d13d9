/**
 * Ids and action keys typed in a terminal are long; like git, every command accepts an
 * unambiguous prefix of one. A prefix that matches several says which, so the user can add a
 * character or two; one that matches none says where the list is.
 */
import { AppError, invalid } from '../core/errors';
import { plural } from '../core/plural';
import { listContacts } from '../features/contacts/contact.service';
import type { ServiceContext } from '../features/context';
import { listInterviews } from '../features/interviews/interview.service';
import { listMessages } from '../features/messages/message.service';
import { listOpportunities } from '../features/opportunities/opportunity.service';
import { actionsForKeyPrefix } from '../features/plan/key-prefix.service';

/** One thing a prefix may name: its full id (or key) and how to show it in a list of matches. */
export interface Candidate {
  id: string;
  label: string;
}

/** What each kind of id is called in messages, and which command lists them. */
const KINDS = {
  opportunity: { noun: 'opportunity', list: 'afterview opportunities' },
  interview: { noun: 'interview', list: 'afterview interviews' },
  person: { noun: 'person', list: 'afterview people' },
  message: { noun: 'message', list: 'afterview outbox' },
  action: { noun: 'action', list: 'afterview today' },
} as const;
export type IdKind = keyof typeof KINDS;

/** How many matches an ambiguity message lists before "and N more". */
const SHOWN = 8;

/**
 * The one candidate `typed` names: an exact id, else the only id starting with it. A trailing
 * "…" (as the README shortens ids) is ignored.
 */
export function pickByPrefix(kind: IdKind, typed: string, candidates: Candidate[], field: string): string {
  const text = typed.trim().replace(/…$/, '');
  const { noun, list } = KINDS[kind];
  if (text === '') throw invalid(`${field}: give the ${noun}'s id (\`${list}\` lists them).`, field);
  const exact = candidates.find((c) => c.id === text);
  if (exact) return exact.id;
  const matches = candidates.filter((c) => c.id.startsWith(text));
  const only = matches[0];
  if (matches.length === 1 && only) return only.id;
  if (matches.length === 0)
    throw new AppError(
      'not-found',
      `${field}: no ${noun} with an id starting "${text}" (\`${list}\` lists them).`,
      field,
    );
  const shown = matches
    .slice(0, SHOWN)
    .map((c) => `  ${c.id}  ${c.label}`)
    .join('\n');
  const more = matches.length > SHOWN ? `\n  … and ${matches.length - SHOWN} more` : '';
  throw invalid(
    `${field}: "${text}" could be any of ${plural(matches.length, noun)}; type more of the ${kind === 'action' ? 'key' : 'id'}:\n${shown}${more}`,
    field,
  );
}

async function candidatesOf(ctx: ServiceContext, kind: IdKind, typed: string): Promise<Candidate[]> {
  switch (kind) {
    case 'opportunity':
      return (await listOpportunities(ctx)).map((o) => ({ id: o.id, label: `${o.company} — ${o.role}` }));
    case 'interview':
      return (await listInterviews(ctx)).map((i) => ({
        id: i.id,
        label: `${i.round || 'Interview'} ${i.start}`,
      }));
    case 'person':
      return (await listContacts(ctx)).map((c) => ({ id: c.id, label: c.displayName }));
    case 'message':
      return (await listMessages(ctx)).map((m) => ({
        id: m.id,
        label: `${m.kind} ${m.status} ${m.subject}`.trim(),
      }));
    case 'action':
      // Only the opportunities the typed key can be about are planned.
      return (await actionsForKeyPrefix(ctx, typed.trim().replace(/…$/, ''))).map((a) => ({
        id: a.key,
        label: a.title,
      }));
  }
}

/** The full id (or action key) the user meant by `typed`; `field` names the option in errors. */
export async function resolveId(
  ctx: ServiceContext,
  kind: IdKind,
  typed: string,
  field: string = kind === 'action' ? 'key' : kind,
): Promise<string> {
  return pickByPrefix(kind, typed, await candidatesOf(ctx, kind, typed), field);
}

/** Like resolveId for an optional option: undefined stays undefined. */
export async function resolveOptionalId(
  ctx: ServiceContext,
  kind: IdKind,
  typed: string | undefined,
  field?: string,
): Promise<string | undefined> {
  return typed === undefined ? undefined : resolveId(ctx, kind, typed, field);
}
