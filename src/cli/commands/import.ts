/**
 * `afterview import FILE [--opportunity ID] [--dry-run] [--yes] [--map field=column] [--json]`: calendar invites
 * (.ics), vCards (.vcf), spreadsheets (.csv), schedule emails (.txt), business-card photos
 * (.png/.jpg) and Afterview backups (.json). It prints what it understood, asks before saving
 * when run in a terminal (`--yes` skips the question and is implied when standard input is not a
 * terminal), and saves everything in one transaction. `--dry-run` shows what saving would do.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { type CaptureBundle, type SkippedEntry, skippedSentence } from '../../core/capture/bundle';
import { CSV_FIELDS, type CsvField, type CsvMapping, missingCompanyMessage } from '../../core/capture/csv';
import { AppError, invalid } from '../../core/errors';
import { plural } from '../../core/plural';
import { Temporal } from '../../core/time';
import type { ImportResult } from '../../features/imports/import.service';
import { printJson } from '../output';
import type { CommandKit } from '../program';
import { resolveId } from '../resolve';
import type { Session } from '../session';

/** Largest file read at all: 20 MB (photos); each parser has its own, smaller text limit. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Imports with at least this many records show a progress bar on a terminal. */
const PROGRESS_THRESHOLD = 50;

const KIND_NAMES = {
  ics: 'calendar invite',
  vcard: 'vCard file',
  csv: 'spreadsheet',
  schedule: 'schedule email',
  card: 'business card photo',
} as const;

function localTime(instant: string, zone: string): string {
  const z = Temporal.Instant.from(instant).toZonedDateTimeISO(zone);
  return `${z.toPlainDate().toString()} ${z.toPlainTime().toString({ smallestUnit: 'minute' })}`;
}

/** What the file was understood to say, for a person to check before saving. */
export function describeBundle(bundle: CaptureBundle, zone: string): string {
  const lines: string[] = [];
  const person = (key: string): string => {
    const c = bundle.contacts.find((x) => x.key === key);
    if (!c) return key;
    return [c.displayName ?? '(no name)', c.emails[0] && `<${c.emails[0]}>`].filter(Boolean).join(' ');
  };
  for (const o of bundle.opportunities) {
    const extra = [o.role, o.stage, o.domains.join(', ')].filter(Boolean).join(' · ');
    lines.push(`Opportunity: ${o.company}${extra ? ` (${extra})` : ''}${o.line ? `  [line ${o.line}]` : ''}`);
  }
  for (const i of bundle.interviews) {
    const z = i.timeZone ?? zone;
    const state = i.status === 'cancelled' ? '  CANCELLED' : '';
    lines.push(
      `Interview: ${i.round}, ${localTime(i.start, z)}–${localTime(i.end, z).slice(11)} ${z}${state}${i.location ? ` @ ${i.location}` : ''}`,
    );
    for (const p of i.participants) lines.push(`    ${p.role.padEnd(11)} ${person(p.contactKey)}`);
  }
  for (const c of bundle.contacts) {
    const details = [c.title, c.company, ...c.emails, ...c.phones, ...c.links].filter(Boolean).join(' · ');
    lines.push(`Person: ${c.displayName ?? '(no name)'}${details ? ` (${details})` : ''}`);
  }
  for (const s of bundle.skipped) lines.push(skippedLine(s));
  for (const w of bundle.warnings) lines.push(`Warning: ${w}`);
  if (lines.length === 0) lines.push('Nothing to import in this file.');
  return lines.join('\n');
}

/** "Skipped line 3: Applied "2026-13-45" is not a date." */
const skippedLine = (s: SkippedEntry): string => {
  const sentence = skippedSentence(s);
  return s.line !== undefined ? `Skipped l${sentence.slice(1)}` : `Skipped: ${sentence}`;
};

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * With --opportunity every opportunity the file lists goes into that one: say so, so "matched 1"
 * does not contradict the three listed above it.
 */
function intoFewer(r: ImportResult, bundle: CaptureBundle): string {
  const listed = bundle.opportunities.length;
  const ids = new Set([...r.opportunities.created, ...r.opportunities.matched].map((o) => o.id));
  if (listed <= ids.size) return '';
  return ` (the ${listed} listed above go into ${ids.size === 1 ? 'it' : 'them'})`;
}

function describeResult(r: ImportResult, bundle: CaptureBundle): string {
  const verb = r.dryRun ? 'Would create' : 'Created';
  const parts = [
    count(r.opportunities.created.length, 'opportunity', 'opportunities'),
    count(r.contacts.created.length, 'person', 'people'),
    count(r.interviews.created.length, 'interview', 'interviews'),
  ];
  const changes = [
    r.opportunities.matched.length &&
      `matched ${count(r.opportunities.matched.length, 'opportunity', 'opportunities')}${intoFewer(r, bundle)}`,
    r.contacts.merged.length && `merged ${count(r.contacts.merged.length, 'known person', 'known people')}`,
    r.interviews.updated.length && `updated ${count(r.interviews.updated.length, 'interview', 'interviews')}`,
    r.interviews.cancelled.length &&
      `cancelled ${count(r.interviews.cancelled.length, 'interview', 'interviews')}`,
    r.interviews.unchanged.length &&
      `${count(r.interviews.unchanged.length, 'interview', 'interviews')} already up to date`,
  ].filter(Boolean);
  const lines = [`${verb} ${parts.join(', ')}${changes.length ? `; ${changes.join(', ')}` : ''}.`];
  for (const m of r.contacts.merged.filter((x) => x.added.length > 0)) {
    lines.push(`  ${m.displayName}: added ${m.added.join(', ')}`);
  }
  // Entries skipped while saving (the file's own skips were printed with what it says).
  for (const s of r.skipped.filter((x) => x.reason.includes('--opportunity'))) {
    lines.push(skippedLine(s));
  }
  // What saving found (an older invite, someone taken off one); the file's own were printed above.
  for (const w of r.warnings.filter((x) => !bundle.warnings.includes(x))) lines.push(`Warning: ${w}`);
  if (r.dryRun) lines.push('Dry run: nothing was saved.');
  return lines.join('\n');
}

async function readImportFile(session: Session, file: string): Promise<{ name: string; bytes: Buffer }> {
  const path = resolve(session.io.cwd, file);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw invalid(`${file}: no such file.`, 'file');
  if (info.size > MAX_FILE_BYTES) {
    throw invalid(
      `${file} is ${Math.round(info.size / 1024 / 1024)} MB; files over 20 MB are not imported.`,
      'file',
    );
  }
  return { name: basename(path), bytes: await readFile(path) };
}

/** A progress bar on the terminal for long imports; a no-op otherwise. */
async function progressFor(session: Session, total: number) {
  if (session.json || total < PROGRESS_THRESHOLD || !process.stderr.isTTY) return null;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    { stream: process.stderr, format: 'Saving [{bar}] {value}/{total}', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

interface ImportOptions {
  opportunity?: string;
  dryRun?: boolean;
  yes?: boolean;
  /** Backups into a folder with data: keep this folder's settings, or take the backup's. */
  keepSettings?: boolean;
  replaceSettings?: boolean;
  map: string[];
}

/** `--map role="Job Title"` (repeatable) → a CSV mapping correction; `--map notes=` maps nothing. */
function csvMappingOf(pairs: string[]): Partial<CsvMapping> | undefined {
  if (pairs.length === 0) return undefined;
  const mapping: Partial<CsvMapping> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const field = eq < 0 ? pair : pair.slice(0, eq);
    if (!(CSV_FIELDS as readonly string[]).includes(field)) {
      throw invalid(`--map: "${field}" is not a field; use one of ${CSV_FIELDS.join(', ')}.`, 'map');
    }
    const header = eq < 0 ? '' : pair.slice(eq + 1).trim();
    mapping[field as CsvField] = header || null;
  }
  return mapping;
}

async function importBackupFile(
  session: Session,
  name: string,
  text: string,
  o: ImportOptions,
): Promise<void> {
  const { importBackup, parseBackup } = await import('../../features/backup/restore.service');
  if (o.dryRun) {
    const doc = parseBackup(text);
    const counts = {
      contacts: doc.contacts.length,
      opportunities: doc.opportunities.length,
      interviews: doc.interviews.length,
      messages: doc.messages.length,
    };
    if (session.json) printJson(session.io, { kind: 'backup', file: name, dryRun: true, ...counts });
    else
      session.io.stdout(
        `${name} is a valid backup: ${plural(counts.opportunities, 'opportunity')}, ${plural(counts.interviews, 'interview')}, ${plural(counts.contacts, 'person')}, ${plural(counts.messages, 'message')}.\nDry run: nothing was saved.\n`,
      );
    return;
  }
  const settings = settingsChoice(o);
  let summary: Awaited<ReturnType<typeof importBackup>>;
  try {
    summary = await importBackup(session.ctx, text, {
      dataDir: session.dataDir,
      ...(settings && { settings }),
    });
  } catch (err) {
    // A folder with data of its own: a terminal is asked which settings to keep (never --yes).
    const ask = !session.json && (await session.io.stdinIsTTY()) ? session.io.confirm : undefined;
    if (!(err instanceof AppError && err.field === 'settings' && settings === undefined && ask)) throw err;
    const replace = await ask(
      'This data folder already has data. Replace its settings (time zone, holidays, addresses, name, signature, playbook) with the backup’s? No keeps this folder’s.',
    );
    summary = await importBackup(session.ctx, text, {
      dataDir: session.dataDir,
      settings: replace ? 'replace' : 'keep',
    });
  }
  if (session.json) printJson(session.io, { kind: 'backup', file: name, ...summary });
  else {
    const lines = [
      `Imported ${plural(summary.opportunities, 'opportunity')}, ${plural(summary.interviews, 'interview')}, ${plural(summary.contacts, 'person')} and ${plural(summary.messages, 'message')} from ${name}.`,
      summary.settingsApplied ? 'Settings: taken from the backup.' : 'Settings: this folder’s were kept.',
    ];
    if (summary.templates > 0) {
      lines.push(
        `Templates: ${plural(summary.templates, 'template')} of yours put back in ${join(session.dataDir, 'templates')}.`,
      );
    }
    if (summary.scheduledToDraft > 0) {
      lines.push(
        `${plural(summary.scheduledToDraft, 'scheduled note')} came back as drafts, not scheduled: they may have gone out before the backup was restored. Re-schedule the ones you still want with afterview send ID --at TIME.`,
      );
    }
    session.io.stdout(`${lines.join('\n')}\n`);
  }
}

/** --keep-settings / --replace-settings, or undefined when neither was given. */
function settingsChoice(o: ImportOptions): 'keep' | 'replace' | undefined {
  if (o.keepSettings && o.replaceSettings) {
    throw invalid('--keep-settings and --replace-settings: give one of them, not both.', 'settings');
  }
  if (o.keepSettings) return 'keep';
  if (o.replaceSettings) return 'replace';
  return undefined;
}

export function registerImportCommands(program: Command, kit: CommandKit): void {
  program
    .command('import')
    .description(
      'import an invite (.ics), vCards (.vcf), a spreadsheet (.csv), a schedule (.txt), a card photo (.png/.jpg) or a backup (.json)',
    )
    .argument('<file>', 'the file to import')
    .option('--opportunity <id>', 'attach the interviews to this opportunity')
    .option('--dry-run', 'show what would be saved, save nothing')
    .option('--yes', 'save without asking (implied when standard input is not a terminal)')
    .option('--keep-settings', 'backup into a folder with data: keep this folder’s settings')
    .option('--replace-settings', 'backup into a folder with data: take the backup’s settings')
    .option(
      '--map <field=column>',
      'CSV: read a field from this column, e.g. --map role="Job Title" (repeatable)',
      (value: string, all: string[]) => [...all, value],
      [] as string[],
    )
    .action((file: string, o: ImportOptions, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const { importKindOf, namingFile, previewImport } = await import(
          '../../features/imports/import.reader'
        );
        const { applyImport } = await import('../../features/imports/import.service');
        const kind = importKindOf(file);
        const { name, bytes } = await readImportFile(s, file);
        if (kind === 'backup') {
          await importBackupFile(s, name, bytes.toString('utf8'), o);
          return;
        }
        const csvMapping = csvMappingOf(o.map);
        if (csvMapping && kind !== 'csv') throw invalid('--map: only CSV files have columns to map.', 'map');
        const preview = await previewImport(s.ctx, { name, bytes }, csvMapping ? { csvMapping } : {}).catch(
          (e: unknown) => {
            throw namingFile(name, e);
          },
        );
        const { bundle } = preview;
        if (preview.csv && preview.csv.mapping.company === null) {
          throw invalid(
            `${missingCompanyMessage(preview.csv.headers)} Say which with --map company=COLUMN.`,
            'map',
          );
        }
        if (!s.json) {
          s.io.stdout(`${name}: ${KIND_NAMES[preview.kind]}\n`);
          if (preview.csv) {
            const columns = Object.entries(preview.csv.mapping)
              .filter(([, header]) => header !== null)
              .map(([field, header]) => `${field} ← "${header}"`);
            s.io.stdout(`Columns: ${columns.join(', ')}\n`);
          }
          s.io.stdout(`${describeBundle(bundle, s.timeZone)}\n`);
        }
        const ask = !o.yes && !o.dryRun && !s.json && (await s.io.stdinIsTTY()) && s.io.confirm;
        if (ask && !(await ask('Save this?'))) {
          s.io.stdout('Nothing saved.\n');
          return;
        }
        const total = bundle.contacts.length + bundle.opportunities.length + bundle.interviews.length;
        const bar = await progressFor(s, total);
        let result: ImportResult;
        try {
          result = await applyImport(s.ctx, bundle, {
            fileName: name,
            ...(o.opportunity !== undefined && {
              opportunityId: await resolveId(s.ctx, 'opportunity', o.opportunity),
            }),
            ...(o.dryRun !== undefined && { dryRun: o.dryRun }),
            ...(bar && { onProgress: (done: number) => bar.update(done) }),
          });
        } finally {
          bar?.stop();
        }
        if (s.json) {
          printJson(s.io, {
            kind: preview.kind,
            file: name,
            understood: bundle,
            ...(preview.csv && { csv: preview.csv }),
            ...(preview.ocrText !== undefined && { ocrText: preview.ocrText }),
            result,
          });
        } else s.io.stdout(`${describeResult(result, bundle)}\n`);
      }),
    );
}
