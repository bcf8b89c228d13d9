#!/usr/bin/env node
// The installed command. The CLI is built into dist/ by `npm install` (the `prepare` script).
// A CommonJS file, so a start that takes the fast path (code-cache.cjs) never loads Node's ES module
// loader; every other command imports the ESM bundle.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { cacheHome, startFast, takesFastPath } = require('./code-cache.cjs');

const bundle = join(__dirname, '..', 'dist', 'cli', 'cli.js');

async function main() {
  if (!existsSync(bundle)) {
    process.stderr.write(
      'afterview: the CLI is not built yet; run `npm install` (or `npm run build`) in the Afterview folder.\n',
    );
    process.exit(3);
  }
  const argv = process.argv.slice(2);
  const codeCache = !process.env.AFTERVIEW_NO_CODE_CACHE;
  let code = null;
  // node:module only where it has enableCompileCache (Node 22.1): loading it brings the ES module
  // loader along, which a Node 20 start through the code cache never needs.
  const module_ = Number(process.versions.node.split('.')[0]) >= 22 ? require('node:module') : null;
  if (codeCache && module_?.enableCompileCache) {
    // Node >= 22.1 keeps V8's compiled code between runs. Only ever in the user's own cache folder:
    // Node's default is the shared temp folder, where anyone could plant code for us to run.
    module_.enableCompileCache(join(cacheHome(), 'v8'));
  } else if (codeCache && takesFastPath(argv)) {
    // Node 20: the everyday command from the CommonJS build through a code cache (code-cache.cjs).
    code = await startFast(join(__dirname, '..', 'dist', 'cli', 'fast-start.cjs'), argv);
  }
  if (code === null) await import(pathToFileURL(bundle).href);
  else process.exitCode = code;
}

main().catch((err) => {
  process.stderr.write(`afterview: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
