// CLI start-up benchmark: the built bundle (`node bin/afterview.js`) against a bare `node -e 0`,
// in the same run, on `demo --scale 300` data. Prints a report table; exits 0 even when a target
// is missed (the numbers are the report), non-zero only when a command fails.
//
//   node bench/cli.bench.mjs [--runs 15] [--warmup 3] [--scale 300]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'afterview.js');
const usageReporter = pathToFileURL(join(root, 'bench', 'support', 'report-usage.mjs')).href;

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 15);
const WARMUP = arg('warmup', 3);
const SCALE = arg('scale', 300);
const TARGET_RATIO = 1.5;
// A fixed moment, so every run plans the same data.
const NOW = '2026-11-26T09:00:00Z';

if (!existsSync(join(root, 'dist', 'cli', 'cli.js'))) {
  console.log('The CLI bundle is missing: building it (npm run build)...');
  const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'afterview-bench-'));
const usageFile = join(dataDir, 'usage.txt');
const env = {
  ...process.env,
  AFTERVIEW_DATA: dataDir,
  AFTERVIEW_NOW: NOW,
  AFTERVIEW_CACHE_DIR: join(dataDir, 'cache'),
  NO_COLOR: '1',
};
delete env.DATABASE_URL;

/**
 * Run once: wall time (ms), and from the child itself its CPU time (ms, user + system: steadier
 * than wall time on a busy machine) and peak RSS (MB). Throws when the command fails.
 */
function runOnce(args, extraEnv = {}) {
  writeFileSync(usageFile, '');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', usageReporter, ...args], {
    cwd: root,
    env: { ...env, ...extraEnv, AFTERVIEW_BENCH_USAGE_FILE: usageFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) {
    throw new Error(
      `\`node ${args.join(' ')}\` exited ${r.status}: ${String(r.stderr).trim().slice(0, 500)}`,
    );
  }
  const [rssKb, cpuMicros] = readFileSync(usageFile, 'utf8').trim().split(' ').map(Number);
  return { ms, cpuMs: cpuMicros / 1000, rssMb: rssKb / 1024, stdout: String(r.stdout) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

const cases = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: 'afterview --help', args: [bin, '--help'] },
  { name: 'afterview opportunities --json', args: [bin, 'opportunities', '--json'] },
  { name: `afterview today --json`, args: [bin, 'today', '--json'], target: true },
  // The same without bin/cached-start.js's V8 code cache: what the first run after an install or
  // upgrade costs (and every run of the commands that do not use the cache).
  {
    name: 'today --json, no code cache',
    args: [bin, 'today', '--json'],
    env: { AFTERVIEW_NO_CODE_CACHE: '1' },
  },
];

try {
  // A configured user, as in real use: their zone, and a holiday region (business days skip it).
  runOnce([bin, 'config', 'set', 'timezone', 'America/New_York']);
  runOnce([bin, 'config', 'set', 'holidays', 'US']);
  const seed = runOnce([bin, 'demo', '--scale', String(SCALE), '--seed', '1', '--json']);
  const seeded = JSON.parse(seed.stdout);
  const today = JSON.parse(runOnce([bin, 'today', '--json']).stdout);

  for (const c of cases) for (let i = 0; i < WARMUP; i++) runOnce(c.args, c.env);
  // Interleaved rounds, so a burst of load from elsewhere on the machine hits every case alike.
  const runs = cases.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    for (const [i, c] of cases.entries()) runs[i].push(runOnce(c.args, c.env));
  }
  const times = runs.map((rs) => rs.map((x) => x.ms));
  const cpu = runs.map((rs) => median(rs.map((x) => x.cpuMs)));
  const rss = runs.map((rs) => Math.max(...rs.map((x) => x.rssMb)));

  const base = median(times[0]);
  const rows = cases.map((c, i) => {
    const med = median(times[i]);
    const ratio = med / base;
    return {
      command: c.name,
      median: `${med.toFixed(0)} ms`,
      min: `${Math.min(...times[i]).toFixed(0)} ms`,
      p90: `${pct(times[i], 0.9).toFixed(0)} ms`,
      ratio: i === 0 ? '1.00×' : `${ratio.toFixed(2)}×`,
      target: c.target ? `≤ ${TARGET_RATIO}× ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}` : '',
      'CPU (median)': `${cpu[i].toFixed(0)} ms`,
      'CPU ratio': i === 0 ? '1.00×' : `${(cpu[i] / cpu[0]).toFixed(2)}×`,
      'peak RSS': `${rss[i].toFixed(0)} MB`,
    };
  });

  const widths = Object.keys(rows[0]).map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(`CLI start-up: built bundle vs bare node, median of ${RUNS} runs after ${WARMUP} warm-ups`);
  console.log(
    `data: demo --scale ${SCALE} (${seeded.opportunities} opportunities, ${seeded.interviews} interviews, ` +
      `${seeded.contacts} people, ${seeded.messages} messages), seeded in ${seed.ms.toFixed(0)} ms; ` +
      `zone America/New_York, holidays US; today lists ${today.actions.length} actions at ${NOW}`,
  );
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores (CPU time is the steadier figure on a busy machine)`,
  );
  console.log('');
  console.log(line(Object.keys(rows[0])));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(Object.values(r)));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
