/**
 * Draft templates on disk: the defaults shipped in the package's templates/ folder, and the
 * user's own copies in `<dataDir>/templates/NAME.liquid`, which win when present.
 */
import { constants } from 'node:fs';
import { access, copyFile, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { invalid } from '../../core/errors';
import type { ServiceContext } from '../context';
import { ensurePrivateDir, makePrivate } from '../private-files';
import * as repo from './template.repository';

/** The draft templates Afterview ships, one per kind of note it drafts. */
export const TEMPLATE_NAMES = ['thank-you', 'check-in', 'thanks-for-consideration', 'reconnect'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

const exists = (path: string): Promise<boolean> =>
  access(path, constants.F_OK).then(
    () => true,
    () => false,
  );

let shippedDir: Promise<string> | null = null;

/**
 * The shipped templates/ folder. Found by walking up from this module to the directory whose
 * package.json is Afterview's, so it works from src/ (tsx, vitest), from the bundle in dist/cli/
 * and from a global npm install alike.
 */
export function shippedTemplatesDir(): Promise<string> {
  shippedDir ??= (async () => {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (;;) {
      const manifest = join(dir, 'package.json');
      if (await exists(manifest)) {
        const { name } = JSON.parse(await readFile(manifest, 'utf8')) as { name?: unknown };
        if (name === 'afterview') return join(dir, 'templates');
      }
      const parent = dirname(dir);
      if (parent === dir)
        throw new Error('Cannot find the afterview package root (package.json) above this module.');
      dir = parent;
    }
  })();
  return shippedDir;
}

function checkName(name: string): asserts name is TemplateName {
  if (!(TEMPLATE_NAMES as readonly string[]).includes(name)) {
    throw invalid(`Unknown template "${name}"; use one of ${TEMPLATE_NAMES.join(', ')}.`, 'template');
  }
}

/** The user's template folder inside a data dir. */
export const userTemplatesDir = (dataDir: string): string => join(dataDir, 'templates');

/** The text of template `name`: the user's copy in `<dataDir>/templates/` if there is one, else the default. */
export async function loadTemplate(dataDir: string | null, name: TemplateName): Promise<string> {
  checkName(name);
  if (dataDir) {
    const own = join(userTemplatesDir(dataDir), `${name}.liquid`);
    if (await exists(own)) return readFile(own, 'utf8');
  }
  return readFile(join(await shippedTemplatesDir(), `${name}.liquid`), 'utf8');
}

/**
 * The template a draft of this account uses. A hosted user's own copy lives in the database, keyed
 * by the account: the data dir belongs to the installation, so a file there would be every user's
 * (an operator may still put installation-wide defaults there). Local mode: the data dir's files.
 */
export async function loadTemplateFor(
  ctx: ServiceContext,
  dataDir: string | null,
  name: TemplateName,
): Promise<string> {
  checkName(name);
  if (ctx.actor.kind === 'user') {
    const own = await repo.findAccountTemplate(ctx.db, ctx.actor.accountId, name);
    if (own !== null) return own;
  }
  return loadTemplate(dataDir, name);
}

/**
 * The templates this user wrote, for the account export: a hosted user's rows, or in local mode
 * the files in `<dataDir>/templates/` (the installation's files are not a hosted user's own).
 */
export async function readOwnTemplates(
  ctx: ServiceContext,
  dataDir: string | null,
): Promise<{ name: TemplateName; text: string }[]> {
  const known = (name: string): name is TemplateName => (TEMPLATE_NAMES as readonly string[]).includes(name);
  if (ctx.actor.kind === 'user') {
    const rows = await repo.listAccountTemplates(ctx.db, ctx.actor.accountId);
    return rows.flatMap((r) => (known(r.name) ? [{ name: r.name, text: r.text }] : []));
  }
  if (!dataDir) return [];
  const out: { name: TemplateName; text: string }[] = [];
  for (const name of TEMPLATE_NAMES) {
    const own = join(userTemplatesDir(dataDir), `${name}.liquid`);
    if (await exists(own)) out.push({ name, text: await readFile(own, 'utf8') });
  }
  return out;
}

/**
 * Copy the default templates into `<dataDir>/templates/` so the user can edit them. Existing
 * copies are never overwritten. Returns the paths of the files it wrote.
 */
export async function installTemplates(dataDir: string): Promise<string[]> {
  const target = userTemplatesDir(dataDir);
  ensurePrivateDir(target);
  const source = await shippedTemplatesDir();
  const written: string[] = [];
  for (const name of TEMPLATE_NAMES) {
    const to = join(target, `${name}.liquid`);
    try {
      // COPYFILE_EXCL: an edited copy that already exists is the user's, never replaced.
      await copyFile(join(source, `${name}.liquid`), to, constants.COPYFILE_EXCL);
      // A copy takes the shipped file's mode; the user's templates are theirs alone.
      makePrivate(to);
      written.push(to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return written;
}
