/** Every command group, registered in the order `--help` lists them. */
import type { Command } from 'commander';
import type { CommandKit } from '../program';
import { registerBackupCommands } from './backup';
import { registerCheckCommands } from './check';
import { registerConfigCommands } from './config';
import { registerDebriefCommands } from './debrief';
import { registerDemoCommand } from './demo';
import { registerDraftCommands } from './draft';
import { registerImportCommands } from './import';
import { registerInterviewCommands } from './interview';
import { registerMailCommands } from './mail';
import { registerMessageCommands } from './message';
import { registerOpportunityCommands } from './opportunity';
import { registerPeopleCommands } from './people';
import { registerPeopleExportCommand } from './people-export';
import { registerServeCommand } from './serve';
import { registerTodayCommands } from './today';

export function registerCommands(program: Command, kit: CommandKit): void {
  registerConfigCommands(program, kit);
  registerOpportunityCommands(program, kit);
  registerInterviewCommands(program, kit);
  registerDebriefCommands(program, kit);
  registerMessageCommands(program, kit);
  registerMailCommands(program, kit);
  registerPeopleCommands(program, kit);
  registerPeopleExportCommand(program, kit);
  registerImportCommands(program, kit);
  registerTodayCommands(program, kit);
  registerBackupCommands(program, kit);
  registerDemoCommand(program, kit);
  registerDraftCommands(program, kit);
  registerCheckCommands(program, kit);
  registerServeCommand(program, kit);
}
