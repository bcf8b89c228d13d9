/**
 * The hosted server's process: store, better-auth, web server, mail worker; stops on SIGINT or
 * SIGTERM. Loaded only when `serve --hosted` runs. No local account is created: every account
 * comes from a sign-up.
 */
import { AppError, invalid } from '../../core/errors';
import { parseUserInstant, Temporal } from '../../core/time';
import { openStore } from '../../db/connect';
import { createAuth } from '../../features/auth/auth';
import { systemMailer } from '../../features/auth/system-mailer';
import { loadSecretBox } from '../../features/secrets/secret-box';
import { buildServer } from '../../http/server';
import type { CliIo } from '../io';
import { type GlobalOptions, resolveDataDir, storeUrl } from '../session';
import { findWebRoot, untilStopSignal } from './serve';
import { readHostedConfig } from './serve-hosted';

export async function runHostedServer(options: {
  io: CliIo;
  global: GlobalOptions;
  host: string;
  port: number;
}): Promise<void> {
  const { io, host, port } = options;
  const config = readHostedConfig(io.env);
  const dataDir = resolveDataDir(options.global, io);
  const pinnedText = options.global.now ?? io.env.AFTERVIEW_NOW;
  let pinned: Temporal.Instant | null = null;
  if (pinnedText) {
    try {
      pinned = parseUserInstant(pinnedText, 'UTC');
    } catch {
      throw invalid(`--now: "${pinnedText}" is not an ISO-8601 time such as 2026-12-08T18:00Z.`, 'now');
    }
  }
  const now = () => pinned ?? Temporal.Now.instant();
  const store = await openStore(storeUrl(dataDir, io.env));
  try {
    const auth = createAuth({
      db: store.db,
      dialect: store.dialect,
      publicUrl: config.publicUrl,
      secret: config.secret,
      mailer: systemMailer(config.systemSmtpUrl, config.mailFrom),
      canMail: config.systemSmtpUrl !== undefined,
      now,
    });
    const webRoot = findWebRoot(io.env);
    const app = await buildServer({
      store,
      actorFor: async () => {
        throw new AppError('unauthenticated', 'Sign in first: this needs your account.');
      },
      now,
      webRoot,
      dataDir,
      hosted: {
        auth,
        publicUrl: config.publicUrl,
        systemMail: config.systemSmtpUrl !== undefined,
        ...(config.trustedProxy && { trustedProxy: config.trustedProxy }),
      },
      logger: Boolean(io.env.AFTERVIEW_DEBUG),
      onServerError: (line) => io.stderr(`afterview: ${line}\n`),
    });
    let address: string;
    try {
      address = await app.listen({ port, host });
    } catch (err) {
      await app.close();
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new AppError('unavailable', `Port ${port} is already in use; use --port to pick another.`);
      }
      if ((err as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL') {
        throw invalid(`--host: ${host} is not an address of this machine.`, 'host');
      }
      throw err;
    }
    io.stdout(`Afterview (hosted) is listening at ${address}; people open ${config.publicUrl}\n`);
    if (!config.systemSmtpUrl) {
      io.stderr(
        'afterview: AFTERVIEW_SYSTEM_SMTP_URL is not set: no confirmation or password reset mails.\n',
      );
    }
    if (!webRoot)
      io.stderr('afterview: the web app is not built; run `npm run build`. Serving the API only.\n');
    const { startMailBackground } = await import('../../features/outbox/background');
    const mail = startMailBackground({
      db: store.db,
      dialect: store.dialect,
      box: loadSecretBox({ dataDir, env: io.env }),
      now,
      onError: (err) => io.stderr(`afterview: mail: ${err instanceof Error ? err.message : String(err)}\n`),
    });
    await untilStopSignal();
    await mail.stop();
    await app.close();
  } finally {
    await store.close();
  }
}
