/** `afterview demo --scale N [--seed S]`: seed a realistic sample job hunt (for newcomers and benchmarks). */
import type { Command } from 'commander';
import { invalid } from '../../core/errors';
import { plural } from '../../core/plural';
import { present } from '../output';
import type { CommandKit } from '../program';

const wholeNumber = (text: string, flag: string): number => {
  if (!/^\d+$/.test(text.trim())) throw invalid(`${flag}: "${text}" is not a whole number.`, flag.slice(2));
  return Number(text);
};

export function registerDemoCommand(program: Command, kit: CommandKit): void {
  program
    .command('demo')
    .description(
      'seed a realistic sample job hunt: N opportunities up to next week (from 100 up, a bigger N adds past, not live work)',
    )
    .option('--scale <n>', 'number of opportunities', '20')
    .option('--seed <n>', 'random seed: the same seed gives the same data', '1')
    .action((o: { scale: string; seed: string }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const scale = wholeNumber(o.scale, '--scale');
        const seed = wholeNumber(o.seed, '--seed');
        // Loaded here: only this command needs the generator and its word lists.
        const { seedDemo } = await import('../../features/demo/demo.service');
        const summary = await seedDemo(s.ctx, { scale, seed });
        present(
          s,
          summary,
          () =>
            `Seeded ${plural(summary.opportunities, 'opportunity')}, ${plural(summary.interviews, 'interview')}, ` +
            `${plural(summary.contacts, 'person')} and ${plural(summary.messages, 'message')} (seed ${summary.seed}). ` +
            'Try: afterview today',
        );
      }),
    );
}
