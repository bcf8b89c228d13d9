import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCli, type TestCli } from '../../../test/cli';
import { DEFAULT_PORT, resolvePort } from './serve';

const root = join(import.meta.dirname, '..', '..', '..');

describe('afterview serve', () => {
  let cli: TestCli | undefined;
  afterEach(() => cli?.cleanup());

  it('picks --port, else $PORT, else 4317, and refuses a port that is not a number', () => {
    expect(resolvePort(undefined, {})).toBe(DEFAULT_PORT);
    expect(DEFAULT_PORT).toBe(4317);
    expect(resolvePort(undefined, { PORT: '5000' })).toBe(5000);
    expect(resolvePort('6000', { PORT: '5000' })).toBe(6000);
    expect(() => resolvePort('http', {})).toThrow(/--port: "http" is not a port number/);
  });

  it('says in one sentence that a port is taken, without a stack', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    cli = createTestCli();
    try {
      const r = await cli.run(['serve', '--port', String(port)]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toBe(
        `afterview: Port ${port} is already in use — is Afterview already running? Use --port to pick another.\n`,
      );
      expect(r.stdout).toBe('');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('serves on 127.0.0.1, prints the URL, and stops cleanly on SIGTERM', async () => {
    cli = createTestCli();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'serve', '--port', '0'],
      {
        cwd: root,
        env: { ...process.env, AFTERVIEW_DATA: cli.dataDir, AFTERVIEW_NOW: '2026-12-01T17:00:00Z' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
      child.stdout.on('data', () => {
        const m = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const today = await fetch(`${url}/api/today`);
    expect(today.status).toBe(200);
    expect((await today.json()).now).toBe('2026-12-01T17:00:00Z');
    const code = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    expect(await code).toBe(0);
  }, 40_000);
});
