/**
 * Every command group, in the order `--help` lists them, each imported only when its command
 * runs: `afterview today` loads the today group and what it needs, not the OCR, mail, import and
 * draft code of the others. `--help` lists the commands from manifest.ts without loading any group; manifest.test.ts keeps the two equal.
 */
import { type Command, Help } from 'commander';
import type { CommandKit } from '../program';
import { COMMAND_MANIFEST, type CommandGroup } from './manifest';

type Register = (program: Command, kit: CommandKit) => void;

/** Static `import()`s, so the bundler gives each group its own chunk. */
const GROUPS: Record<CommandGroup, () => Promise<Register>> = {
  config: async () => (await import('./config')).registerConfigCommands,
  opportunity: async () => (await import('./opportunity')).registerOpportunityCommands,
  interview: async () => (await import('./interview')).registerInterviewCommands,
  debrief: async () => (await import('./debrief')).registerDebriefCommands,
  message: async () => (await import('./message')).registerMessageCommands,
  mail: async () => (await import('./mail')).registerMailCommands,
  people: async () => (await import('./people')).registerPeopleCommands,
  'people-export': async () => (await import('./people-export')).registerPeopleExportCommand,
  import: async () => (await import('./import')).registerImportCommands,
  today: async () => (await import('./today')).registerTodayCommands,
  backup: async () => (await import('./backup')).registerBackupCommands,
  demo: async () => (await import('./demo')).registerDemoCommand,
  draft: async () => (await import('./draft')).registerDraftCommands,
  check: async () => (await import('./check')).registerCheckCommands,
  serve: async () => (await import('./serve')).registerServeCommand,
};

/** The groups in `--help` order. */
export const GROUP_ORDER = Object.keys(GROUPS) as CommandGroup[];

/** Register every command for real (tests, and any command the manifest does not know). */
export async function registerAllCommands(program: Command, kit: CommandKit): Promise<void> {
  const registers = await Promise.all(GROUP_ORDER.map((g) => GROUPS[g]()));
  for (const register of registers) register(program, kit);
}

/** Global options that take a value (so their value is not taken for the command word). */
const WITH_VALUE = new Set(['--data', '--now']);

/** The command word of an argv, after global options; for `help X`, X; null when there is none. */
export function commandWord(argv: readonly string[]): string | null {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i] ?? '';
    if (a === '--') break;
    if (WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  const [first, second] = words;
  return first === 'help' ? (second ?? null) : (first ?? null);
}

/**
 * Register what `argv` needs: the group of its command, or, for the program's own help (and an
 * when there is no command word), light stand-ins named and described as in the manifest.
 */
export async function registerCommands(
  program: Command,
  kit: CommandKit,
  argv: readonly string[],
): Promise<void> {
  const word = commandWord(argv);
  const entry = word === null ? undefined : COMMAND_MANIFEST.find((c) => c.name === word);
  if (entry) {
    for (const group of [entry.group, ...(entry.also ?? [])]) (await GROUPS[group]())(program, kit);
    return;
  }
  if (word !== null) {
    // A typo (commander answers with the nearest name) or a command the manifest has not heard
    // of yet: load everything rather than refuse it.
    await registerAllCommands(program, kit);
    return;
  }
  registerStandIns(program);
}

/** Commands for the program's help only: names, descriptions and usage terms from the manifest. */
function registerStandIns(program: Command): void {
  const terms = new Map<string, string>();
  for (const c of COMMAND_MANIFEST) {
    program.command(c.name).description(c.description);
    terms.set(c.name, c.term);
  }
  program.configureHelp({
    subcommandTerm(this: Help, cmd: Command) {
      // Commander's own `help [command]` keeps its usual term.
      return terms.get(cmd.name()) ?? Help.prototype.subcommandTerm.call(this, cmd);
    },
  });
}
