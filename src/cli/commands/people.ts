/** `afterview people` (everyone met, with ids) and `afterview people edit` (complete or correct one). */
import type { Command } from 'commander';
import { invalid } from '../../core/errors';
import type { Contact } from '../../core/types';
import { getContact, listContacts } from '../../features/contacts/contact.service';
import { editContact } from '../../features/contacts/contact-edit.service';
import { present, table } from '../output';
import type { CommandKit } from '../program';
import { resolveId } from '../resolve';

interface EditOptions {
  email?: string[];
  phone?: string[];
  name?: string;
  title?: string;
  company?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerPeopleCommands(program: Command, kit: CommandKit): void {
  const people = program
    .command('people')
    .description('list people with their ids (people edit ID completes or corrects one)')
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

  people
    .command('edit')
    .description("add an interviewer's email or phone, or correct a name or title (settles collect-contact)")
    .argument('<id>', 'the person (an id or its start, from `afterview people`)')
    .option('--email <address>', 'an email address to add (repeatable)', collect)
    .option('--phone <number>', 'a phone number to add (repeatable)', collect)
    .option('--name <name>', 'their name, as they spell it')
    .option('--title <title>', 'their job title')
    .option('--company <name>', 'their company')
    .action((typed: string, o: EditOptions, cmd: Command) =>
      kit.run(cmd, async (s) => {
        if (!o.email && !o.phone && o.name === undefined && o.title === undefined && o.company === undefined)
          throw invalid('Give at least one of --email, --phone, --name, --title or --company.', 'email');
        const id = await resolveId(s.ctx, 'person', typed);
        const current = await getContact(s.ctx, id);
        const emails = o.email?.map((e) => e.trim().toLowerCase());
        const updated = await editContact(
          s.ctx,
          id,
          {
            ...(emails && {
              emails: [...current.emails, ...emails.filter((e) => !current.emails.includes(e))],
            }),
            ...(o.phone && {
              phones: [...current.phones, ...o.phone.filter((p) => !current.phones.includes(p))],
            }),
            ...(o.name !== undefined && { displayName: o.name }),
            ...(o.title !== undefined && { title: o.title.trim() || null }),
            ...(o.company !== undefined && { company: o.company.trim() || null }),
          },
          'typed in the terminal',
        );
        present(s, updated, () => describePerson(updated));
      }),
    );
}

function describePerson(c: Contact): string {
  const lines = [
    `Saved ${c.displayName}${c.title ? `, ${c.title}` : ''}${c.company ? ` (${c.company})` : ''}`,
  ];
  lines.push(`  email: ${c.emails.join(', ') || '(none yet)'}`);
  if (c.phones.length > 0) lines.push(`  phone: ${c.phones.join(', ')}`);
  return lines.join('\n');
}
