#!/usr/bin/env node
// The installed command. The CLI is built into dist/ by `npm install` (the `prepare` script).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheHome, startFast, takesFastPath } from './code-cache.js';

const bundle = new URL('../dist/cli/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'afterview: the CLI is not built yet; run `npm install` (or `npm run build`) in the Afterview folder.\n',
  );
  process.exit(3);
}
const argv = process.argv.slice(2);
const codeCache = !process.env.AFTERVIEW_NO_CODE_CACHE;
let code = null;
if (codeCache && module.enableCompileCache) {
  // Node >= 22.1 keeps V8's compiled code between runs. Only ever in the user's own cache folder:
  // Node's default is the shared temp folder, where anyone could plant code for us to run.
  module.enableCompileCache(join(cacheHome(), 'v8'));
} else if (codeCache && takesFastPath(argv)) {
  // Node 20: the everyday command from the CommonJS build through a code cache (code-cache.js).
  code = await startFast(fileURLToPath(new URL('../dist/cli/fast-start.cjs', import.meta.url)), argv);
}
if (code === null) await import(bundle.href);
else process.exitCode = code;
