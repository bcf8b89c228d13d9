// `npm start`: build whatever is missing (the CLI bundle, the web app), then `afterview serve`.
// A newcomer types `npm install && npm start`; extra arguments pass through (`npm start -- --port 5000`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = ['dist/cli/cli.js', 'dist/web/index.html'].every((f) => existsSync(`${root}/${f}`));
if (!built) {
  process.stdout.write('Building Afterview (first start only)…\n');
  const r = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    stdio: 'inherit',
    // A NODE_ENV left over in the shell (development, test) would give a slow development build of React.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
process.argv = [process.argv[0], `${root}/bin/afterview.cjs`, 'serve', ...process.argv.slice(2)];
await import('../bin/afterview.cjs');
