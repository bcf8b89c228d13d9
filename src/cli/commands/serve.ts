/**
 * `afterview serve [--port N] [--host H]`: the web app on the embedded store. Fastify and the
 * rest of the server are imported only here, when the command runs, so every other command
 * starts without them.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { invalid } from '../../core/errors';
import { Temporal } from '../../core/time';
import type { CommandKit } from '../program';
import type { GlobalOptions } from '../session';
import { parseWorkers, refuseWorkersInLocalMode } from './serve-cluster';
import { wantsHosted } from './serve-hosted';
import { listenOrExplain } from './serve-listen';

export const DEFAULT_PORT = 4317;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True for an address only this machine can reach: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  return LOOPBACK.has(h) || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/**
 * Local mode listens on loopback only. A Host-header check cannot stand in for sign-in on a
 * network address: anything but a browser sends whatever Host it likes.
 * @throws AppError('invalid-input') for any other address.
 */
export function requireLoopbackHost(host: string): void {
  if (isLoopbackHost(host)) return;
  throw invalid(
    `--host: Afterview listens only on this machine (127.0.0.1 or localhost), not on ${host}: local mode has no sign-in, so anyone who can reach that address could read your contacts and send mail from your account. To serve other machines, use hosted mode with sign-in: afterview serve --hosted (see "Host it for many people" in the README).`,
    'host',
  );
}

/** The port from --port, else $PORT, else 4317. */
export function resolvePort(flag: string | undefined, env: Record<string, string | undefined>): number {
  const text = flag ?? env.PORT;
  if (text === undefined || text === '') return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw invalid(`--port: "${text}" is not a port number (0-65535).`, 'port');
  }
  return port;
}

/** Where the built front end is: beside the bundled CLI (dist/web), or dist/web from the sources. */
export function findWebRoot(env: Record<string, string | undefined>): string | null {
  const candidates = [
    env.AFTERVIEW_WEB_ROOT,
    fileURLToPath(new URL('../web', import.meta.url)),
    fileURLToPath(new URL('../../../dist/web', import.meta.url)),
  ];
  return candidates.find((dir) => dir && existsSync(`${dir}/index.html`)) ?? null;
}

export function registerServeCommand(program: Command, kit: CommandKit): void {
  program
    .command('serve')
    .description(`serve the web app (default http://127.0.0.1:${DEFAULT_PORT})`)
    .option('--port <n>', `port to listen on (default: $PORT, else ${DEFAULT_PORT})`)
    .option(
      '--host <host>',
      'address to listen on (default 127.0.0.1; local mode refuses any but loopback, hosted mode takes any)',
    )
    .option('--hosted', 'hosted mode: accounts and sign-in for many people (also AFTERVIEW_MODE=hosted)')
    .option(
      '--workers <n>',
      'hosted mode: N HTTP worker processes on the same port (1-64); mail runs in the primary process',
    )
    .action((o: { port?: string; host?: string; hosted?: boolean; workers?: string }, cmd: Command) => {
      const host = o.host ?? '127.0.0.1';
      if (wantsHosted(o.hosted, kit.io.env)) {
        const workers = parseWorkers(o.workers);
        return kit.runBare(cmd, async (g) => {
          const { runHostedServer } = await import('./serve-hosted-run');
          await runHostedServer({
            io: kit.io,
            global: g,
            host,
            port: resolvePort(o.port, kit.io.env),
            ...(workers !== undefined && { workers }),
          });
        });
      }
      // Refused before the data folder is even opened.
      refuseWorkersInLocalMode(o.workers);
      requireLoopbackHost(host);
      return kit.run(
        cmd,
        async (s) => {
          const port = resolvePort(o.port, s.io.env);
          const pinned = cmd.optsWithGlobals<GlobalOptions>().now ?? s.io.env.AFTERVIEW_NOW;
          const fixedNow = s.ctx.now;
          const { buildServer } = await import('../../http/server');
          const webRoot = findWebRoot(s.io.env);
          const app = await buildServer({
            store: s.store,
            actorFor: async () => s.ctx.actor,
            now: () => (pinned ? fixedNow : Temporal.Now.instant()),
            webRoot,
            dataDir: s.dataDir,
            allowedHosts: LOOPBACK.has(host) ? [] : [host],
            logger: Boolean(s.io.env.AFTERVIEW_DEBUG),
            onServerError: (line) => s.io.stderr(`afterview: ${line}\n`),
          });
          const address = await listenOrExplain(
            app,
            port,
            host,
            `Port ${port} is already in use — is Afterview already running? Use --port to pick another.`,
          );
          const shown = address.replace('://[::1]', '://localhost');
          s.io.stdout(`Afterview is running at ${shown}\n`);
          if (!webRoot)
            s.io.stderr('afterview: the web app is not built; run `npm run build`. Serving the API only.\n');
          s.io.stdout('Press Ctrl+C to stop.\n');
          // The outbox worker and IMAP reply detection run beside the web app (features/outbox/background.ts).
          const { startMailBackground } = await import('../../features/outbox/background');
          const { loadSecretBox } = await import('../../features/secrets/secret-box');
          const mail = startMailBackground({
            db: s.store.db,
            dialect: s.store.dialect,
            box: loadSecretBox({ dataDir: s.dataDir, env: s.io.env }),
            now: () => (pinned ? fixedNow : Temporal.Now.instant()),
            onError: (err) =>
              s.io.stderr(`afterview: mail: ${err instanceof Error ? err.message : String(err)}\n`),
          });
          await untilStopSignal();
          // Stop taking requests (in-flight ones finish, bounded) while a send in flight finishes.
          const { closeHttpGracefully } = await import('./serve-shutdown');
          await Promise.all([closeHttpGracefully(app), mail.stop()]);
        },
        { serves: true },
      );
    });
}

/** Resolves on the first SIGINT or SIGTERM: the server then closes in order (mail, HTTP, store). */
export function untilStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
