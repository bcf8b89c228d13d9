/**
 * `afterview import FILE.json`: read a backup document back into the current account. The whole
 * file is validated first (shape, time zones, playbook, references between records, ids that
 * already exist here); only then is everything written, in one transaction. Any problem names
 * the JSON path at fault (`interviews[3].start: ...`) and writes nothing.
 *
 * A restore never sends anything by itself: notes scheduled in the backup come back as drafts.
 * Into a folder that already has data, it asks whether to keep or replace the settings.
 */
import { AppError, invalid } from '../../core/errors';
import { parsePlaybook } from '../../core/playbook-schema';
import { formatInstant, isValidTimeZone } from '../../core/time';
import { findAccount, updateAccount } from '../accounts/account.repository';
import type { ServiceContext } from '../context';
import { isKnownRegion } from '../holidays/holiday.service';
import { writeJson } from '../json-columns';
import { templateProblem, writeOwnTemplates } from '../templates/template-edit.service';
import { toAccountRows } from './backup.mapping';
import { type ExistingIds, insertAccountRows, readExistingIds } from './backup.repository';
import { type BackupDocument, backupDocumentSchema } from './backup.schemas';

/** What an import wrote. */
export interface ImportSummary {
  contacts: number;
  opportunities: number;
  interviews: number;
  debriefs: number;
  messages: number;
  decisions: number;
  events: number;
  /** The user's own draft templates put back (only when the settings were applied). */
  templates: number;
  /** The backup's settings (zone, holidays, own emails, playbook, signature, name) replaced this account's. */
  settingsApplied: boolean;
  /**
   * Notes that were waiting in the outbox when the backup was made, restored as drafts: they may
   * have gone out since, and sending them again from here would repeat them with the same
   * Message-ID. The user re-schedules the ones still wanted.
   */
  scheduledToDraft: number;
}

/**
 * What to do with the settings when the data folder already holds data of its own: `keep` this
 * folder's, or `replace` them with the backup's. An empty folder simply takes the backup's.
 */
export type SettingsChoice = 'keep' | 'replace';

export interface RestoreOptions {
  settings?: SettingsChoice;
  /** Local mode: the data dir whose `templates/` receives the backup's templates. */
  dataDir?: string | null;
  /**
   * Only into an account with no records of its own (the web app's restore into a hosted
   * account): refuse with this sentence otherwise, checked inside the restore's transaction.
   * Settings the account changed meanwhile are replaced by the backup's.
   */
  emptyOnly?: string;
}

/** The sentence for a restore into a folder with data when no settings choice was given. */
export const NON_EMPTY_MESSAGE =
  'This data folder already has data of its own: the backup would be merged into it. Say what to do with the settings (time zone, holidays, your addresses, name, signature, playbook): --keep-settings keeps this folder’s, --replace-settings takes the backup’s. Or restore into an empty folder with --data DIR. Nothing was imported.';

/** `['interviews', 3, 'start']` → `interviews[3].start`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(document)';
}

/** Parse and validate a backup document; throws invalid-input naming the first bad JSON path. */
export function parseBackup(text: string): BackupDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw invalid(`The file is not valid JSON: ${err instanceof Error ? err.message : String(err)}.`);
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== 'afterview-backup') {
    throw invalid('format: this is not an Afterview backup (no "format": "afterview-backup").', 'format');
  }
  const parsed = backupDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0];
    const path = jsonPath(first?.path ?? []);
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw invalid(`${path}: ${first?.message ?? 'is invalid'}${more}; nothing was imported.`, path);
  }
  return parsed.data;
}

const fail = (path: string, message: string): AppError =>
  invalid(`${path}: ${message}; nothing was imported.`, path);

/** Checks zod cannot express alone: zones, the playbook, duplicates and references between records. */
function checkConsistency(doc: BackupDocument, existing: ExistingIds): void {
  if (!isValidTimeZone(doc.account.timeZone)) {
    throw fail('account.timeZone', `unknown time zone "${doc.account.timeZone}"`);
  }
  try {
    parsePlaybook(doc.account.playbookOverrides, 'account.playbookOverrides');
  } catch (err) {
    // parsePlaybook's message already names the field under account.playbookOverrides.
    const message = err instanceof Error ? err.message : String(err);
    throw invalid(`${message}; nothing was imported.`, 'account.playbookOverrides');
  }

  const seen = (list: string, items: { id: string }[]): Set<string> => {
    const at = new Map<string, number>();
    items.forEach((item, i) => {
      const before = at.get(item.id);
      if (before !== undefined)
        throw fail(`${list}[${i}].id`, `${item.id} appears twice (also ${list}[${before}])`);
      at.set(item.id, i);
    });
    return new Set(at.keys());
  };
  const contacts = seen('contacts', doc.contacts);
  const opportunities = seen('opportunities', doc.opportunities);
  const interviews = seen('interviews', doc.interviews);
  seen('messages', doc.messages);
  seen('events', doc.events);
  seen(
    'decisions',
    doc.decisions.map((d) => ({ id: d.key })),
  );
  seen(
    'debriefs',
    doc.debriefs.map((d) => ({ id: d.interviewId })),
  );

  const hasContact = (id: string) => contacts.has(id) || existing.contacts.has(id);
  doc.opportunities.forEach((o, i) => {
    if (o.recruiterId !== null && !hasContact(o.recruiterId)) {
      throw fail(`opportunities[${i}].recruiterId`, `no person with id ${o.recruiterId} in the file or here`);
    }
  });
  doc.interviews.forEach((iv, i) => {
    if (!isValidTimeZone(iv.timeZone))
      throw fail(`interviews[${i}].timeZone`, `unknown time zone "${iv.timeZone}"`);
    if (!opportunities.has(iv.opportunityId) && !existing.opportunities.has(iv.opportunityId)) {
      throw fail(
        `interviews[${i}].opportunityId`,
        `no opportunity with id ${iv.opportunityId} in the file or here`,
      );
    }
    const inRoom = new Set<string>();
    iv.participants.forEach((p, j) => {
      const path = `interviews[${i}].participants[${j}].contactId`;
      if (!hasContact(p.contactId)) throw fail(path, `no person with id ${p.contactId} in the file or here`);
      if (inRoom.has(p.contactId)) throw fail(path, `${p.contactId} is listed twice`);
      inRoom.add(p.contactId);
    });
  });
  doc.debriefs.forEach((d, i) => {
    if (!interviews.has(d.interviewId) && !existing.interviews.has(d.interviewId)) {
      throw fail(`debriefs[${i}].interviewId`, `no interview with id ${d.interviewId} in the file or here`);
    }
    const noted = new Set<string>();
    d.notes.forEach((n, j) => {
      const path = `debriefs[${i}].notes[${j}].contactId`;
      if (!hasContact(n.contactId)) throw fail(path, `no person with id ${n.contactId} in the file or here`);
      if (noted.has(n.contactId)) throw fail(path, `${n.contactId} is listed twice`);
      noted.add(n.contactId);
    });
  });
  const named = new Map<string, number>();
  doc.templates.forEach((t, i) => {
    const before = named.get(t.name);
    if (before !== undefined)
      throw fail(`templates[${i}].name`, `${t.name} appears twice (also templates[${before}])`);
    named.set(t.name, i);
    const problem = templateProblem(t.text);
    if (problem !== null) throw fail(`templates[${i}].text`, `does not render: ${problem}`);
  });
  doc.messages.forEach((m, i) => {
    const to = new Set<string>();
    m.recipients.forEach((r, j) => {
      const path = `messages[${i}].recipients[${j}].contactId`;
      if (!hasContact(r.contactId)) throw fail(path, `no person with id ${r.contactId} in the file or here`);
      if (to.has(r.contactId)) throw fail(path, `${r.contactId} is listed twice`);
      to.add(r.contactId);
    });
  });
}

/** The first record of the file whose id this account already has, as a conflict error. */
function checkConflicts(doc: BackupDocument, existing: ExistingIds): void {
  const lists: [string, { id: string }[], Set<string>][] = [
    ['contacts', doc.contacts, existing.contacts],
    ['opportunities', doc.opportunities, existing.opportunities],
    ['interviews', doc.interviews, existing.interviews],
    ['messages', doc.messages, existing.messages],
    ['events', doc.events, existing.events],
    ['decisions', doc.decisions.map((d) => ({ id: d.key })), existing.decisions],
  ];
  let count = 0;
  let first: string | null = null;
  for (const [name, items, have] of lists) {
    items.forEach((item, i) => {
      if (!have.has(item.id)) return;
      count++;
      first ??= `${name}[${i}]${name === 'decisions' ? '.key' : '.id'}: ${item.id}`;
    });
  }
  if (first !== null) {
    throw new AppError(
      'conflict',
      `${first} already exists in this data${count > 1 ? ` (${count} records do)` : ''}: ` +
        'this backup (or part of it) was imported before; nothing was imported.',
      (first as string).split(':')[0],
    );
  }
}

/**
 * Validate a backup document (the text of an `afterview export` file) and write all of it into
 * the current account in one transaction: all or nothing.
 * @throws AppError invalid-input (naming the JSON path) or conflict (an id already here).
 */
export async function importBackup(
  ctx: ServiceContext,
  text: string,
  options: RestoreOptions = {},
): Promise<ImportSummary> {
  const doc = parseBackup(text);
  if (doc.account.holidayRegion !== null && !(await isKnownRegion(doc.account.holidayRegion))) {
    throw fail(
      'account.holidayRegion',
      `"${doc.account.holidayRegion}" is not a region the holiday calendar knows`,
    );
  }
  const accountId = ctx.actor.accountId;
  const dataDir = options.dataDir ?? null;
  if (doc.templates.length > 0 && ctx.actor.kind === 'local' && dataDir === null) {
    throw fail('templates', 'this Afterview has no data folder to keep your templates in');
  }
  const rows = toAccountRows(doc, accountId);
  const settingsApplied = await ctx.db.transaction().execute(async (trx) => {
    const existing = await readExistingIds(trx, accountId);
    const hasRecords = Object.values(existing).some((ids) => ids.size > 0);
    // Before the per-record checks: an account with data is refused whole, not id by id.
    if (options.emptyOnly !== undefined && hasRecords) throw new AppError('conflict', options.emptyOnly);
    checkConsistency(doc, existing);
    checkConflicts(doc, existing);
    const account = await findAccount(trx, accountId);
    // A settings change bumps updated_at: a folder whose settings were never touched is empty.
    const ownSettings = account !== undefined && account.updated_at !== account.created_at;
    if ((hasRecords || ownSettings) && options.settings === undefined && options.emptyOnly === undefined) {
      throw new AppError('conflict', NON_EMPTY_MESSAGE, 'settings');
    }
    await insertAccountRows(trx, rows);
    // Templates are settings: a folder that keeps its own settings keeps its own templates too.
    if (options.settings === 'keep') return false;
    await updateAccount(trx, accountId, {
      time_zone: doc.account.timeZone,
      holiday_region: doc.account.holidayRegion,
      own_emails: writeJson(doc.account.ownEmails),
      playbook: writeJson(doc.account.playbookOverrides),
      signature: doc.account.signature,
      display_name: doc.account.displayName,
      locale: doc.account.locale,
      updated_at: formatInstant(ctx.now),
    });
    // Last, so a file that cannot be written rolls the rows back too (hosted: rows in this transaction).
    await writeOwnTemplates(trx, ctx, dataDir, doc.templates);
    return true;
  });
  return {
    contacts: doc.contacts.length,
    opportunities: doc.opportunities.length,
    interviews: doc.interviews.length,
    debriefs: doc.debriefs.length,
    messages: doc.messages.length,
    decisions: doc.decisions.length,
    events: doc.events.length,
    templates: settingsApplied ? doc.templates.length : 0,
    settingsApplied,
    scheduledToDraft: doc.messages.filter((m) => m.status === 'scheduled').length,
  };
}
