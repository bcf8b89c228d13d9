/**
 * CSV import benchmark on a fresh SQLite file (or DATABASE_URL): a job-tracker export of N rows
 * (default 20,000, the most one import reads), each an opportunity with its recruiter, imported
 * into an empty account, then the same file again (every row matches: the re-import a user does
 * after editing the sheet). Parsing alone is timed too; the target is the capture bench's:
 * an import costs ≤ 5× parsing the file. Every opportunity an import touches is marked for
 * planning once per import, at its end (touchingOnce in src/features/plan/wake.ts).
 *
 *   node --import tsx bench/csv-import.bench.ts [--rows 20000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../src/core/capture/csv';
import { Temporal } from '../src/core/time';
import { openStore } from '../src/db/connect';
import { createAccount } from '../src/features/accounts/account.service';
import { applyImport } from '../src/features/imports/import.service';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 20_000);
const NOW = Temporal.Instant.from('2026-11-30T12:00:00Z');
const STAGES = ['Applied', 'Interviewing', 'Rejected', 'Offer', 'Ghosted'];

function csvFile(n: number): string {
  const lines = ['Company,Job Title,Status,Date Applied,Contact Name,Contact Email,Notes'];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    lines.push(
      [
        `Company ${i}`,
        i % 2 ? 'Staff Engineer' : 'Senior Software Engineer',
        STAGES[i % STAGES.length],
        `2025-${month}-${day}`,
        `Recruiter ${i}`,
        `recruiter${i}@company-${i}.example`,
        '"Referred by a friend, follow up in two weeks"',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

const dir = mkdtempSync(join(tmpdir(), 'afterview-csv-bench-'));
const store = await openStore(process.env.DATABASE_URL ?? `sqlite:${join(dir, 'afterview.db')}`);
try {
  const actor = await createAccount(store.db, NOW, { timeZone: 'America/New_York' });
  const ctx = { db: store.db, actor, now: NOW };
  const file = csvFile(ROWS);
  let t = process.hrtime.bigint();
  const bundle = parseCsv(file);
  const parse = seconds(t);
  t = process.hrtime.bigint();
  const first = await applyImport(ctx, parseCsv(file));
  const firstImport = seconds(t);
  t = process.hrtime.bigint();
  await applyImport(ctx, parseCsv(file));
  const again = seconds(t);

  console.log(
    `CSV import of ${ROWS} rows (${bundle.opportunities.length} opportunities, ` +
      `${first.contacts.created.length} people created) on ${store.dialect}`,
  );
  console.log(
    `node ${process.version}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  console.log(`  parse alone            ${parse.toFixed(2)} s`);
  console.log(
    `  import, empty account  ${firstImport.toFixed(2)} s   ${(firstImport / parse).toFixed(1)}× parsing   target ≤ 5×   ${verdict(firstImport / parse <= 5)}`,
  );
  console.log(
    `  re-import, same file   ${again.toFixed(2)} s   ${(again / parse).toFixed(1)}× parsing   target ≤ 5×   ${verdict(again / parse <= 5)}`,
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
