/**
 * Editing draft templates from the web app's Settings: the user's copy is written to
 * `<dataDir>/templates/NAME.liquid` (the same file `afterview` reads), after a trial render with
 * sample data so a broken template is refused with its reason instead of breaking the next draft.
 */
import { constants } from 'node:fs';
import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { renderDraft } from '../../core/drafts/render';
import { AppError, invalid } from '../../core/errors';
import { ensurePrivateDir, writePrivateFileAtomic } from '../private-files';
import { loadTemplate, TEMPLATE_NAMES, type TemplateName, userTemplatesDir } from './template.service';

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

function checkName(name: string): TemplateName {
  if (!(TEMPLATE_NAMES as readonly string[]).includes(name)) {
    throw invalid(`Unknown template "${name}"; use one of ${TEMPLATE_NAMES.join(', ')}.`, 'name');
  }
  return name as TemplateName;
}

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

export async function listTemplates(dataDir: string | null): Promise<TemplateInfo[]> {
  return Promise.all(
    TEMPLATE_NAMES.map(async (name) => ({
      name,
      text: await loadTemplate(dataDir, name),
      custom: dataDir ? await exists(ownPath(dataDir, name)) : false,
    })),
  );
}

/** Save the user's version of a template; refused (nothing written) when it does not render. */
export async function saveTemplate(
  dataDir: string | null,
  name: string,
  text: string,
): Promise<TemplateInfo> {
  const template = checkName(name);
  const dir = requireDataDir(dataDir);
  try {
    renderDraft(text, SAMPLE);
  } catch (err) {
    throw invalid(err instanceof Error ? err.message : String(err), 'text');
  }
  ensurePrivateDir(userTemplatesDir(dir));
  // Atomic and owner-only: a crash mid-save leaves the old template, never half of the new one.
  writePrivateFileAtomic(ownPath(dir, template), text);
  return { name: template, text, custom: true };
}

/** Go back to the shipped default by removing the user's copy. */
export async function resetTemplate(dataDir: string | null, name: string): Promise<TemplateInfo> {
  const template = checkName(name);
  const dir = requireDataDir(dataDir);
  await rm(ownPath(dir, template), { force: true });
  return { name: template, text: await loadTemplate(dir, template), custom: false };
}
