/**
 * `afterview people export [--contact ID] [--vcard-version 4.0|3.0] > people.vcf`: everyone (or
 * one person) as vCards that address books and `afterview import` read back.
 */
import type { Command } from 'commander';
import { invalid } from '../../core/errors';
import { getContact, listContacts } from '../../features/contacts/contact.service';
import { printJson } from '../output';
import type { CommandKit } from '../program';
import { resolveId } from '../resolve';

export function registerPeopleExportCommand(program: Command, kit: CommandKit): void {
  // `people` lists; `people export` is its subcommand, added here so the list stays as it is.
  const people = program.commands.find((c) => c.name() === 'people') ?? program.command('people');
  people
    .command('export')
    .description('write people as vCards (standard output)')
    .option('--contact <id>', 'only this person')
    .option('--vcard-version <version>', 'vCard version: 4.0 or 3.0', '4.0')
    .action((o: { contact?: string; vcardVersion: string }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        if (o.vcardVersion !== '4.0' && o.vcardVersion !== '3.0') {
          throw invalid(
            `--vcard-version: "${o.vcardVersion}" is not supported; use 4.0 or 3.0.`,
            'vcardVersion',
          );
        }
        const { toVCards } = await import('../../core/capture/vcard');
        const contacts = o.contact
          ? [await getContact(s.ctx, await resolveId(s.ctx, 'person', o.contact, 'contact'))]
          : await listContacts(s.ctx);
        const text = toVCards(contacts, o.vcardVersion);
        if (s.json) printJson(s.io, { count: contacts.length, vcard: text });
        else s.io.stdout(text);
      }),
    );
}
