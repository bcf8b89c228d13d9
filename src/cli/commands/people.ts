/** `afterview people`: everyone met, with ids. */
import type { Command } from 'commander';
import { listContacts } from '../../features/contacts/contact.service';
import { present, table } from '../output';
import type { CommandKit } from '../program';

export function registerPeopleCommands(program: Command, kit: CommandKit): void {
  program
    .command('people')
    .description('list people with their ids')
    .action((_o: unknown, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const all = await listContacts(s.ctx);
        present(s, { people: all }, () =>
          all.length === 0
            ? 'No people yet: they arrive with opportunities, interviews and imports.'
            : table([
                ['ID', 'NAME', 'COMPANY', 'EMAIL'],
                ...all.map((c) => [c.id, c.displayName, c.company ?? '-', c.emails[0] ?? '(no email yet)']),
              ]),
        );
      }),
    );
}
