/**
 * The hosted server's process: store, better-auth, web server, mail worker; stops on SIGINT or
 * SIGTERM. Loaded only when `serve --hosted` runs. No local account is created: every account
 * comes from a sign-up. With `--workers N` this process becomes the cluster's primary (store,
 * migrations, mail background) and N forked copies of it serve HTTP (serve-cluster.ts).
 */
import { AppError, invalid } from '../../core/errors';
import { parseUserInstant, Temporal } from '../../core/time';
import { openStore } from '../../db/connect';
import { createAuth } from '../../features/auth/auth';
import { systemMailer } from '../../features/auth/system-mailer';
import { OutboxWaker } from '../../features/outbox/waker';
import { loadSecretBox } from '../../features/secrets/secret-box';
import { hostedLogger } from '../../http/logging';
import { buildServer } from '../../http/server';
import type { CliIo } from '../io';
import { type GlobalOptions, resolveDataDir, storeUrl } from '../session';
import { findWebRoot, untilStopSignal } from './serve';
import { isClusterWorker, runClusterPrimary, tellPrimary } from './serve-cluster';
import { readHostedConfig } from './serve-hosted';
import { listenOrExplain } from './serve-listen';
import { closeHttpGracefully } from './serve-shutdown';

export async function runHostedServer(options: {
  io: CliIo;
  global: GlobalOptions;
  host: string;
  port: number;
  /** `--workers N`: fork N HTTP workers (node's cluster); absent: one process does everything. */
  workers?: number;
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
  // Prometheus: no token, no /metrics (404). With --workers the primary serves the sum of all
  // processes on AFTERVIEW_METRICS_PORT (features/metrics/cluster-metrics.ts).
  const metricsToken = io.env.AFTERVIEW_METRICS_TOKEN || undefined;
  // The primary opens (and migrates) the store before forking, so workers find it current.
  const store = await openStore(storeUrl(dataDir, io.env));
  // System mails are queued in the request and sent by the outbox loop; a queued mail wakes the
  // loop at once (in a cluster worker, by a note to the primary, which runs the loop).
  const waker = new OutboxWaker();
  const mailQueue = {
    db: store.db,
    forAccount: store.forAccount,
    now,
    wake: () => (isClusterWorker() ? tellPrimary({ afterview: 'wake-outbox' }) : waker.wake()),
  };
  const startMail = async () => {
    const { startMailBackground } = await import('../../features/outbox/background');
    return startMailBackground({
      db: store.db,
      forAccount: store.forAccount,
      dialect: store.dialect,
      waker,
      ...(config.systemSmtpUrl && { systemMail: { smtpUrl: config.systemSmtpUrl, from: config.mailFrom } }),
      box: loadSecretBox({ dataDir, env: io.env }),
      now,
      onError: (err) => io.stderr(`afterview: mail: ${err instanceof Error ? err.message : String(err)}\n`),
    });
  };
  const warnNoMail = () => {
    if (!config.systemSmtpUrl) {
      io.stderr(
        'afterview: AFTERVIEW_SYSTEM_SMTP_URL is not set: no confirmation or password reset mails.\n',
      );
    }
  };
  const startClusterMetrics = async () => {
    if (!metricsToken) return null;
    const metricsPort = Number(io.env.AFTERVIEW_METRICS_PORT || Number.NaN);
    if (!Number.isInteger(metricsPort) || metricsPort <= 0) {
      io.stderr(
        'afterview: AFTERVIEW_METRICS_TOKEN is set but AFTERVIEW_METRICS_PORT is not: with --workers the primary serves /metrics on that port; no metrics are served.\n',
      );
      return null;
    }
    const { serveClusterMetrics } = await import('../../features/metrics/cluster-metrics');
    const served = await serveClusterMetrics({
      host,
      port: metricsPort,
      token: metricsToken,
      db: store.db,
      now,
    });
    io.stdout(`Metrics (all processes) at ${served.address}/metrics\n`);
    return served;
  };
  try {
    if (options.workers !== undefined && !isClusterWorker()) {
      const stopped = untilStopSignal();
      const mail = await startMail();
      const metrics = await startClusterMetrics();
      try {
        await runClusterPrimary({
          io,
          workers: options.workers,
          stopped,
          onListening: (address, pids) => {
            io.stdout(`Afterview (hosted) is listening at ${address}; people open ${config.publicUrl}\n`);
            io.stdout(
              `${pids.length} HTTP worker${pids.length === 1 ? '' : 's'} (pid ${pids.join(', ')}); the outbox and IMAP passes run in this primary process (pid ${process.pid}).\n`,
            );
            warnNoMail();
          },
          onWake: () => waker.wake(),
        });
      } finally {
        await Promise.all([mail.stop(), metrics?.close()]);
      }
      return;
    }
    const auth = createAuth({
      db: store.db,
      dialect: store.dialect,
      publicUrl: config.publicUrl,
      secret: config.secret,
      mailer: systemMailer(config.systemSmtpUrl, config.mailFrom, mailQueue),
      canMail: config.systemSmtpUrl !== undefined,
      now,
    });
    const webRoot = findWebRoot(io.env);
    const inCluster = isClusterWorker();
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
        mailer: systemMailer(config.systemSmtpUrl, config.mailFrom, mailQueue),
        ...(config.trustedProxy && { trustedProxy: config.trustedProxy }),
      },
      logger: hostedLogger(io.env),
      ...(metricsToken && { metrics: { token: metricsToken, route: !inCluster } }),
      onServerError: (line) => io.stderr(`afterview: ${line}\n`),
    });
    if (inCluster && metricsToken) {
      const { answerMetricsRequests } = await import('../../features/metrics/cluster-metrics');
      answerMetricsRequests();
    }
    if (inCluster) {
      // Which worker answered: lets an operator (and the cluster test) see the spread.
      app.addHook('onSend', async (_request, reply) => {
        reply.header('x-afterview-worker', String(process.pid));
      });
    }
    const address = await listenOrExplain(
      app,
      port,
      host,
      `Port ${port} is already in use; use --port to pick another.`,
    );
    if (inCluster) {
      // The primary announces the address once every worker listens, and runs the mail itself.
      tellPrimary({ afterview: 'listening', address });
      await untilStopSignal();
      await closeHttpGracefully(app);
      return;
    }
    io.stdout(`Afterview (hosted) is listening at ${address}; people open ${config.publicUrl}\n`);
    warnNoMail();
    if (!webRoot)
      io.stderr('afterview: the web app is not built; run `npm run build`. Serving the API only.\n');
    const mail = await startMail();
    await untilStopSignal();
    // Stop taking requests first (in-flight ones finish), then let a send in flight finish.
    await Promise.all([closeHttpGracefully(app), mail.stop()]);
  } finally {
    await store.close();
    // A forked worker's channel to the primary keeps its event loop alive: let go, so it exits.
    if (isClusterWorker()) process.disconnect?.();
  }
}
