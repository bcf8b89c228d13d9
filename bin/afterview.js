#!/usr/bin/env node
// The installed command. The CLI is built into dist/ by `npm install` (the `prepare` script).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'afterview: the CLI is not built yet; run `npm install` (or `npm run build`) in the Afterview folder.\n',
  );
  process.exit(3);
}
// Node >= 22.1 keeps V8's compiled code between runs. Only ever in the user's own cache folder:
// Node's default is the shared temp folder, where anyone could plant code for us to run.
if (module.enableCompileCache && !process.env.AFTERVIEW_NO_CODE_CACHE) {
  module.enableCompileCache(join(cacheHome(), 'v8'));
}
await import(bundle.href);

/** The user's private cache folder for Afterview. */
function cacheHome() {
  const env = process.env;
  if (env.AFTERVIEW_CACHE_DIR) return env.AFTERVIEW_CACHE_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Afterview');
  if (process.platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Afterview', 'Cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'afterview');
}
