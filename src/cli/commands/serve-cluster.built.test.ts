/**
 * `afterview serve --hosted --workers N` on the built CLI (run `npm run build` first), on SQLite
 * and PostgreSQL: a session made through one worker is read by requests that land on both, a
 * dead worker is replaced, and SIGTERM stops every process with exit 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCli } from '../../../test/cli';
import { testDialects } from '../../../test/dialects';
import {
  BIN,
  hostedDatabase,
  hostedProcessPerTest,
  httpBrowser,
  signUpOverHttp,
} from '../../../test/hosted-process';
import { parseWorkers } from './serve-cluster';

beforeAll(() => {
  expect(existsSync(join(BIN, '..', '..', 'dist', 'cli', 'cli.js')), 'run `npm run build` first').toBe(true);
});

describe('--workers', () => {
  it('takes an integer from 1 to 64 and names the flag otherwise', () => {
    expect(parseWorkers(undefined)).toBeUndefined();
    expect(parseWorkers('1')).toBe(1);
    expect(parseWorkers('64')).toBe(64);
    for (const bad of ['0', '65', '2.5', 'two', '-1', ''])
      expect(() => parseWorkers(bad)).toThrow(
        /^--workers: ".*" is not a number of processes from 1 to 64\.$/,
      );
  });

  it('is refused in local mode with a sentence, before anything starts', async () => {
    const cli = createTestCli();
    try {
      const r = await cli.run(['serve', '--workers', '2', '--port', '0']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^afterview: --workers: local mode runs one process .*\(afterview serve --hosted --workers N\)\.\n$/,
      );
    } finally {
      cli.cleanup();
    }
  });
});

for (const dialect of testDialects()) {
  describe(`serve --hosted --workers 2 [${dialect}]`, () => {
    const startServer = hostedProcessPerTest(dialect, 'kill');

    it('serves one session from both workers, replaces a dead worker, and stops on SIGTERM with exit 0', {
      timeout: 120_000,
    }, async () => {
      const server = await startServer({ args: ['--workers', '2'] });
      const announced =
        /HTTP workers \(pid (\d+), (\d+)\); the outbox and IMAP passes run in this primary process \(pid (\d+)\)/.exec(
          server.output(),
        );
      expect(announced, server.output()).not.toBeNull();
      const workerPids = new Set([announced?.[1], announced?.[2]]);
      expect(workerPids.size).toBe(2);
      expect(workerPids.has(announced?.[3])).toBe(false);

      const b = httpBrowser(server.url);
      await signUpOverHttp(b, { email: 'ana@example.org', name: 'Ana' });
      const seen = new Set<string>();
      for (let i = 0; i < 30 && seen.size < 2; i += 1) {
        const r = await b.get('/api/auth/get-session');
        expect(r.status).toBe(200);
        expect(JSON.parse(r.body).user.email).toBe('ana@example.org');
        const settings = await b.get('/api/settings');
        expect(settings.status).toBe(200);
        seen.add(String(r.headers['x-afterview-worker']));
        seen.add(String(settings.headers['x-afterview-worker']));
      }
      expect([...seen].sort()).toEqual([...workerPids].sort());

      // A worker killed outright is replaced, and the session still reads.
      const victim = [...workerPids][0] ?? '';
      process.kill(Number(victim), 'SIGKILL');
      await expect
        .poll(() => /worker \d+ exited with signal SIGKILL; starting another/.test(server.output()), {
          timeout: 15_000,
        })
        .toBe(true);
      await expect
        .poll(
          async () => {
            const r = await b.get('/api/auth/get-session').catch(() => null);
            return r?.status === 200 && r.headers['x-afterview-worker'] !== victim;
          },
          { timeout: 20_000 },
        )
        .toBe(true);

      const { code, ms } = await server.stop('SIGTERM');
      expect(code, server.output()).toBe(0);
      console.info(`cluster [${dialect}]: SIGTERM to exit of the primary and 2 workers in ${ms} ms`);
      for (const pid of [...workerPids]) expect(alive(Number(pid))).toBe(false);
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('serve --hosted --workers, when workers cannot start', () => {
  it('gives up after repeated crashes on start and exits non-zero with a sentence', {
    timeout: 90_000,
  }, async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const db = await hostedDatabase('sqlite');
    try {
      const r = spawnSync(
        process.execPath,
        [BIN, 'serve', '--hosted', '--port', String(port), '--workers', '2'],
        {
          env: {
            ...process.env,
            TZ: 'UTC',
            AFTERVIEW_DATA: db.dataDir,
            AFTERVIEW_PUBLIC_URL: `http://127.0.0.1:${port}`,
            AFTERVIEW_AUTH_SECRET: 'process-secret-process-secret-0123456789',
            DATABASE_URL: '',
          },
          encoding: 'utf8',
          timeout: 80_000,
        },
      );
      expect(r.status, r.stderr).not.toBe(0);
      expect(r.stderr).toMatch(/Port \d+ is already in use/);
      expect(r.stderr).toMatch(/starting another in/);
      expect(r.stderr).toMatch(
        /afterview: Workers keep exiting right after they start \(5 times in a row, last with code \d+\); stopping the server\. The lines above say why\.\n$/,
      );
    } finally {
      await new Promise((r) => blocker.close(r));
      await db.drop();
    }
  });
});
