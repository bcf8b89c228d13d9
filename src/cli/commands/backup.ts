/**
 * `afterview export [--format json] [--out FILE]`: everything of the account as one versioned
 * JSON document, to standard output or a file. The backup code is imported when the command
 * runs, so other commands never load it.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { invalid } from '../../core/errors';
import { plural } from '../../core/plural';
import { writePrivateFileAtomic } from '../../features/private-files';
import { printJson } from '../output';
import type { CommandKit } from '../program';

export function registerBackupCommands(program: Command, kit: CommandKit): void {
  program
    .command('export')
    .description('write everything as one JSON document (re-importable with `afterview import`)')
    .option('--format <format>', 'output format: json', 'json')
    .option('--out <file>', 'write to this file instead of standard output')
    .action((o: { format: string; out?: string }, cmd: Command) =>
      kit.run(cmd, async (s) => {
        if (o.format !== 'json')
          throw invalid(`--format: "${o.format}" is not supported; use json.`, 'format');
        const { exportBackup } = await import('../../features/backup/export.service');
        const doc = await exportBackup(s.ctx, { dataDir: s.dataDir });
        const text = `${JSON.stringify(doc, null, 2)}\n`;
        if (!o.out) {
          s.io.stdout(text);
          return;
        }
        const file = resolve(s.io.cwd, o.out);
        // 0600 and atomic: a backup holds the user's notes about people, and a crash never leaves half of one.
        writePrivateFileAtomic(file, text);
        const counts = {
          opportunities: doc.opportunities.length,
          interviews: doc.interviews.length,
          contacts: doc.contacts.length,
          messages: doc.messages.length,
          events: doc.events.length,
        };
        if (s.json) printJson(s.io, { file, ...counts });
        else
          s.io.stdout(
            `Exported ${plural(counts.opportunities, 'opportunity')}, ${plural(counts.interviews, 'interview')}, ` +
              `${plural(counts.contacts, 'person')} and ${plural(counts.messages, 'message')} to ${file}\n`,
          );
      }),
    );
}
