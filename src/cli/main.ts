/** Entry point of the bundled CLI (`bin/afterview.cjs` loads the built copy of this file). */
import { processIo } from './io';
import { runCli } from './program';

const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
