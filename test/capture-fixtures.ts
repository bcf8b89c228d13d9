/**
 * Paths to the capture test files: the team's shared fixtures (`../shared/fixtures` beside the
 * repository, as in CI) and this repository's own under test/fixtures/capture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');

/** A file under ../shared/fixtures (e.g. `calendar/google-onsite-loop.ics`), as bytes. */
export const sharedFixture = (path: string): Buffer =>
  readFileSync(join(repoRoot, '..', 'shared', 'fixtures', path));

/** A file under test/fixtures/capture, as bytes. */
export const captureFixture = (name: string): Buffer =>
  readFileSync(join(repoRoot, 'test', 'fixtures', 'capture', name));
