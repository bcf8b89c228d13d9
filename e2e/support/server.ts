/** A real Afterview server, started as `npm start` starts it, on a fresh data dir and a free port. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'start.mjs'), '--port', String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        AFTERVIEW_DATA: dataDir,
        AFTERVIEW_NOW: options.now,
        TZ: options.timeZone,
        PORT: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
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
