/**
 * The capture test files, all inside this repository (test/fixtures, with SOURCES.md saying where
 * each came from): a clone with nothing beside it runs every test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');

/** A file under test/fixtures (e.g. `calendar/google-onsite-loop.ics`), as bytes. */
export const fixture = (path: string): Buffer => readFileSync(join(repoRoot, 'test', 'fixtures', path));

/** A file under test/fixtures/capture, as bytes. */
export const captureFixture = (name: string): Buffer =>
  readFileSync(join(repoRoot, 'test', 'fixtures', 'capture', name));

/** ImageMagick's real `convert` (the one on PATH may be a stand-in). */
export const CONVERT = '/usr/bin/convert';

/** Why card-image tests cannot run here, or null. Throws when CI requires system packages. */
export function imageMagickSkipReason(): string | null {
  if (existsSync(CONVERT)) return null;
  const reason = `ImageMagick is not installed (${CONVERT} missing; apt-get install imagemagick)`;
  if (process.env.AFTERVIEW_REQUIRE_SYSTEM_DEPS === '1')
    throw new Error(`${reason}, and AFTERVIEW_REQUIRE_SYSTEM_DEPS=1`);
  return reason;
}

/**
 * Render a business card with known text to `path`: DejaVu Sans on white, turned by `angle`
 * degrees, with Gaussian noise from a fixed seed (the same image every run).
 */
export function renderCard(
  path: string,
  lines: Array<[string, number]>,
  angle: number,
  width = 1050,
): string {
  const args = [
    '-size',
    `${width}x${Math.round(width * 0.57)}`,
    'xc:white',
    '-fill',
    'black',
    '-font',
    'DejaVu-Sans',
  ];
  let y = Math.round(width * 0.1);
  for (const [text, size] of lines) {
    const scaled = Math.round((size * width) / 1050);
    args.push('-pointsize', String(scaled), '-annotate', `+${Math.round(width * 0.07)}+${y}`, text);
    y += Math.round(scaled * 1.7);
  }
  args.push(
    '-seed',
    '7',
    '-attenuate',
    '0.4',
    '+noise',
    'Gaussian',
    '-background',
    'white',
    '-rotate',
    String(angle),
    path,
  );
  execFileSync(CONVERT, args);
  return path;
}
