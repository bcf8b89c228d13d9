/**
 * The top-level commands as `--help` lists them, by the group module that defines each, so the
 * CLI can load only the group a command needs and print its help without loading any.
 * manifest.test.ts checks it against the groups themselves: after adding or changing a command,
 * update its line here (the test prints the expected list).
 */
export type CommandGroup =
  | 'config'
  | 'opportunity'
  | 'interview'
  | 'debrief'
  | 'message'
  | 'mail'
  | 'people'
  | 'people-export'
  | 'import'
  | 'today'
  | 'backup'
  | 'demo'
  | 'draft'
  | 'check'
  | 'serve';

export interface CommandEntry {
  group: CommandGroup;
  /** Other groups that add subcommands to it (loaded after `group`). */
  also?: readonly CommandGroup[];
  name: string;
  /** How `--help` shows its usage: `name [options] <args>`. */
  term: string;
  description: string;
}

export const COMMAND_MANIFEST: readonly CommandEntry[] = [
  {
    group: 'config',
    name: 'config',
    term: 'config',
    description: 'settings: time zone, holidays, playbook, your addresses',
  },
  {
    group: 'opportunity',
    name: 'opportunity',
    term: 'opportunity',
    description: 'record an opportunity (a company and role)',
  },
  {
    group: 'opportunity',
    name: 'opportunities',
    term: 'opportunities',
    description: 'list opportunities with their ids',
  },
  {
    group: 'opportunity',
    name: 'outcome',
    term: 'outcome [options] <outcome>',
    description: 'record how it ended: offer, rejected, withdrawn or accepted',
  },
  {
    group: 'interview',
    name: 'interview',
    term: 'interview',
    description: 'record an interview and who was in the room',
  },
  {
    group: 'interview',
    name: 'interviews',
    term: 'interviews [options]',
    description: 'list interviews with their ids',
  },
  {
    group: 'debrief',
    name: 'debrief',
    term: 'debrief [options]',
    description:
      'write down how it went: per interviewer what stayed with you, topics, a problem they raised, what you promised them',
  },
  {
    group: 'message',
    also: ['mail'],
    name: 'message',
    term: 'message',
    description: 'notes sent and replies received',
  },
  {
    group: 'mail',
    name: 'send',
    term: 'send [options] <messageId>',
    description: 'check a drafted note and send it now, or at --at (exit 1 when the checker finds errors)',
  },
  {
    group: 'mail',
    name: 'outbox',
    term: 'outbox',
    description: 'every message sent or on its way, with its state',
  },
  {
    group: 'mail',
    name: 'worker',
    term: 'worker [options]',
    description: 'send due messages from the outbox; keeps running unless --once',
  },
  {
    group: 'mail',
    name: 'sync',
    term: 'sync [options]',
    description:
      'one IMAP pass: record replies, skip auto-replies, mark bounced addresses, resolve uncertain sends',
  },
  {
    group: 'mail',
    name: 'mail',
    term: 'mail',
    description: 'the connected mailbox: show the settings, test the connection',
  },
  {
    group: 'people',
    also: ['people-export'],
    name: 'people',
    term: 'people',
    description: 'list people with their ids (people edit ID completes or corrects one)',
  },
  {
    group: 'import',
    name: 'import',
    term: 'import [options] <file>',
    description:
      'import an invite (.ics), vCards (.vcf), a spreadsheet (.csv), a schedule (.txt), a card photo (.png/.jpg) or a backup (.json)',
  },
  {
    group: 'today',
    name: 'today',
    term: 'today',
    description: 'the plan: what to do now and what comes next',
  },
  { group: 'today', name: 'done', term: 'done <key>', description: 'mark an action done' },
  {
    group: 'today',
    name: 'dismiss',
    term: 'dismiss <key>',
    description: 'dismiss an action you will not do',
  },
  {
    group: 'today',
    name: 'snooze',
    term: 'snooze [options] <key>',
    description: 'hide an action until a later time',
  },
  {
    group: 'today',
    name: 'undo',
    term: 'undo <key>',
    description: 'take back done, dismiss or snooze: the action is planned again',
  },
  {
    group: 'backup',
    name: 'export',
    term: 'export [options]',
    description: 'write everything as one JSON document (re-importable with `afterview import`)',
  },
  {
    group: 'demo',
    name: 'demo',
    term: 'demo [options]',
    description:
      'seed a realistic sample job hunt: N opportunities up to next week (from 100 up, a bigger N adds past, not live work)',
  },
  {
    group: 'draft',
    name: 'draft',
    term: 'draft [options]',
    description: 'draft notes from your debrief: a thank-you per interviewer, or the note an action asks for',
  },
  {
    group: 'check',
    name: 'check',
    term: 'check [options] [file]',
    description: 'check a note before it goes out (exit 1 when an error is found)',
  },
  {
    group: 'serve',
    name: 'serve',
    term: 'serve [options]',
    description: 'serve the web app (default http://127.0.0.1:4317)',
  },
];
