/**
 * Drive the real CLI in-process: `runCli` with captured output on a temp data dir (a real SQLite
 * file), so story tests cost milliseconds per command instead of a process start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../src/cli/io';
import { runCli } from '../src/cli/program';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for `--json` runs). */
  json: <T = Record<string, unknown>>() => T;
}

export interface TestCli {
  dataDir: string;
  /** Run one command; `now` sets --now, `stdin` feeds `-` inputs. */
  run: (
    args: string[],
    options?: { now?: string; stdin?: string; env?: Record<string, string> },
  ) => Promise<CliResult>;
  cleanup: () => void;
}

export function createTestCli(): TestCli {
  const dataDir = mkdtempSync(join(tmpdir(), 'afterview-cli-'));
  return {
    dataDir,
    run: async (args, options = {}) => {
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: (t) => {
          stdout += t;
        },
        stderr: (t) => {
          stderr += t;
        },
        env: { TZ: 'UTC', ...options.env },
        readStdin: async () => options.stdin ?? '',
        stdinIsTTY: async () => false,
        cwd: dataDir,
      };
      const argv = ['--data', dataDir, ...(options.now ? ['--now', options.now] : []), ...args];
      const code = await runCli(argv, io);
      return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
    },
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
