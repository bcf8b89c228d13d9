/**
 * The `afterview` command line. `runCli` is the whole program as a function of argv and io, so
 * tests drive it in-process against real stores; `main.ts` binds it to the real process.
 *
 * Exit codes (DESIGN.md): 0 success, 1 a check found errors, 2 bad input (one line on stderr),
 * 3 an unexpected failure.
 */
import { Command, CommanderError } from 'commander';
import { AppError } from '../core/errors';
import { registerAllCommands, registerCommands } from './commands/index';
import type { CliIo } from './io';
import { terminalSafeIo } from './output';
import type { GlobalOptions, Session, SessionOptions } from './session';

export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, internal: 3 } as const;

/** A command body: gets an open session, returns an exit code (default 0). */
export type Handler = (session: Session) => Promise<number | undefined | void>;

export interface CommandKit {
  io: CliIo;
  /** Wrap a command body: opens the session from the global options, maps errors to exit codes. */
  run: (cmd: Command, body: Handler, options?: SessionOptions) => Promise<void>;
  /** Like run, for commands that do not need the store (help-like, or their own). */
  runBare: (cmd: Command, body: (opts: GlobalOptions) => Promise<number | undefined | void>) => Promise<void>;
}

/**
 * The program with the commands `argv` needs (all of them when `argv` is not given), so a
 * command loads its own group only (commands/index.ts).
 */
export async function buildProgram(
  io: CliIo,
  setExit: (code: number) => void,
  argv?: readonly string[],
): Promise<Command> {
  const program = new Command('afterview')
    .description('Afterview: the bookkeeping and the checking for the days after a job interview.')
    .option('--data <dir>', 'data directory (default: $AFTERVIEW_DATA, else the platform user data dir)')
    .option('--now <iso>', 'pretend it is this moment (default: $AFTERVIEW_NOW, else the clock)')
    .option('--json', 'machine-readable output')
    .showHelpAfterError(false)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .exitOverride();

  const kit: CommandKit = {
    io,
    run: async (cmd, body, options) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      // Loaded here: opening the store is the heavy part of start-up, and --help needs none of it.
      const { withSession } = await import('./session');
      const code = await withSession(opts, io, body, options);
      setExit(code ?? EXIT.ok);
    },
    runBare: async (cmd, body) => {
      const code = await body(cmd.optsWithGlobals<GlobalOptions>());
      setExit(code ?? EXIT.ok);
    },
  };
  if (argv) await registerCommands(program, kit, argv);
  else await registerAllCommands(program, kit);
  // Subcommands inherit the output settings so usage errors go through io too.
  const inherit = (c: Command) => {
    for (const sub of c.commands) {
      sub.configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} }).exitOverride();
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

/** Run the CLI; resolves to the process exit code. */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Everything the CLI prints passes one escaper: imported text cannot drive the terminal.
  const io = terminalSafeIo(rawIo);
  let exitCode: number = EXIT.ok;
  try {
    const program = await buildProgram(
      io,
      (code) => {
        exitCode = code;
      },
      argv,
    );
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    // `--json` anywhere before a `--` asks for machine-readable output, errors included.
    const end = argv.indexOf('--');
    const json = (end === -1 ? argv : argv.slice(0, end)).includes('--json');
    return reportError(err, json ? jsonErrorIo(io, err) : io);
  }
}

/**
 * Under --json, an error goes to stderr as `{"error":{"code","message","field"}}` (the HTTP
 * API's shape), so a script can tell a bad field from a missing record without parsing prose.
 * `reportError` writes "afterview: <message>"; this io turns that line into the JSON object.
 */
function jsonErrorIo(io: CliIo, err: unknown): CliIo {
  const code =
    err instanceof AppError ? err.code : err instanceof CommanderError ? 'invalid-input' : 'internal';
  const field = err instanceof AppError ? (err.field ?? null) : null;
  return {
    ...io,
    stderr: (text) => {
      if (!text.startsWith('afterview: ')) return io.stderr(text);
      const message = text
        .slice('afterview: '.length)
        .replace(/\n$/, '')
        .replace(/^unexpected error: /, '');
      io.stderr(`${JSON.stringify({ error: { code, message, field } })}\n`);
    },
  };
}

function reportError(err: unknown, io: CliIo): number {
  if (err instanceof CommanderError) {
    // --help and --version end through here with exit code 0; a bare `afterview` has printed
    // the help as well, which is an answer, not an error.
    if (err.exitCode === 0 || err.code === 'commander.help') return EXIT.ok;
    io.stderr(`afterview: ${err.message.replace(/^error: /, '')}\n`);
    return EXIT.badInput;
  }
  if (err instanceof AppError) {
    io.stderr(`afterview: ${err.message}\n`);
    if (err.code === 'check-failed') return EXIT.checkFailed;
    if (err.code === 'internal' || err.code === 'unavailable') return EXIT.internal;
    return EXIT.badInput;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`afterview: unexpected error: ${message}\n`);
  if (io.env.AFTERVIEW_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
  return EXIT.internal;
}
