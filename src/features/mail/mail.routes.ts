/**
 * HTTP routes for the connected mailbox. A password goes in (inside the URL) and never comes
 * back out: every answer is MailSettings, which only says whether one is set.
 */
import { z } from 'zod';
import { syncReplies } from '../replies/replies.service';
import type { FeatureRoutes } from '../route-kit';
import { loadSecretBox, type SecretBox } from '../secrets/secret-box';
import { testImapConnection, testSmtpConnection } from './connection-test';
import {
  clearMailServer,
  getMailSettings,
  loadImapServer,
  loadSmtpAccount,
  setImapUrl,
  setSmtpUrl,
  updateMailIdentity,
} from './mail.service';

export const mailSettingsView = z.object({
  smtpUrl: z.string().nullable(),
  smtpPasswordSet: z.boolean(),
  imapUrl: z.string().nullable(),
  imapPasswordSet: z.boolean(),
  fromName: z.string().nullable(),
  fromAddress: z.string().nullable(),
  signature: z.string().nullable(),
  sentMailbox: z.string().nullable(),
});

const serverBody = z.object({ url: z.string().min(1).max(2000).nullable() });
const identityBody = z.object({
  fromName: z.string().max(200).nullable().optional(),
  fromAddress: z.string().max(320).optional(),
  signature: z.string().max(2000).nullable().optional(),
  sentMailbox: z.string().max(200).nullable().optional(),
});
const reportView = z.object({
  protocol: z.enum(['smtp', 'imap']),
  server: z.string(),
  ok: z.boolean(),
  message: z.string(),
});

/** The installation's secret box: the data dir's key file, or AFTERVIEW_SECRET_KEY. */
export function serverSecretBox(dataDir: string | null): SecretBox {
  return loadSecretBox({ dataDir: dataDir ?? '', env: process.env });
}

export const mailRoutes: FeatureRoutes = async (app, { contextOf, dataDir }) => {
  const box = serverSecretBox(dataDir);

  app.get(
    '/mail/settings',
    { schema: { tags: ['mail'], response: { 200: mailSettingsView } } },
    async (req) => getMailSettings(await contextOf(req)),
  );

  for (const protocol of ['smtp', 'imap'] as const) {
    app.put(
      `/mail/${protocol}`,
      {
        schema: {
          tags: ['mail'],
          description: `Connect ${protocol.toUpperCase()} from a URL with the password in it (stored encrypted), or null to disconnect.`,
          body: serverBody,
          response: { 200: mailSettingsView },
        },
      },
      async (req) => {
        const ctx = await contextOf(req);
        if (req.body.url === null) return clearMailServer(ctx, protocol);
        return protocol === 'smtp' ? setSmtpUrl(ctx, box, req.body.url) : setImapUrl(ctx, box, req.body.url);
      },
    );
  }

  app.patch(
    '/mail/identity',
    { schema: { tags: ['mail'], body: identityBody, response: { 200: mailSettingsView } } },
    async (req) => updateMailIdentity(await contextOf(req), req.body),
  );

  app.post(
    '/mail/test',
    {
      schema: {
        tags: ['mail'],
        description:
          'Connect and sign in; says in plain words what failed (DNS, TLS, authentication, relay).',
        body: z.object({ sendTo: z.email().optional() }).optional(),
        response: { 200: z.object({ results: z.array(reportView) }) },
      },
    },
    async (req) => {
      const ctx = await contextOf(req);
      const smtp = await loadSmtpAccount(ctx.db, ctx.actor.accountId, box);
      const imap = await loadImapServer(ctx.db, ctx.actor.accountId, box);
      const sendTo = req.body?.sendTo;
      return {
        results: [
          ...(smtp ? [await testSmtpConnection(smtp, sendTo ? { sendTo } : {})] : []),
          ...(imap ? [await testImapConnection(imap.server)] : []),
        ],
      };
    },
  );

  app.post(
    '/mail/sync',
    {
      schema: {
        tags: ['mail'],
        description: 'One IMAP pass: record replies, skip automatic answers, mark bounced addresses.',
        response: {
          200: z.object({
            replies: z.number(),
            autoReplies: z.number(),
            bounces: z.number(),
            unmatched: z.number(),
            duplicates: z.number(),
            resolved: z.number(),
          }),
        },
      },
    },
    async (req) => syncReplies(await contextOf(req), box),
  );
};
