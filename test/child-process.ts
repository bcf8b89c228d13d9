/**
 * A Node process of ours (the built CLI, the CLI under tsx, `npm start`'s script) started from the
 * repository root, its output kept, and a wait for the line that says it is ready; and a free
 * loopback port for it to listen on.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');

export interface NodeProcess {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** Send `signal` (SIGTERM by default); resolves with the exit code and milliseconds to exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | string; ms: number }>;
}

/** `node …args` in the repository root, with `env` over this process's environment. */
export function spawnNode(args: string[], env: Record<string, string | undefined>): NodeProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    child,
    output: () => out,
    exited,
    stop: async (signal = 'SIGTERM') => {
      const started = Date.now();
      child.kill(signal);
      const code = await exited;
      return { code, ms: Date.now() - started };
    },
  };
}

/**
 * Resolves once the process's output matches `ready` (every pattern, when several), with the
 * match of the first; rejects with its output if it exits first or has not matched within
 * `timeoutMs` (a hang guard, not a measurement).
 */
export function waitForOutput(
  p: NodeProcess,
  ready: RegExp | readonly RegExp[],
  what: string,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${p.output()}`)), timeoutMs);
    const [first, ...rest] = Array.isArray(ready) ? ready : [ready];
    const check = () => {
      const m = first?.exec(p.output());
      if (m && rest.every((r) => r.test(p.output()))) {
        clearTimeout(timer);
        p.child.stdout?.off('data', check);
        resolve(m);
      }
    };
    p.child.stdout?.on('data', check);
    void p.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${p.output()}`));
    });
  });
}

/** A loopback port nothing listens on now (the OS picks it; closed again before it is used). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
