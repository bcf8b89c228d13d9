/** The account's settings: zone, holiday region, own addresses, playbook overrides, signature, locale. */

import { defaultLocaleFor, isLocale, type Locale } from '../../core/drafts/locale';
import { AppError, invalid } from '../../core/errors';
import { defaultPlaybook, overridesNothing, type Playbook } from '../../core/playbook';
import { formatInstant, isValidTimeZone, type Temporal } from '../../core/time';
import type { Account } from '../../core/types';
import type { Db } from '../../db/database';
import { newId } from '../../db/ids';
import type { AccountRow } from '../../db/tables/account.table';
import type { Actor, ServiceContext } from '../context';
import { readJsonArray, readJsonObject, writeJson } from '../json-columns';
import * as repo from './account.repository';

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    timeZone: row.time_zone,
    holidayRegion: row.holiday_region,
    ownEmails: readJsonArray(row.own_emails),
    playbookOverrides: readJsonObject(row.playbook),
    signature: row.signature,
    displayName: row.display_name,
    // A value this build does not know (a newer version wrote it) falls back like an unset one.
    locale: isLocale(row.locale) ? row.locale : defaultLocaleFor(row.time_zone),
    localeChosen: isLocale(row.locale),
  };
}

/** The zone of this machine, the sensible default for a local install. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Local mode: the one account of this data dir, created on first use with the machine's zone.
 */
export async function ensureLocalAccount(db: Db, now: Temporal.Instant): Promise<Actor> {
  return { accountId: (await localAccount(db, now)).id, kind: 'local' };
}

/** The one account of this data dir with its settings (created on first use): one read a CLI run. */
export async function localAccount(db: Db, now: Temporal.Instant): Promise<Account> {
  const existing = await repo.findFirstAccount(db);
  if (existing) return toAccount(existing);
  const actor = await createAccount(db, now, { timeZone: systemTimeZone() });
  return getAccount({ db, actor, now });
}

/** Create an account (hosted sign-up, tests). */
export async function createAccount(
  db: Db,
  now: Temporal.Instant,
  init: { timeZone: string; holidayRegion?: string | null; id?: string },
): Promise<Actor> {
  if (!isValidTimeZone(init.timeZone)) throw invalid(`Unknown time zone "${init.timeZone}".`, 'timeZone');
  const id = init.id ?? newId();
  const at = formatInstant(now);
  await repo.insertAccount(db, {
    id,
    time_zone: init.timeZone,
    holiday_region: init.holidayRegion ?? null,
    own_emails: '[]',
    playbook: '{}',
    signature: null,
    display_name: null,
    locale: null,
    feed_token: null,
    created_at: at,
    updated_at: at,
  });
  return { accountId: id, kind: 'local' };
}

export async function getAccount(ctx: ServiceContext): Promise<Account> {
  const row = await repo.findAccount(ctx.db, ctx.actor.accountId);
  if (!row) throw new AppError('not-found', 'This account no longer exists.');
  return toAccount(row);
}

/** The effective playbook: the defaults with the account's overrides applied. */
export async function getPlaybook(ctx: ServiceContext): Promise<Playbook> {
  return playbookOf(await getAccount(ctx));
}

/** The effective playbook of an account already read. */
export async function playbookOf(account: Account): Promise<Playbook> {
  // Most accounts override nothing: the defaults need no validating, and zod (the schema's
  // library) stays unloaded on `afterview today`. Overrides were validated when saved; they are
  // parsed again here because the schema may have changed since.
  if (overridesNothing(account.playbookOverrides)) return defaultPlaybook();
  const { parsePlaybook } = await import('../../core/playbook-schema');
  return parsePlaybook(account.playbookOverrides, 'saved playbook');
}

export interface SettingsPatch {
  timeZone?: string;
  holidayRegion?: string | null;
  ownEmails?: string[];
  playbookOverrides?: unknown;
  signature?: string | null;
  displayName?: string | null;
  /** A locale, or null to follow the time zone again. */
  locale?: Locale | null;
}

/** Change settings; every field is validated before anything is written. */
export async function updateSettings(ctx: ServiceContext, patch: SettingsPatch): Promise<Account> {
  if (patch.timeZone !== undefined && !isValidTimeZone(patch.timeZone)) {
    throw invalid(
      `Unknown time zone "${patch.timeZone}": use an IANA name such as Europe/Berlin.`,
      'timeZone',
    );
  }
  if (patch.playbookOverrides !== undefined) {
    const { parsePlaybook } = await import('../../core/playbook-schema');
    parsePlaybook(patch.playbookOverrides);
  }
  await repo.updateAccount(ctx.db, ctx.actor.accountId, {
    ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
    ...(patch.holidayRegion !== undefined && { holiday_region: patch.holidayRegion }),
    ...(patch.ownEmails !== undefined && {
      own_emails: writeJson(patch.ownEmails.map((e) => e.toLowerCase())),
    }),
    ...(patch.playbookOverrides !== undefined && { playbook: writeJson(patch.playbookOverrides) }),
    ...(patch.signature !== undefined && { signature: patch.signature }),
    ...(patch.displayName !== undefined && { display_name: patch.displayName }),
    ...(patch.locale !== undefined && { locale: patch.locale }),
    updated_at: formatInstant(ctx.now),
  });
  return getAccount(ctx);
}
