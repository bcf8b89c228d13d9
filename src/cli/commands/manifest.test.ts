/**
 * The command manifest says what the command groups define, so `--help` can list them without
 * loading any and a command loads only its own group. If this fails after you added or changed a
 * command, copy the printed expected entries into manifest.ts.
 */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../io';
import { buildProgram, runCli } from '../program';
import { commandWord, GROUP_ORDER } from './index';
import { COMMAND_MANIFEST } from './manifest';

const quietIo = (out: string[] = []): CliIo => ({
  stdout: (t) => out.push(t),
  stderr: (t) => out.push(t),
  env: {},
  readStdin: async () => '',
  stdinIsTTY: async () => false,
  cwd: process.cwd(),
});

describe('command manifest', () => {
  it('lists every command of every group, in help order, with the help term and description', async () => {
    const program = await buildProgram(quietIo(), () => {});
    const help = program.createHelp();
    const actual = program.commands.map((c) => ({
      name: c.name(),
      term: help.subcommandTerm(c),
      description: c.description(),
    }));
    const listed = COMMAND_MANIFEST.map(({ name, term, description }) => ({ name, term, description }));
    expect(listed, `expected manifest entries:\n${JSON.stringify(actual, null, 2)}`).toEqual(actual);
    // Each entry names the group that defines it (so loading that group alone runs it).
    for (const entry of COMMAND_MANIFEST) {
      const alone = await buildProgram(quietIo(), () => {}, [entry.name]);
      const loaded = new Set([entry.group, ...(entry.also ?? [])]);
      expect(
        alone.commands.map((c) => c.name()),
        entry.name,
      ).toEqual(
        expect.arrayContaining(COMMAND_MANIFEST.filter((c) => loaded.has(c.group)).map((c) => c.name)),
      );
      // Loaded alone, it has everything it has with all groups loaded (subcommands included).
      const full = (await buildProgram(quietIo(), () => {})).commands.find((c) => c.name() === entry.name);
      expect(alone.commands.find((c) => c.name() === entry.name)?.helpInformation()).toBe(
        full?.helpInformation(),
      );
    }
    expect(new Set(COMMAND_MANIFEST.flatMap((c) => [c.group, ...(c.also ?? [])]))).toEqual(
      new Set(GROUP_ORDER),
    );
  });

  it('prints the same --help from the manifest as from the loaded commands', async () => {
    const full = (await buildProgram(quietIo(), () => {})).helpInformation();
    const light = await buildProgram(quietIo(), () => {}, ['--help']);
    expect(light.helpInformation()).toBe(full);
    const out: string[] = [];
    expect(await runCli(['--help'], quietIo(out))).toBe(0);
    expect(out.join('')).toBe(full);
  });

  it('finds the command word after global options, and the topic of `help X`', () => {
    expect(commandWord(['--data', 'd', '--now', '2026-01-01', '--json', 'today'])).toBe('today');
    expect(commandWord(['help', 'snooze'])).toBe('snooze');
    expect(commandWord(['--help'])).toBeNull();
    expect(commandWord([])).toBeNull();
  });
});
