/**
 * Mail from the command line: `config set smtp|imap URL` (keys added to config's table),
 * `send`, `outbox`, `worker`, `sync`, `mail show|test`, and the hand-off for people who keep
 * their password to themselves: `message open | eml | mark-sent`.
 */
import type { Command } from 'commander';
import type { Finding } from '../../core/checker/types';
import { AppError } from '../../core/errors';
import { plural } from '../../core/plural';
import { Temporal } from '../../core/time';
import type { Message } from '../../core/types';
import { testImapConnection, testSmtpConnection } from '../../features/mail/connection-test';
import {
  clearMailServer,
  getMailSettings,
  loadImapServer,
  loadSmtpAccount,
  setImapUrl,
  setSmtpUrl,
  updateMailIdentity,
} from '../../features/mail/mail.service';
import { redactText } from '../../features/mail/mail-url';
import { markSent } from '../../features/messages/message.service';
import { emlFor, mailtoFor } from '../../features/outbox/handoff.service';
import {
  CheckFailedError,
  listOutbox,
  type OutboxEntry,
  scheduleSend,
  sendNow,
} from '../../features/outbox/outbox.service';
import {
  type DeliveryOutcome,
  runOutboxLoop,
  runOutboxOnce,
  type WorkerReport,
} from '../../features/outbox/outbox.worker';
import { syncReplies } from '../../features/replies/replies.service';
import { loadSecretBox, type SecretBox } from '../../features/secrets/secret-box';
import { type DateStyle, formatLocal } from '../format';
import { withPassword } from '../mail-password';
import { present, printJson, table } from '../output';
import { type CommandKit, EXIT } from '../program';
import { resolveId } from '../resolve';
import type { Session } from '../session';
import type { ConfigKey } from './config';
import { systemMailFrom } from './serve-hosted';

const boxOf = (s: Session): SecretBox => loadSecretBox({ dataDir: s.dataDir, env: s.io.env });
const depsOf = (s: Session) => ({ dialect: s.store.dialect, box: boxOf(s) });

/** `config set smtp URL`, `config set imap URL`, `config set mail-signature TEXT`: merged into config's keys. */
export const MAIL_CONFIG_KEYS: Record<string, ConfigKey> = {
  smtp: {
    usage:
      'smtps://user@host:465 or smtp://user@host:587 (?from=Name <you@example.com>); the password is asked for, piped, or read from AFTERVIEW_SMTP_PASSWORD; or "none"',
    set: async (s, value) => {
      if (value === 'none') {
        await clearMailServer(s.ctx, 'smtp');
        return 'SMTP disconnected; its password is deleted.';
      }
      const settings = await setSmtpUrl(s.ctx, boxOf(s), await withPassword('smtp', value, s.io));
      return `SMTP set to ${settings.smtpUrl}, sending as ${settings.fromAddress}${settings.smtpPasswordSet ? ' (password stored encrypted)' : ''}. Check it with: afterview mail test`;
    },
  },
  imap: {
    usage:
      'imaps://user@host:993 or imap://user@host:143; the password is asked for, piped, or read from AFTERVIEW_IMAP_PASSWORD; or "none"',
    set: async (s, value) => {
      if (value === 'none') {
        await clearMailServer(s.ctx, 'imap');
        return 'IMAP disconnected; its password is deleted.';
      }
      const settings = await setImapUrl(s.ctx, boxOf(s), await withPassword('imap', value, s.io));
      return `IMAP set to ${settings.imapUrl}${settings.imapPasswordSet ? ' (password stored encrypted)' : ''}. Check it with: afterview mail test`;
    },
  },
  'mail-signature': {
    usage: 'the signature under every email sent (use \\n for new lines), or "none"',
    set: async (s, value) => {
      await updateMailIdentity(s.ctx, { signature: value === 'none' ? null : value.replaceAll('\\n', '\n') });
      return 'Mail signature saved.';
    },
  },
};

function formatOutbox(entries: OutboxEntry[], zone: DateStyle): string {
  if (entries.length === 0) return 'The outbox is empty.';
  return table([
    ['ID', 'STATUS', 'WHEN', 'TRIES', 'SUBJECT', 'NOTE'],
    ...entries.map((m) => [
      m.id,
      m.status,
      (m.sentAt ?? m.sendAt) ? formatLocal((m.sentAt ?? m.sendAt) as string, zone) : '-',
      String(m.attempts),
      m.subject.length > 40 ? `${m.subject.slice(0, 39)}…` : m.subject,
      m.lastError ?? '',
    ]),
  ]);
}

function describeEntry(m: OutboxEntry, zone: DateStyle): string {
  switch (m.status) {
    case 'sent':
      return `Sent ${m.id} at ${formatLocal(m.sentAt as string, zone)} (Message-ID ${m.rfcMessageId}).`;
    case 'scheduled':
      return m.attempts > 0
        ? `Not sent yet: ${m.lastError}; will try again at ${formatLocal(m.sendAt as string, zone)}.`
        : `Scheduled ${m.id} for ${formatLocal(m.sendAt as string, zone)}; afterview worker (or afterview serve) sends it.`;
    case 'failed':
      return `Failed: ${m.lastError}`;
    case 'uncertain':
      return `Uncertain: ${m.lastError} Check your Sent folder, then: afterview message mark-sent ${m.id} (or send it again).`;
    default:
      return `${m.id} is ${m.status}.`;
  }
}

function formatReport(r: WorkerReport): string {
  return `claimed ${r.claimed}, sent ${r.sent}, retrying ${r.retried}, failed ${r.failed}, uncertain ${r.uncertain} (${r.expired} from stopped workers, ${r.resolved} resolved from the Sent folder)${r.released ? `, released ${r.released} not started (stopping)` : ''}`;
}

function onCheckFailed(s: Session, err: CheckFailedError): number {
  present(s, { findings: err.findings }, () =>
    err.findings
      .map((f: Finding) => `${f.severity.padEnd(7)}  ${f.rule.padEnd(18)}  ${f.message}`)
      .join('\n'),
  );
  s.io.stderr(`afterview: ${err.message}\n`);
  return EXIT.checkFailed;
}

export function registerMailCommands(program: Command, kit: CommandKit): void {
  program
    .command('send')
    .description('check a drafted note and send it now, or at --at (exit 1 when the checker finds errors)')
    .argument('<messageId>', 'the message id (from afterview draft)')
    .option('--at <iso>', 'send later, e.g. 2026-12-08T08:30 (read in your time zone)')
    .option('--force', 'send despite checker errors or an address that bounced before')
    .action((typed: string, o: { at?: string; force?: boolean }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const id = await resolveId(s.ctx, 'message', typed, 'messageId');
        try {
          if (o.at) {
            const r = await scheduleSend(s.ctx, depsOf(s), id, { at: o.at, force: Boolean(o.force) });
            present(s, { message: r.message, findings: r.findings }, () => describeEntry(r.message, s));
            return EXIT.ok;
          }
          const r = await sendNow(s.ctx, depsOf(s), id, { force: Boolean(o.force) });
          present(s, { message: r.message, findings: r.findings }, () => describeEntry(r.message, s));
          return r.message.status === 'failed' || r.message.status === 'uncertain' ? EXIT.internal : EXIT.ok;
        } catch (err) {
          if (err instanceof CheckFailedError) return onCheckFailed(s, err);
          throw err;
        }
      }),
    );

  program
    .command('outbox')
    .description('every message sent or on its way, with its state')
    .action((_o: unknown, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const entries = await listOutbox(s.ctx);
        present(s, { messages: entries }, () => formatOutbox(entries, s));
      }),
    );

  program
    .command('worker')
    .description('send due messages from the outbox; keeps running unless --once')
    .option('--once', 'send what is due, then exit')
    .option('--lease-seconds <n>', 'how long a claim holds before a silent worker is presumed dead', '300')
    .option('--poll-ms <n>', 'pause between passes when nothing is due', '5000')
    .option(
      '--batch <n>',
      'messages claimed at a time (more is faster; a crash leaves them all uncertain)',
      '1',
    )
    .action((o: { once?: boolean; leaseSeconds: string; pollMs: string; batch: string }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const fixed = cmd.optsWithGlobals<{ now?: string }>().now ?? s.io.env.AFTERVIEW_NOW;
        const cfg = {
          db: s.ctx.db,
          forAccount: s.store.forAccount,
          dialect: s.store.dialect,
          box: boxOf(s),
          now: fixed ? () => s.ctx.now : () => Temporal.Now.instant(),
          leaseSeconds: Number(o.leaseSeconds),
          batchSize: Number(o.batch),
          onOutcome: (d: DeliveryOutcome) => {
            if (!s.json) s.io.stdout(`${d.messageId}  ${d.status}${d.reason ? `  ${d.reason}` : ''}\n`);
          },
        };
        // With AFTERVIEW_SYSTEM_SMTP_URL set, a worker also sends hosted mode's own mails.
        const systemSmtpUrl = s.io.env.AFTERVIEW_SYSTEM_SMTP_URL || undefined;
        const systemMail = systemSmtpUrl
          ? { smtpUrl: systemSmtpUrl, from: systemMailFrom(s.io.env) }
          : undefined;
        if (o.once) {
          const report = await runOutboxOnce(cfg);
          if (!systemMail) {
            present(s, report, () => formatReport(report));
            return EXIT.ok;
          }
          const { runSystemMailOnce } = await import('../../features/outbox/system-mail.worker');
          const system = await runSystemMailOnce({ ...cfg, ...systemMail });
          present(
            s,
            { ...report, system },
            () =>
              `${formatReport(report)}\nsystem mails: sent ${system.sent}, retrying ${system.retried}, failed ${system.failed}, uncertain ${system.uncertain}`,
          );
          return EXIT.ok;
        }
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          const total = await runOutboxLoop({
            ...cfg,
            signal: stop.signal,
            pollMs: Number(o.pollMs),
            ...(systemMail && { systemMail }),
            onError: (err) =>
              s.io.stderr(`afterview worker: ${err instanceof Error ? err.message : String(err)}\n`),
          });
          if (s.json) printJson(s.io, total);
          else s.io.stdout(`${formatReport(total)}\n`);
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
        return EXIT.ok;
      }),
    );

  program
    .command('sync')
    .description(
      'one IMAP pass: record replies, skip auto-replies, mark bounced addresses, resolve uncertain sends',
    )
    .option('--mailbox <name...>', 'mailboxes to read (default INBOX)')
    .action((o: { mailbox?: string[] }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const report = await syncReplies(s.ctx, boxOf(s), o.mailbox ? { mailboxes: o.mailbox } : {});
        present(
          s,
          report,
          () =>
            `${plural(report.replies, 'reply')}, ${plural(report.autoReplies, 'automatic answer')}, ${plural(report.bounces, 'bounce')}, ${report.unmatched} not about your opportunities; ${plural(report.resolved, 'uncertain send')} found in Sent.` +
            // Unreadable messages are skipped for good, so say which and why.
            report.unreadable
              .map((u) => `\nSkipped an unreadable message (${u.mailbox} UID ${u.uid}): ${u.reason}`)
              .join(''),
        );
      }),
    );

  const mail = program
    .command('mail')
    .description('the connected mailbox: show the settings, test the connection');
  mail
    .command('show')
    .description('the SMTP/IMAP settings (passwords are never shown)')
    .action((_o: unknown, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const settings = await getMailSettings(s.ctx);
        present(s, settings, () =>
          [
            `smtp       ${settings.smtpUrl ?? '-'}${settings.smtpPasswordSet ? '  (password set)' : ''}`,
            `imap       ${settings.imapUrl ?? '-'}${settings.imapPasswordSet ? '  (password set)' : ''}`,
            `from       ${settings.fromName ? `${settings.fromName} ` : ''}${settings.fromAddress ? `<${settings.fromAddress}>` : '-'}`,
            `signature  ${settings.signature?.replaceAll('\n', ' / ') ?? '-'}`,
          ].join('\n'),
        );
      }),
    );
  mail
    .command('test')
    .description('connect and sign in to SMTP (and IMAP), saying in plain words what failed')
    .option('--to <address>', 'also send a short test message to this address')
    .action((o: { to?: string }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const box = boxOf(s);
        const smtp = await loadSmtpAccount(s.ctx.db, s.ctx.actor.accountId, box);
        const imap = await loadImapServer(s.ctx.db, s.ctx.actor.accountId, box);
        const reports = [
          ...(smtp ? [await testSmtpConnection(smtp, o.to ? { sendTo: o.to } : {})] : []),
          ...(imap ? [await testImapConnection(imap.server)] : []),
        ];
        if (reports.length === 0) {
          s.io.stderr('afterview: no mail server is connected: afterview config set smtp URL\n');
          return EXIT.badInput;
        }
        present(s, { results: reports }, () =>
          reports
            .map((r) => `${r.protocol}  ${r.ok ? 'ok    ' : 'FAILED'}  ${redactText(r.message)}`)
            .join('\n'),
        );
        return reports.every((r) => r.ok) ? EXIT.ok : EXIT.internal;
      }),
    );

  // `message` is another command file's group: add to it rather than define a second one.
  const message =
    program.commands.find((c) => c.name() === 'message') ??
    program.command('message').description('notes sent and replies received');
  message
    .command('open')
    .description('print the note as a mailto: URL that opens it in your mail app')
    .argument('<messageId>')
    .option('--force', 'hand it over despite checker errors, as send --force does')
    .action((typed: string, o: { force?: boolean }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const id = await resolveId(s.ctx, 'message', typed, 'messageId');
        const url = await mailtoFor(s.ctx, id, { force: o.force });
        present(s, { id, mailto: url }, () => url);
      }),
    );
  message
    .command('eml')
    .description('write the note as an .eml file to standard output (afterview message eml ID > note.eml)')
    .argument('<messageId>')
    .option('--force', 'hand it over despite checker errors, as send --force does')
    .action((typed: string, o: { force?: boolean }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const id = await resolveId(s.ctx, 'message', typed, 'messageId');
        const raw = await emlFor(s.ctx, id, { force: o.force }).catch((err: unknown) => {
          // The service says what is missing; the terminal also says how to set it here.
          if (err instanceof AppError && err.field === 'from')
            throw new AppError(
              err.code,
              `${err.message} Set it with: afterview config set me EMAIL.`,
              'from',
            );
          throw err;
        });
        if (s.json) printJson(s.io, { id, eml: raw.toString('utf8') });
        else s.io.stdout(raw.toString('utf8'));
      }),
    );
  message
    .command('mark-sent')
    .description('record that you sent the note yourself (from your mail app)')
    .argument('<messageId>')
    .option('--at <iso>', 'when you sent it (default: now)')
    .action((id: string, o: { at?: string }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const m: Message = await markSent(s.ctx, await resolveId(s.ctx, 'message', id, 'messageId'), o.at);
        present(s, m, () => `Marked ${m.id} as sent at ${formatLocal(m.sentAt as string, s)}.`);
      }),
    );
}
