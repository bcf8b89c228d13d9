/** Where the CLI reads and writes, injected so tests run commands in-process on real stores. */
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
    stdinIsTTY: Boolean(process.stdin.isTTY),
    confirm: async (question) => {
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
      } finally {
        rl.close();
      }
    },
    cwd: process.cwd(),
  };
}
