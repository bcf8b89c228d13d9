/** `afterview opportunity add`, `afterview opportunities`, `afterview outcome`. */
import type { Command } from 'commander';
import { invalid } from '../../core/errors';
import type { Opportunity } from '../../core/types';
import {
  addOpportunity,
  changeStage,
  listOpportunities,
} from '../../features/opportunities/opportunity.service';
import { present, table } from '../output';
import type { CommandKit } from '../program';
import { resolveId } from '../resolve';

const OUTCOMES = ['offer', 'rejected', 'withdrawn', 'accepted'] as const;

export function registerOpportunityCommands(program: Command, kit: CommandKit): void {
  const opportunity = program
    .command('opportunity')
    .description('record an opportunity (a company and role)');
  opportunity
    .command('add')
    .description('add an opportunity')
    .requiredOption('--company <name>', 'company name as they write it')
    .requiredOption('--role <title>', 'the role you are interviewing for')
    .option('--recruiter <address>', 'the recruiter, as "Name <email>"')
    .option('--decision-by <date>', 'the date they said they would decide by (YYYY-MM-DD)')
    .action((o: { company: string; role: string; recruiter?: string; decisionBy?: string }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const created = await addOpportunity(s.ctx, o);
        present(s, created, () => `Added opportunity ${created.id}: ${created.role} at ${created.company}`);
      }),
    );

  program
    .command('opportunities')
    .description('list opportunities with their ids')
    .action((_o: unknown, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const all = await listOpportunities(s.ctx);
        present(s, { opportunities: all }, () => formatOpportunities(all));
      }),
    );

  program
    .command('outcome')
    .description('record how it ended: offer, rejected, withdrawn or accepted')
    .requiredOption('--opportunity <id>', 'opportunity id')
    .argument('<outcome>', OUTCOMES.join(' | '))
    .action((outcome: string, o: { opportunity: string }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        if (!(OUTCOMES as readonly string[]).includes(outcome)) {
          throw invalid(`outcome: "${outcome}" is not one of ${OUTCOMES.join(', ')}.`, 'outcome');
        }
        const id = await resolveId(s.ctx, 'opportunity', o.opportunity);
        const updated = await changeStage(s.ctx, id, outcome as (typeof OUTCOMES)[number]);
        present(s, updated, () => `${updated.company} (${updated.role}) is now ${updated.stage}.`);
      }),
    );
}

function formatOpportunities(all: Opportunity[]): string {
  if (all.length === 0)
    return 'No opportunities yet. Add one with: afterview opportunity add --company NAME --role TITLE';
  return table([
    ['ID', 'COMPANY', 'ROLE', 'STAGE', 'DECISION BY'],
    ...all.map((o) => [o.id, o.company, o.role, o.stage, o.decisionBy ?? '-']),
  ]);
}
