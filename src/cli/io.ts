/** Where the CLI reads and writes, injected so tests run commands in-process on real stores. */
import { writeSync } from 'node:fs';
import { type AppError, invalid } from '../core/errors';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Reads all of standard input (for `check -`). */
  readStdin: () => Promise<string>;
  /**
   * Whether standard input is an interactive terminal (asks before saving imports). Asked when
   * needed: node:tty loads the network stack, which most commands never use.
   */
  stdinIsTTY: () => Promise<boolean>;
  /** Ask a yes/no question on the terminal (only used when stdinIsTTY); absent in tests. */
  confirm?: (question: string) => Promise<boolean>;
  /** Ask for a secret on the terminal without echoing it (only used when stdinIsTTY). */
  readSecret?: (prompt: string) => Promise<string>;
  cwd: string;
}

/**
 * Write all of `text` to the descriptor `fd`, as process.stdout does on Linux for files, pipes
 * and terminals (synchronously), without building that stream: a socket and the stream machinery
 * for a pipe, a tty stream for a terminal, ~10 ms of a command that prints one answer (measured
 * against `node -e 0`). A descriptor left non-blocking by the parent (EAGAIN: its reader is
 * behind) is retried after a millisecond; a reader gone away (EPIPE, `afterview today | head`)
 * ends the command quietly, with the exit code it had.
 */
export function writeAll(
  fd: number,
  text: string,
  write: (fd: number, data: Uint8Array) => number = writeSync,
): void {
  let rest: Uint8Array = Buffer.from(text, 'utf8');
  while (rest.length > 0) {
    try {
      rest = rest.subarray(write(fd, rest));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(PAUSE, 0, 0, 1);
      else if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      else throw err;
    }
  }
}
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** The real process. A closed pipe (`afterview today | head`) ends the command quietly. */
export function processIo(): CliIo {
  // Windows consoles need the stream's conversion to UTF-16; there the streams are used.
  const direct = process.platform !== 'win32';
  if (!direct) {
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  return {
    stdout: direct ? (t) => writeAll(1, t) : (t) => process.stdout.write(t),
    stderr: direct ? (t) => writeAll(2, t) : (t) => process.stderr.write(t),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    // Asked of the descriptor, not of process.stdin: touching that builds the stdin stream (a file
    // or terminal reader and the stream machinery), ~4 ms that most commands never use.
    stdinIsTTY: async () => (await import('node:tty')).isatty(0),
    confirm: async (question) => {
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
      } finally {
        rl.close();
      }
    },
    readSecret,
    cwd: process.cwd(),
  };
}

/**
 * Read one line from the terminal in raw mode, echoing nothing, so a password never shows on
 * screen nor lands in the shell's history. Ctrl+C or Ctrl+D cancels.
 */
function readSecret(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (err: AppError | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(text);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003' || ch === '\u0004')
          return done(invalid('password: cancelled; nothing was saved.', 'password'));
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
        else text += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
