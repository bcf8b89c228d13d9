/**
 * Editing draft templates from the web app's Settings: the user's copy is written to
 * `<dataDir>/templates/NAME.liquid` (the same file `afterview` reads; in hosted mode, to the
 * account's own row in the database), after a trial render with
 * sample data so a broken template is refused with its reason instead of breaking the next draft.
 */
import { constants } from 'node:fs';
import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { renderDraft } from '../../core/drafts/render';
import { AppError, invalid } from '../../core/errors';
import { formatInstant } from '../../core/time';
import type { DbOrTrx } from '../../db/database';
import type { ServiceContext } from '../context';
import { ensurePrivateDir, writePrivateFileAtomic } from '../private-files';
import * as repo from './template.repository';
import {
  loadTemplate,
  loadTemplateFor,
  TEMPLATE_NAMES,
  type TemplateName,
  userTemplatesDir,
} from './template.service';

export interface TemplateInfo {
  name: TemplateName;
  text: string;
  /** True when the user's own copy is in use rather than the shipped default. */
  custom: boolean;
}

const SAMPLE = {
  recipient: { firstName: 'Priya', fullName: 'Priya Raman' },
  company: 'Northwind Labs',
  role: 'Senior Engineer',
  round: 'System design',
  interviewDate: 'Tuesday, December 1',
  decisionDate: 'Friday, December 11',
  notes: {
    memorable: 'her story about the chaos drills',
    topics: 'caching; queues',
    problem: 'slow builds',
    promise: 'a link to the talk',
  },
  addToAnswer: 'on caching I would also measure the hit rate first',
  variant: 0,
  sender: { name: 'Alex Morgan', signature: 'Alex' },
};

/** Why `text` cannot be a draft template (it fails a trial render with sample data), or null. */
export function templateProblem(text: string): string | null {
  try {
    renderDraft(text, SAMPLE);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Put restored templates in place as the user's own copies: a hosted user's rows (on `db`, the
 * restore's transaction), or in local mode the files in `<dataDir>/templates/`, each written
 * atomically. The caller has checked every text with `templateProblem` first.
 */
export async function writeOwnTemplates(
  db: DbOrTrx,
  ctx: ServiceContext,
  dataDir: string | null,
  templates: readonly { name: TemplateName; text: string }[],
): Promise<void> {
  if (templates.length === 0) return;
  if (hosted(ctx)) {
    for (const t of templates) {
      await repo.saveAccountTemplate(db, {
        account_id: ctx.actor.accountId,
        name: t.name,
        text: t.text,
        updated_at: formatInstant(ctx.now),
      });
    }
    return;
  }
  const dir = requireDataDir(dataDir);
  ensurePrivateDir(userTemplatesDir(dir));
  for (const t of templates) writePrivateFileAtomic(ownPath(dir, t.name), t.text);
}

function checkName(name: string): TemplateName {
  if (!(TEMPLATE_NAMES as readonly string[]).includes(name)) {
    throw invalid(`Unknown template "${name}"; use one of ${TEMPLATE_NAMES.join(', ')}.`, 'name');
  }
  return name as TemplateName;
}

/**
 * A hosted user's templates are theirs alone, in the database; the data dir is the installation's
 * (a file there would be every user's template). Local mode keeps the files `afterview` reads.
 */
const hosted = (ctx: ServiceContext) => ctx.actor.kind === 'user';

function requireDataDir(dataDir: string | null): string {
  if (!dataDir)
    throw new AppError('conflict', 'This server has no data folder to keep your own templates in.');
  return dataDir;
}

const ownPath = (dataDir: string, name: TemplateName) => join(userTemplatesDir(dataDir), `${name}.liquid`);
const exists = (path: string) =>
  access(path, constants.F_OK).then(
    () => true,
    () => false,
  );

export async function listTemplates(ctx: ServiceContext, dataDir: string | null): Promise<TemplateInfo[]> {
  return Promise.all(
    TEMPLATE_NAMES.map(async (name) => ({
      name,
      text: await loadTemplateFor(ctx, dataDir, name),
      custom: hosted(ctx)
        ? (await repo.findAccountTemplate(ctx.db, ctx.actor.accountId, name)) !== null
        : dataDir
          ? await exists(ownPath(dataDir, name))
          : false,
    })),
  );
}

/** Save the user's version of a template; refused (nothing written) when it does not render. */
export async function saveTemplate(
  ctx: ServiceContext,
  dataDir: string | null,
  name: string,
  text: string,
): Promise<TemplateInfo> {
  const template = checkName(name);
  const problem = templateProblem(text);
  if (problem !== null) throw invalid(problem, 'text');
  if (hosted(ctx)) {
    await repo.saveAccountTemplate(ctx.db, {
      account_id: ctx.actor.accountId,
      name: template,
      text,
      updated_at: formatInstant(ctx.now),
    });
    return { name: template, text, custom: true };
  }
  const dir = requireDataDir(dataDir);
  ensurePrivateDir(userTemplatesDir(dir));
  // Atomic and owner-only: a crash mid-save leaves the old template, never half of the new one.
  writePrivateFileAtomic(ownPath(dir, template), text);
  return { name: template, text, custom: true };
}

/** Go back to the default by removing the user's copy. */
export async function resetTemplate(
  ctx: ServiceContext,
  dataDir: string | null,
  name: string,
): Promise<TemplateInfo> {
  const template = checkName(name);
  if (hosted(ctx)) {
    await repo.deleteAccountTemplate(ctx.db, ctx.actor.accountId, template);
    return { name: template, text: await loadTemplateFor(ctx, dataDir, template), custom: false };
  }
  const dir = requireDataDir(dataDir);
  await rm(ownPath(dir, template), { force: true });
  return { name: template, text: await loadTemplate(dir, template), custom: false };
}
