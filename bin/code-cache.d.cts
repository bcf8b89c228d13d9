// Types of bin/code-cache.cjs, for the tests that import it (src/cli/fast-start.built.test.ts).
export function commandWord(argv: readonly string[]): string | null;
export function takesFastPath(argv: readonly string[]): boolean;
export function cacheHome(env?: Record<string, string | undefined>): string;
export function startFast(
  cjsPath: string,
  argv: string[],
  env?: Record<string, string | undefined>,
): Promise<number | null>;
