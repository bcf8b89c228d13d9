// Preloaded into a measured process (`node --require <this file> ...`): on exit, append the
// process's peak resident memory (KB) and CPU time (user + system, µs, since the process
// started) to the file named by AFTERVIEW_BENCH_USAGE_FILE. Node exposes no rusage for children
// and /usr/bin/time is not on every machine, so the child reports its own. CommonJS and
// --require, not --import: an ES module preload would start Node's ESM loader in every measured
// process, a cost `node -e 0` and the CLI's CommonJS entry otherwise never pay.
'use strict';
const { appendFileSync } = require('node:fs');

const file = process.env.AFTERVIEW_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    appendFileSync(file, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}\n`);
  });
}
