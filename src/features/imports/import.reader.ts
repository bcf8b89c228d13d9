/**
 * A dropped or named file → what it was understood to say, by its extension: an invite, a vCard
 * file, a spreadsheet, a schedule email or a business-card photo. Nothing is saved here.
 */
import type { CaptureBundle } from '../../core/capture/bundle';
import { stripControls } from '../../core/capture/clean';
import type { CsvMapping } from '../../core/capture/csv';
import { AppError, invalid } from '../../core/errors';
import { formatInstant } from '../../core/time';
import { getAccount } from '../accounts/account.service';
import type { ServiceContext } from '../context';
import { getMailSettings } from '../mail/mail.service';

export const IMPORT_KINDS = ['ics', 'vcard', 'csv', 'schedule', 'card', 'backup'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const BY_EXTENSION: Record<string, ImportKind> = {
  ics: 'ics',
  ical: 'ics',
  ifb: 'ics',
  vcf: 'vcard',
  vcard: 'vcard',
  csv: 'csv',
  txt: 'schedule',
  png: 'card',
  jpg: 'card',
  jpeg: 'card',
  webp: 'card',
  json: 'backup',
};

/** The kind of import a file name calls for; throws naming the extensions that are read. */
export function importKindOf(fileName: string): ImportKind {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const kind = BY_EXTENSION[ext];
  if (!kind) {
    throw invalid(
      `${fileName}: cannot import ${ext ? `.${ext}` : 'a file without an extension'} files; use .ics, .vcf, .csv, .txt (a schedule), .png/.jpg (a business card) or .json (a backup).`,
      'file',
    );
  }
  return kind;
}

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface PreviewOptions {
  /** A CSV column mapping the user confirmed. */
  csvMapping?: Partial<CsvMapping>;
}

/** What a file says, before saving; CSV previews also carry the column mapping to confirm. */
export interface ImportPreview {
  kind: Exclude<ImportKind, 'backup'>;
  bundle: CaptureBundle;
  csv?: { headers: string[]; mapping: CsvMapping };
  /** For a card photo: what OCR read. */
  ocrText?: string;
}

/**
 * A parser's error for a file, naming the file before the line it names ("invite.ics line 7: …"),
 * for a terminal, where no form field shows which file it is about.
 */
export function namingFile(fileName: string, e: unknown): unknown {
  if (e instanceof AppError && e.code === 'invalid-input' && /^line \d+/.test(e.message)) {
    return invalid(`${fileName} ${e.message}`, e.field, e.issues);
  }
  return e;
}

/**
 * Read a file into a bundle with the account's settings (zone, own addresses) and the context's
 * clock (a schedule's "Thursday"). Backups (.json) are not previewed: they go to importBackup.
 */
export async function previewImport(
  ctx: ServiceContext,
  file: ImportFile,
  options: PreviewOptions = {},
): Promise<ImportPreview> {
  const kind = importKindOf(file.name);
  const account = await getAccount(ctx);
  switch (kind) {
    case 'ics': {
      const { parseIcs } = await import('../../core/capture/ics');
      // The mailbox the user sends from is theirs too, even when `config set me` was never run.
      const { fromAddress } = await getMailSettings(ctx);
      const ownEmails = fromAddress ? [...account.ownEmails, fromAddress] : account.ownEmails;
      return {
        kind,
        bundle: parseIcs(file.bytes, { timeZone: account.timeZone, ownEmails, ownName: account.displayName }),
      };
    }
    case 'vcard': {
      const { parseVCards } = await import('../../core/capture/vcard');
      return { kind, bundle: parseVCards(file.bytes) };
    }
    case 'csv': {
      const { parseCsv } = await import('../../core/capture/csv');
      const { headers, mapping, ...bundle } = parseCsv(
        file.bytes,
        options.csvMapping ? { mapping: options.csvMapping } : {},
      );
      return { kind, bundle, csv: { headers, mapping } };
    }
    case 'schedule': {
      const { parseSchedule } = await import('../../core/capture/schedule');
      return {
        kind,
        bundle: parseSchedule(file.bytes, { now: formatInstant(ctx.now), timeZone: account.timeZone }),
      };
    }
    case 'card': {
      const { readCardImage } = await import('../capture/ocr');
      const reading = await readCardImage(file.bytes);
      return { kind, bundle: reading.bundle, ocrText: stripControls(reading.text, true) };
    }
    case 'backup':
      throw invalid(`${file.name}: a backup is imported whole, not previewed.`, 'file');
  }
}
