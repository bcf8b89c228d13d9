/**
 * The guard every capture parser passes its input through first: a size limit, a check that the
 * input is text at all, and character decoding. Keeping it in one place means a 50 MB upload or a
 * photo renamed `.ics` gets the same clear refusal from every importer, in bounded time.
 */
import { invalid } from '../errors';
import { stripControls } from './clean';

/**
 * Largest text file an importer reads: 10 MiB. A 1,000-event calendar or a 10,000-card address
 * book is well under 5 MiB; anything bigger is refused before parsing so memory stays bounded.
 */
export const MAX_TEXT_BYTES = 10 * 1024 * 1024;
/** Most lines a text file may have (after unfolding) before it is refused. */
export const MAX_LINES = 250_000;

/** One logical line of a text file, with the 1-based number of the physical line it starts on. */
export interface TextLine {
  text: string;
  line: number;
}

export interface DecodedText {
  text: string;
  warnings: string[];
}

const megabytes = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

function tooBig(what: string, size: number): Error {
  return invalid(
    `The ${what} is ${megabytes(size)}; files over ${megabytes(MAX_TEXT_BYTES)} are not imported.`,
    'file',
  );
}

/** Decode bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 with a warning. */
function decodeBytes(bytes: Uint8Array, what: string, warnings: string[]): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    warnings.push(`The ${what} is not valid UTF-8; it was read as Windows-1252 (check accented names).`);
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const lineOf = (text: string, index: number): number => {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};

/**
 * Refuse input that is not text: a NUL byte, or more than 1% control characters (other than tab,
 * line breaks and form feed), names the line where the binary data starts.
 */
function assertText(text: string, what: string): void {
  let controls = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const control = (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd;
    if (!control) continue;
    if (first < 0) first = i;
    if (c === 0)
      throw invalid(`line ${lineOf(text, i)}: the ${what} contains binary data, not text.`, 'file');
    controls++;
  }
  if (first >= 0 && controls > Math.max(8, text.length / 100)) {
    throw invalid(`line ${lineOf(text, first)}: the ${what} contains binary data, not text.`, 'file');
  }
}

/**
 * Turn raw input into text, or throw AppError('invalid-input') when it is too big or not text.
 * `what` names the file kind in messages ("calendar file", "vCard file").
 */
export function decodeText(input: string | Uint8Array, what: string): DecodedText {
  const warnings: string[] = [];
  let text: string;
  if (typeof input === 'string') {
    // A JS string of n UTF-16 units is at least n bytes of UTF-8: a cheap, safe lower bound.
    if (input.length > MAX_TEXT_BYTES) throw tooBig(what, input.length);
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    if (input.byteLength > MAX_TEXT_BYTES) throw tooBig(what, input.byteLength);
    text = decodeBytes(input, what, warnings);
  }
  assertText(text, what);
  // Escape sequences and control characters go before parsing, so that none splits a name from
  // its title; cleanBundle cleans the fields again after parsing (quoted-printable and backslash
  // escapes can produce them).
  text = stripControls(text, true);
  if (text.trim() === '') throw invalid(`The ${what} is empty.`, 'file');
  return { text, warnings };
}

/** Split into physical lines, numbered from 1; refuses more than MAX_LINES. */
export function splitLines(text: string, what: string): TextLine[] {
  const raw = text.split(/\r\n|\n|\r/);
  if (raw.length > MAX_LINES) {
    throw invalid(
      `The ${what} has ${raw.length} lines; files over ${MAX_LINES} lines are not imported.`,
      'file',
    );
  }
  return raw.map((t, i) => ({ text: t, line: i + 1 }));
}

/**
 * RFC 5545 / 6350 unfolding: a line starting with a space or tab continues the one before. Each
 * logical line keeps the number of the physical line it starts on, for error messages.
 */
export function unfoldLines(text: string, what: string): TextLine[] {
  const out: TextLine[] = [];
  for (const l of splitLines(text, what)) {
    const c = l.text.charCodeAt(0);
    const last = out[out.length - 1];
    if ((c === 32 || c === 9) && last) last.text += l.text.slice(1);
    else out.push({ text: l.text, line: l.line });
  }
  return out;
}
