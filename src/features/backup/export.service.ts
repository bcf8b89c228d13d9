/** `afterview export`: everything of the account as one versioned JSON document. */
import { AppError } from '../../core/errors';
import { formatInstant } from '../../core/time';
import { findAccount } from '../accounts/account.repository';
import type { ServiceContext } from '../context';
import { toBackupDocument } from './backup.mapping';
import { readAccountRows } from './backup.repository';
import type { BackupDocument } from './backup.schemas';

/** The account's whole store as a backup document (no mail secrets; see backup.schemas.ts). */
export async function exportBackup(ctx: ServiceContext): Promise<BackupDocument> {
  // One transaction: a consistent snapshot even while the web app or the outbox writes.
  return ctx.db.transaction().execute(async (trx) => {
    const account = await findAccount(trx, ctx.actor.accountId);
    if (!account) throw new AppError('not-found', 'This account no longer exists.');
    const rows = await readAccountRows(trx, ctx.actor.accountId);
    return toBackupDocument(account, rows, formatInstant(ctx.now));
  });
}

/** The backup as the text written to a file: pretty-printed JSON with a final newline. */
export async function exportBackupText(ctx: ServiceContext): Promise<string> {
  return `${JSON.stringify(await exportBackup(ctx), null, 2)}\n`;
}
