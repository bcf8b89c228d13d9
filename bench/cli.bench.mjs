// CLI start-up benchmark: the built bundle (`node bin/afterview.cjs`, the package's `bin`) against a bare `node -e 0`,
// in the same run, on `demo --scale` 100, 300 and 1000 data. Prints every target row with
// met/MISSED; exits 0 even when a target is missed (the numbers are the report), non-zero only
// when a command fails. Targets (issue 11): today at scale 300 ≤ 1.5× node (wall and CPU), today
// at scale 1000 ≤ 1.15× today at scale 100, --help ≤ 1.3× node, peak RSS at 1000 ≤ 1.6× node.
// Each data folder has its own cache folder, so `today` runs as a user's second run does: on Node 20
// through the code cache its first run made (bin/code-cache.cjs); one more row runs it without
// (AFTERVIEW_NO_CODE_CACHE=1) to show what the cache saves.
//
//   node bench/cli.bench.mjs [--runs 25] [--warmup 3] [--scale 300] [--against DIR]
//
// --against DIR adds `today --json` at scale 300 run by another built checkout (e.g. the commit
// before a change: `git archive HEAD~1 | tar -x -C DIR`, link node_modules, `npm run build` there),
// interleaved with this one in the same rounds: a before/after comparison the machine's load
// cannot skew. It gets its own data folder, seeded by its own build (its migrations may differ).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The installed command of a checkout: its package.json `bin` (older builds had bin/afterview.js). */
const binOf = (dir) => join(dir, JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).bin.afterview);
const bin = binOf(root);
const usageReporter = join(root, 'bench', 'support', 'report-usage.cjs');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 25);
const WARMUP = arg('warmup', 3);
const SCALE = arg('scale', 300);
const againstAt = process.argv.indexOf('--against');
const AGAINST = againstAt >= 0 ? process.argv[againstAt + 1] : undefined;
if (AGAINST && !existsSync(join(AGAINST, 'package.json'))) {
  console.error(`--against ${AGAINST}: no package.json there (a built checkout of Afterview).`);
  process.exit(2);
}
// A fixed moment, so every run plans the same data.
const NOW = '2026-11-26T09:00:00Z';

if (!existsSync(join(root, 'dist', 'cli', 'cli.js'))) {
  console.log('The CLI bundle is missing: building it (npm run build)...');
  const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const usageDir = mkdtempSync(join(tmpdir(), 'afterview-bench-usage-'));
const usageFile = join(usageDir, 'usage.txt');
const env = { ...process.env, AFTERVIEW_NOW: NOW, NO_COLOR: '1' };
delete env.DATABASE_URL;

/**
 * Run once: wall time (ms), and from the child itself its CPU time (ms, user + system: steadier
 * than wall time on a busy machine) and peak RSS (MB). Throws when the command fails.
 */
function runOnce(args, extraEnv = {}) {
  writeFileSync(usageFile, '');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', usageReporter, ...args], {
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

/** One data folder per scale, each a configured user with the demo hunt seeded at `NOW`. */
const scales = [100, SCALE, 1000];
const dirs = scales.map((scale) => ({
  scale,
  bin,
  dir: mkdtempSync(join(tmpdir(), `afterview-bench-${scale}-`)),
}));
const against = AGAINST
  ? {
      scale: SCALE,
      bin: binOf(AGAINST),
      dir: mkdtempSync(join(tmpdir(), 'afterview-bench-against-')),
    }
  : undefined;
const envFor = (dir) => ({ AFTERVIEW_DATA: dir, AFTERVIEW_CACHE_DIR: join(dir, 'cache') });

const cases = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  // Its own cache folder: the help is printed through the code cache its first run made.
  {
    name: 'afterview --help',
    args: [bin, '--help'],
    env: { AFTERVIEW_CACHE_DIR: join(dirs[0].dir, 'help-cache') },
  },
  ...dirs.map(({ scale, dir }) => ({
    name: `afterview today --json, scale ${scale}`,
    args: [bin, 'today', '--json'],
    env: envFor(dir),
    scale,
  })),
  // The same command from the ESM bundle, without the Node 20 code cache (bin/code-cache.cjs): what
  // the cache saves, measured in the same rounds.
  {
    name: `afterview today --json, scale ${SCALE}, no code cache`,
    args: [bin, 'today', '--json'],
    env: { ...envFor(dirs[1].dir), AFTERVIEW_NO_CODE_CACHE: '1' },
  },
  ...(against
    ? [
        {
          name: `afterview today --json, scale ${SCALE}, --against build`,
          args: [against.bin, 'today', '--json'],
          env: envFor(against.dir),
        },
      ]
    : []),
];

try {
  const seeded = {};
  for (const { scale, dir, bin } of [...dirs, ...(against ? [against] : [])]) {
    // A configured user, as in real use: their zone, and a holiday region (business days skip it).
    runOnce([bin, 'config', 'set', 'timezone', 'America/New_York'], envFor(dir));
    runOnce([bin, 'config', 'set', 'holidays', 'US'], envFor(dir));
    const seed = runOnce([bin, 'demo', '--scale', String(scale), '--seed', '1', '--json'], envFor(dir));
    const today = JSON.parse(runOnce([bin, 'today', '--json'], envFor(dir)).stdout);
    if (bin === against?.bin) {
      if (today.actions.length !== seeded[scale]?.actions) {
        console.log(
          `note: the --against build lists ${today.actions.length} actions, this one ${seeded[scale]?.actions}`,
        );
      }
      continue;
    }
    seeded[scale] = { ...JSON.parse(seed.stdout), ms: seed.ms, actions: today.actions.length };
  }

  for (const c of cases) for (let i = 0; i < WARMUP; i++) runOnce(c.args, c.env);
  // Interleaved rounds, so a burst of load from elsewhere on the machine hits every case alike,
  // in the opposite order every other round: run in one fixed order, the same build measured a
  // few per cent apart by its place in the round on this machine.
  const runs = cases.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    const round = [...cases.entries()];
    for (const [i, c] of r % 2 === 0 ? round : round.reverse()) runs[i].push(runOnce(c.args, c.env));
  }
  const wall = runs.map((rs) => median(rs.map((x) => x.ms)));
  const cpu = runs.map((rs) => median(rs.map((x) => x.cpuMs)));
  const rss = runs.map((rs) => Math.max(...rs.map((x) => x.rssMb)));
  const at = (name) => cases.findIndex((c) => c.name === name);
  const today = (scale) => cases.findIndex((c) => c.scale === scale);

  console.log(
    `CLI start-up: the built bundle against bare node, median of ${RUNS} interleaved runs after ${WARMUP} warm-ups`,
  );
  for (const scale of scales) {
    const d = seeded[scale];
    console.log(
      `data: demo --scale ${scale}: ${d.opportunities} opportunities, ${d.interviews} interviews, ${d.contacts} people, ` +
        `${d.messages} messages (seeded in ${d.ms.toFixed(0)} ms); today lists ${d.actions} actions at ${NOW}`,
    );
  }
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores (CPU time is the steadier figure on a busy machine)`,
  );
  console.log('');
  const table = cases.map((c, i) => ({
    command: c.name,
    'wall (median)': `${wall[i].toFixed(0)} ms`,
    min: `${Math.min(...runs[i].map((x) => x.ms)).toFixed(0)} ms`,
    p90: `${pct(
      runs[i].map((x) => x.ms),
      0.9,
    ).toFixed(0)} ms`,
    'CPU (median)': `${cpu[i].toFixed(0)} ms`,
    'peak RSS': `${rss[i].toFixed(0)} MB`,
  }));
  print(table);
  console.log('');

  const base = at('node -e 0 (baseline)');
  const t300 = today(SCALE);
  const rows = [
    ratioRow(`today --json at scale ${SCALE} vs node -e 0, wall`, wall[t300] / wall[base], 1.5),
    ratioRow(`today --json at scale ${SCALE} vs node -e 0, CPU`, cpu[t300] / cpu[base], 1.5),
    ratioRow('today --json at scale 1000 vs at scale 100, wall', wall[today(1000)] / wall[today(100)], 1.15),
    ratioRow('today --json at scale 1000 vs at scale 100, CPU', cpu[today(1000)] / cpu[today(100)], 1.15),
    // From scale 100 up the demo keeps the same live applications and adds only past
    // (demo.generator.ts), so this row and the one against scale 100 are history alone.
    ratioRow(
      `today --json at scale 1000 vs at scale ${SCALE} (history only), CPU`,
      cpu[today(1000)] / cpu[t300],
      1.15,
    ),
    ratioRow('afterview --help vs node -e 0, wall', wall[at('afterview --help')] / wall[base], 1.3),
    ratioRow('afterview --help vs node -e 0, CPU', cpu[at('afterview --help')] / cpu[base], 1.3),
    ratioRow('peak RSS of today at scale 1000 vs node -e 0', rss[today(1000)] / rss[base], 1.6),
  ];
  print(rows);
  const esm = at(`afterview today --json, scale ${SCALE}, no code cache`);
  console.log('');
  console.log(
    `without the code cache (AFTERVIEW_NO_CODE_CACHE=1, the ESM bundle): today --json at scale ${SCALE} ` +
      `${(wall[esm] / wall[base]).toFixed(2)}× wall, ${(cpu[esm] / cpu[base]).toFixed(2)}× CPU of node -e 0; ` +
      `the cache saves ${(cpu[esm] - cpu[t300]).toFixed(0)} ms CPU, ${(wall[esm] - wall[t300]).toFixed(0)} ms wall (medians)`,
  );
  if (against) {
    const a = cases.length - 1;
    console.log('');
    console.log(`--against ${AGAINST}, same rounds (today --json at scale ${SCALE} vs node -e 0):`);
    console.log(
      `  that build ${(wall[a] / wall[base]).toFixed(2)}× wall, ${(cpu[a] / cpu[base]).toFixed(2)}× CPU, ${rss[a].toFixed(0)} MB; ` +
        `this build ${(wall[t300] / wall[base]).toFixed(2)}× wall, ${(cpu[t300] / cpu[base]).toFixed(2)}× CPU, ${rss[t300].toFixed(0)} MB`,
    );
  }
} finally {
  for (const { dir } of [...dirs, ...(against ? [against] : [])])
    rmSync(dir, { recursive: true, force: true });
  rmSync(usageDir, { recursive: true, force: true });
}

function ratioRow(what, ratio, target) {
  return {
    target: what,
    measured: `${ratio.toFixed(2)}×`,
    goal: `≤ ${target}×`,
    verdict: ratio <= target ? 'met' : 'MISSED',
  };
}

function print(rows) {
  const keys = Object.keys(rows[0]);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(line(keys));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(keys.map((k) => r[k])));
}
