/** Every command group, registered in the order `--help` lists them. */
import type { Command } from 'commander';
import type { CommandKit } from '../program';
import { registerOpportunityCommands } from './opportunity';

export function registerCommands(program: Command, kit: CommandKit): void {
  registerOpportunityCommands(program, kit);
}
