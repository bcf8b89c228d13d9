// `npm run bench`: build the CLI bundle once, then run every bench/*.bench.* file in turn
// (.mjs/.js with node, .ts through tsx) and print each one's report. A missed target is part of
// the report, not a failure; a benchmark that crashes makes the run exit 1.
//
//   npm run bench                 # all benchmarks
//   npm run bench -- cli          # only files whose name contains "cli"
//   npm run bench -- --no-build   # reuse the existing dist/
//   npm run bench -- hosted --accounts 50 --sessions 10   # flags go on to the benchmark
//   npm run bench -- hosted --help                        # a benchmark's own flags
//
// --no-build is this script's own flag, anywhere; the others belong to the benchmarks.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// Words before the first benchmark flag pick the files; that flag and everything after it (values
// included) go to each chosen benchmark. (Every word that was not a flag used to be a filter, so
// in `hosted --accounts 50` the 50 picked files and no flag reached the benchmark.)
const filters = [];
const passed = [];
for (const a of args) {
  if (a === '--no-build') continue;
  if (passed.length > 0 || a.startsWith('-')) passed.push(a);
  else filters.push(a);
}
// A benchmark's --help prints and exits: no need to build for it.
const build = !args.includes('--no-build') && !passed.includes('--help');

if (build) {
  console.log('> npm run build');
  const b = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) {
    console.error('The build failed; no benchmark was run.');
    process.exit(1);
  }
}

const files = readdirSync(join(root, 'bench'))
  .filter((f) => /\.bench\.(mjs|js|ts|mts)$/.test(f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.log('No benchmark matched.');
  process.exit(0);
}

const results = [];
for (const file of files) {
  const path = join('bench', file);
  console.log(`\n=== ${path} ${'='.repeat(Math.max(3, 70 - path.length))}`);
  const nodeArgs = [...(/\.m?ts$/.test(file) ? ['--import', 'tsx', path] : [path]), ...passed];
  const started = Date.now();
  const r = spawnSync(process.execPath, nodeArgs, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = (Date.now() - started) / 1000;
  results.push({ file: path, ok: r.status === 0, status: r.status ?? r.signal, seconds });
}

console.log(`\n=== summary ${'='.repeat(62)}`);
for (const r of results) {
  console.log(
    `${r.ok ? 'ran   ' : 'FAILED'}  ${r.file.padEnd(32)} ${r.seconds.toFixed(1)} s${r.ok ? '' : ` (exit ${r.status})`}`,
  );
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
