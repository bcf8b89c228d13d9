/** A real Afterview server, started as `npm start` starts it, on a fresh data dir and a free port. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnNode, waitForOutput } from '../../test/child-process';
import { freePort, startHostedProcess } from '../../test/hosted-process';
import { ensureBuilt, ROOT } from './build';

export { freePort };

export interface RunningServer {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startServer(options: {
  now: string;
  timeZone: string;
  port?: number;
}): Promise<RunningServer> {
  await ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'afterview-e2e-'));
  const port = options.port ?? (await freePort());
  const server = spawnNode([join(ROOT, 'scripts', 'start.mjs'), '--port', String(port)], {
    AFTERVIEW_DATA: dataDir,
    AFTERVIEW_NOW: options.now,
    TZ: options.timeZone,
    PORT: '',
  });
  const [, url = ''] = await waitForOutput(server, /running at (http:\/\/\S+)/, 'server', 30_000);
  return {
    url,
    dataDir,
    output: server.output,
    stop: async () => {
      if (server.child.exitCode === null) await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The built CLI as `afterview serve --hosted` on SQLite in a fresh data dir, sending its own mails
 * (confirmations, resets, invitations) to `smtpUrl`.
 */
export async function startHostedServer(smtpUrl: string): Promise<RunningServer> {
  await ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'afterview-hosted-e2e-'));
  const server = await startHostedProcess({
    dataDir,
    env: { AFTERVIEW_SYSTEM_SMTP_URL: smtpUrl, DATABASE_URL: '' },
  });
  return {
    url: server.url,
    dataDir,
    output: server.output,
    stop: async () => {
      if (server.child.exitCode === null) await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
