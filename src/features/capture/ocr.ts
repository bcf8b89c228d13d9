/**
 * Business-card photos → text → card fields, with tesseract.js fully offline (the English model
 * from the `@tesseract.js-data/eng` npm package, nothing cached in the working directory).
 *
 * Images are untrusted. Before anything decodes one, its header is read and checked against a
 * pixel budget (core/capture/image-header.ts). Recognition then runs in a child process
 * (ocr.worker.ts), one image at a time: a decoder that gives up or runs out of memory ends that
 * child only, and its exit becomes an import error with a sentence — never a dead server, never
 * several gigabytes at once.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CountryCode } from 'libphonenumber-js';
import type { CaptureBundle } from '../../core/capture/bundle';
import { type CardFields, cardBundle, readCardFields } from '../../core/capture/card';
import { readImageHeader } from '../../core/capture/image-header';
import { AppError, invalid } from '../../core/errors';
import type { OcrReply, OcrRequest } from './ocr.worker';

export { englishModelDir } from './ocr-model';

/** Largest image read: 20 MB (a phone photo is 2–8 MB). */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Longest one card may take before its reader is stopped. */
export const OCR_TIMEOUT_MS = 120_000;
/** Most cards waiting for the reader; more at once is refused as busy rather than queued without end. */
export const MAX_OCR_QUEUE = 8;

export interface CardReading {
  /** What OCR read, line by line. */
  text: string;
  fields: CardFields;
  /** Tesseract's mean confidence, 0–100. */
  confidence: number;
  bundle: CaptureBundle;
}

async function loadImage(image: string | Uint8Array): Promise<Uint8Array> {
  if (typeof image !== 'string') {
    if (image.byteLength > MAX_IMAGE_BYTES)
      throw invalid('The image is over 20 MB; use a smaller photo.', 'file');
    return image;
  }
  const info = await stat(image).catch(() => null);
  if (!info?.isFile()) throw invalid(`${image}: no such file.`, 'file');
  if (info.size > MAX_IMAGE_BYTES) throw invalid(`${image} is over 20 MB; use a smaller photo.`, 'file');
  return readFile(image);
}

/** The child's entry: the built ocr-worker.js beside the bundle, or the source through tsx. */
function workerEntry(): { path: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const tsx = createRequire(import.meta.url).resolve('tsx');
    return { path: join(dirname(here), 'ocr.worker.ts'), execArgv: ['--import', pathToFileURL(tsx).href] };
  }
  const built = join(dirname(here), 'ocr-worker.js');
  if (!existsSync(built)) {
    throw new AppError(
      'unavailable',
      'The card reader is not built (dist/cli/ocr-worker.js is missing); run `npm run build`.',
    );
  }
  return { path: built, execArgv: [] };
}

/**
 * Recognise one image in a fresh child process, with no header check of its own (readCardImage
 * does that first); its failure is an AppError with a sentence. Exported for tests that hand the
 * engine what the header check would refuse.
 */
export function recognizeInChild(image: Uint8Array): Promise<{ text: string; confidence: number }> {
  const entry = workerEntry();
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    let settled = false;
    let stderr = '';
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      outcome();
    };
    const unreadable = (why: string) =>
      finish(() => reject(invalid(`The image could not be read: ${why}.`, 'file')));
    try {
      child = fork(entry.path, [], {
        execArgv: entry.execArgv,
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
    } catch (e) {
      reject(new AppError('unavailable', `The card reader could not start: ${String(e)}`));
      return;
    }
    const timer = setTimeout(
      () => unreadable(`reading it took over ${OCR_TIMEOUT_MS / 1000} seconds; try a smaller, clearer photo`),
      OCR_TIMEOUT_MS,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4_000) stderr += chunk.toString('utf8');
    });
    child.on('message', (reply: OcrReply) => {
      if (reply.ok) finish(() => resolve({ text: reply.text, confidence: reply.confidence }));
      else unreadable(`the OCR engine could not decode it (${firstLine(reply.message)})`);
    });
    child.on('error', (e) =>
      finish(() => reject(new AppError('unavailable', `The card reader failed: ${e.message}`))),
    );
    // 'close' comes after the IPC channel and stderr have drained, so a last reply is never lost.
    child.on('close', (code, signal) => {
      const detail = firstLine(stderr);
      unreadable(
        `the OCR engine stopped on it (${signal ? `signal ${signal}` : `exit code ${code}`}${detail ? `: ${detail}` : ''})`,
      );
    });
    const request: OcrRequest = { image };
    child.send(request, (e) => {
      if (e) unreadable(`it could not be handed to the OCR engine (${e.message})`);
    });
  });
}

/** The first meaningful line of an engine's message, short and free of stack frames. */
function firstLine(text: string): string {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at ') && !/^node:|^\^|^file:/.test(l));
  return (line ?? '')
    .replace(/^(?:Error:\s*)+/, '')
    .replace(/[^\x20-\x7e\u00a0-\uffff]/g, '')
    .slice(0, 160);
}

// One image at a time: each reading may take a few hundred megabytes, so they wait their turn.
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  if (waiting >= MAX_OCR_QUEUE) {
    return Promise.reject(
      new AppError('unavailable', 'The card reader is busy with other photos; try again in a moment.'),
    );
  }
  waiting++;
  const run = queue.then(job, job).finally(() => {
    waiting--;
  });
  queue = run.catch(() => undefined);
  return run;
}

/**
 * OCR a business-card image (a path or the bytes) and split it into fields. Throws
 * AppError('invalid-input') with a sentence when the input is not an image, is damaged or cut
 * short, is larger than a card needs, or the OCR engine fails on it.
 */
export async function readCardImage(
  image: string | Uint8Array,
  options: { defaultCountry?: CountryCode } = {},
): Promise<CardReading> {
  const bytes = await loadImage(image);
  readImageHeader(bytes);
  const { text, confidence } = await oneAtATime(() => recognizeInChild(bytes));
  const fields = readCardFields(text, options.defaultCountry);
  return { text, fields, confidence, bundle: cardBundle(fields) };
}
