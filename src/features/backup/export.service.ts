/** `afterview export`: everything of the account as one versioned JSON document. */
import { AppError } from '../../core/errors';
import { formatInstant } from '../../core/time';
import { findAccount } from '../accounts/account.repository';
import type { ServiceContext } from '../context';
import { readOwnTemplates } from '../templates/template.service';
import { toBackupDocument } from './backup.mapping';
import { readAccountRows } from './backup.repository';
import type { BackupDocument } from './backup.schemas';

/**
 * The account's whole store as a backup document (no mail secrets; see backup.schemas.ts), with
 * the draft templates the user wrote: a hosted user's rows, or in local mode the copies in
 * `<dataDir>/templates/`.
 */
export async function exportBackup(
  ctx: ServiceContext,
  options: { dataDir?: string | null } = {},
): Promise<BackupDocument> {
  // One transaction: a consistent snapshot even while the web app or the outbox writes.
  return ctx.db.transaction().execute(async (trx) => {
    const account = await findAccount(trx, ctx.actor.accountId);
    if (!account) throw new AppError('not-found', 'This account no longer exists.');
    const rows = await readAccountRows(trx, ctx.actor.accountId);
    const templates = await readOwnTemplates({ ...ctx, db: trx }, options.dataDir ?? null);
    return toBackupDocument(account, rows, formatInstant(ctx.now), templates);
  });
}

/** The backup as the text written to a file: pretty-printed JSON with a final newline. */
export async function exportBackupText(
  ctx: ServiceContext,
  options: { dataDir?: string | null } = {},
): Promise<string> {
  return `${JSON.stringify(await exportBackup(ctx, options), null, 2)}\n`;
}
