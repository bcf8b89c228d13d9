/**
 * Entry of the CLI's second, CommonJS build (dist/cli/fast-start.cjs; see scripts/build-cli.mjs
 * and bin/code-cache.cjs). Node 20 keeps no compiled code between runs for ES modules, but V8's
 * code cache works for a script: `afterview today`, the command people run most, starts from this
 * build through a code cache in the user's cache folder. It holds the program and the today group
 * only; every other command runs from the regular ESM bundle.
 */
import { processIo } from './io';
import { runCli } from './program';

export const start = (argv: string[]): Promise<number> => runCli(argv, processIo());
