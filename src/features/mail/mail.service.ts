/**
 * The account's mailbox connection: SMTP for sending, optionally IMAP for reply detection and
 * resolving uncertain sends. Passwords are sealed with the SecretBox before they reach the
 * database and only opened to connect; nothing this module returns to callers carries them.
 */
import { isEmail, parseAddress } from '../../core/address';
import { invalid } from '../../core/errors';
import { formatInstant } from '../../core/time';
import type { DbOrTrx } from '../../db/database';
import type { MailAccountRow, MailAccountUpdate } from '../../db/tables/mail-account.table';
import { getAccount } from '../accounts/account.service';
import type { ServiceContext } from '../context';
import type { SecretBox } from '../secrets/secret-box';
import * as repo from './mail.repository';
import { type MailProtocol, type MailServer, parseMailUrl, serverUrl } from './mail-url';

/** What the settings page and `config show` may see: never a password, only whether one is set. */
export interface MailSettings {
  smtpUrl: string | null;
  smtpPasswordSet: boolean;
  imapUrl: string | null;
  imapPasswordSet: boolean;
  fromName: string | null;
  fromAddress: string | null;
  signature: string | null;
  sentMailbox: string | null;
}

/** An SMTP connection ready to use: the server with its password opened, and who mail is from. */
export interface SmtpAccount {
  server: MailServer;
  fromName: string | null;
  fromAddress: string;
  signature: string | null;
}

/** Bound into each sealed password, so a value copied to another account or field does not open. */
export const secretPurpose = (protocol: MailProtocol, accountId: string): string =>
  `${protocol}:${accountId}`;

function toSettings(row: MailAccountRow | undefined): MailSettings {
  return {
    smtpUrl: row?.smtp_url ?? null,
    smtpPasswordSet: Boolean(row?.smtp_password_enc),
    imapUrl: row?.imap_url ?? null,
    imapPasswordSet: Boolean(row?.imap_password_enc),
    fromName: row?.from_name ?? null,
    fromAddress: row?.from_address ?? null,
    signature: row?.signature ?? null,
    sentMailbox: row?.sent_mailbox ?? null,
  };
}

export async function getMailSettings(ctx: ServiceContext): Promise<MailSettings> {
  return toSettings(await repo.findMailAccount(ctx.db, ctx.actor.accountId));
}

async function upsert(ctx: ServiceContext, patch: MailAccountUpdate): Promise<MailSettings> {
  const at = formatInstant(ctx.now);
  const accountId = ctx.actor.accountId;
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.findMailAccount(trx, accountId);
    if (existing) await repo.updateMailAccount(trx, accountId, { ...patch, updated_at: at });
    else
      await repo.insertMailAccount(trx, {
        account_id: accountId,
        smtp_url: null,
        smtp_password_enc: null,
        imap_url: null,
        imap_password_enc: null,
        from_name: null,
        from_address: null,
        signature: null,
        sent_mailbox: null,
        ...patch,
        created_at: at,
        updated_at: at,
      });
  });
  return getMailSettings(ctx);
}

/**
 * Connect SMTP from a URL (`smtp://user:pass@host:587?from=Name <me@x>`). The sender defaults to
 * `from=`, else the user name when it is an address, else the account's first own address.
 */
export async function setSmtpUrl(ctx: ServiceContext, box: SecretBox, url: string): Promise<MailSettings> {
  const server = parseMailUrl(url, 'smtp');
  const account = await getAccount(ctx);
  const current = await repo.findMailAccount(ctx.db, ctx.actor.accountId);
  let fromName = current?.from_name ?? account.displayName;
  let fromAddress = current?.from_address ?? null;
  if (server.from) {
    const parsed = parseAddress(server.from, 'smtp from');
    if (!parsed.email)
      throw invalid('smtp: from= must be an address like "Your Name <you@example.com>".', 'smtp');
    fromAddress = parsed.email;
    if (parsed.name !== parsed.email) fromName = parsed.name;
  }
  fromAddress ??=
    server.user && isEmail(server.user) ? server.user.toLowerCase() : (account.ownEmails[0] ?? null);
  if (!fromAddress) {
    throw invalid(
      'smtp: say who mail is from: add ?from=you@example.com to the URL, or run: afterview config set me EMAIL',
      'smtp',
    );
  }
  return upsert(ctx, {
    smtp_url: serverUrl(server),
    smtp_password_enc: server.password
      ? box.seal(server.password, secretPurpose('smtp', ctx.actor.accountId))
      : null,
    from_name: fromName,
    from_address: fromAddress,
  });
}

/** Connect IMAP from a URL (`imaps://user:pass@host:993`), for replies and the Sent folder. */
export async function setImapUrl(ctx: ServiceContext, box: SecretBox, url: string): Promise<MailSettings> {
  const server = parseMailUrl(url, 'imap');
  return upsert(ctx, {
    imap_url: serverUrl(server),
    imap_password_enc: server.password
      ? box.seal(server.password, secretPurpose('imap', ctx.actor.accountId))
      : null,
  });
}

/** Forget a connection and its sealed password (`config set smtp none`). */
export async function clearMailServer(ctx: ServiceContext, protocol: MailProtocol): Promise<MailSettings> {
  return upsert(
    ctx,
    protocol === 'smtp'
      ? { smtp_url: null, smtp_password_enc: null }
      : { imap_url: null, imap_password_enc: null },
  );
}

/** Change who mail is from, the signature under each note, or the folder searched for sent mail. */
export async function updateMailIdentity(
  ctx: ServiceContext,
  patch: {
    fromName?: string | null;
    fromAddress?: string;
    signature?: string | null;
    sentMailbox?: string | null;
  },
): Promise<MailSettings> {
  if (patch.fromAddress !== undefined && !isEmail(patch.fromAddress)) {
    throw invalid(`fromAddress: "${patch.fromAddress}" is not a valid email address.`, 'fromAddress');
  }
  return upsert(ctx, {
    ...(patch.fromName !== undefined && { from_name: patch.fromName }),
    ...(patch.fromAddress !== undefined && { from_address: patch.fromAddress.toLowerCase() }),
    ...(patch.signature !== undefined && { signature: patch.signature }),
    ...(patch.sentMailbox !== undefined && { sent_mailbox: patch.sentMailbox }),
  });
}

function openServer(
  url: string,
  sealed: string | null,
  protocol: MailProtocol,
  accountId: string,
  box: SecretBox,
): MailServer {
  const server = parseMailUrl(url, protocol);
  return { ...server, password: sealed ? box.open(sealed, secretPurpose(protocol, accountId)) : null };
}

/** The SMTP connection of `accountId` with its password opened, or null when none is set. */
export async function loadSmtpAccount(
  db: DbOrTrx,
  accountId: string,
  box: SecretBox,
): Promise<SmtpAccount | null> {
  const row = await repo.findMailAccount(db, accountId);
  if (!row?.smtp_url || !row.from_address) return null;
  return {
    server: openServer(row.smtp_url, row.smtp_password_enc, 'smtp', accountId, box),
    fromName: row.from_name,
    fromAddress: row.from_address,
    signature: row.signature,
  };
}

/** The IMAP connection of `accountId` with its password opened, or null when none is set. */
export async function loadImapServer(
  db: DbOrTrx,
  accountId: string,
  box: SecretBox,
): Promise<{ server: MailServer; sentMailbox: string | null } | null> {
  const row = await repo.findMailAccount(db, accountId);
  if (!row?.imap_url) return null;
  return {
    server: openServer(row.imap_url, row.imap_password_enc, 'imap', accountId, box),
    sentMailbox: row.sent_mailbox,
  };
}
