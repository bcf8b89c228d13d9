#!/usr/bin/env node
// The installed command. The CLI is built into dist/ by `npm install` (the `prepare` script).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'afterview: the CLI is not built yet; run `npm install` (or `npm run build`) in the Afterview folder.\n',
  );
  process.exit(3);
}
let started = false;
if (module.enableCompileCache) {
  // Node >= 22.1 keeps V8's compiled code between runs, skipping most of the bundle's parse and
  // compile on every start.
  module.enableCompileCache();
} else {
  // Older Node: the everyday read commands run from a CommonJS build with a V8 code cache.
  const { startCached } = await import('./cached-start.js');
  const code = await startCached(
    fileURLToPath(new URL('../dist/cli/cli.cjs', import.meta.url)),
    process.argv.slice(2),
    process.env,
  );
  if (code !== null) {
    process.exitCode = code;
    started = true;
  }
}
if (!started) await import(bundle.href);
