/** Where the CLI reads and writes, injected so tests run commands in-process on real stores. */
import { isatty } from 'node:tty';
import { type AppError, invalid } from '../core/errors';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Reads all of standard input (for `check -`). */
  readStdin: () => Promise<string>;
  /** Whether standard input is an interactive terminal (asks before saving imports). */
  stdinIsTTY: boolean;
  /** Ask a yes/no question on the terminal (only used when stdinIsTTY); absent in tests. */
  confirm?: (question: string) => Promise<boolean>;
  /** Ask for a secret on the terminal without echoing it (only used when stdinIsTTY). */
  readSecret?: (prompt: string) => Promise<string>;
  cwd: string;
}

/** The real process. A closed pipe (`afterview today | head`) ends the command quietly. */
export function processIo(): CliIo {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    // Asked of the descriptor, not of process.stdin: touching that builds the stdin stream (a file
    // or terminal reader and the stream machinery), ~4 ms that most commands never use.
    stdinIsTTY: isatty(0),
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
