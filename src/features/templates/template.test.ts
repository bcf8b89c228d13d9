import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkNote } from '../../core/checker/check';
import { renderDraft } from '../../core/drafts/render';
import { AppError } from '../../core/errors';
import { createSpeller } from '../spelling/speller';
import {
  installTemplates,
  loadTemplate,
  shippedTemplatesDir,
  TEMPLATE_NAMES,
  type TemplateName,
} from './template.service';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'afterview-templates-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('template service', () => {
  it('finds the shipped templates folder at the package root', async () => {
    expect(await shippedTemplatesDir()).toBe(join(import.meta.dirname, '../../../templates'));
  });

  it.each(TEMPLATE_NAMES)('loads the shipped %s template, with a subject line', async (name) => {
    const text = await loadTemplate(null, name);
    expect(text).toMatch(/^Subject: /m);
    expect(await loadTemplate(dataDir, name)).toBe(text); // no user copy yet
  });

  it("prefers the user's own copy in <dataDir>/templates", async () => {
    await installTemplates(dataDir);
    await writeFile(join(dataDir, 'templates', 'check-in.liquid'), 'Subject: Hello\n\nHi {{ first_name }}!');
    expect(await loadTemplate(dataDir, 'check-in')).toBe('Subject: Hello\n\nHi {{ first_name }}!');
    expect(await loadTemplate(dataDir, 'thank-you')).toBe(await loadTemplate(null, 'thank-you'));
  });

  it('installs every default once and never overwrites an edited copy', async () => {
    const written = await installTemplates(dataDir);
    expect(written.sort()).toEqual(
      TEMPLATE_NAMES.map((n) => join(dataDir, 'templates', `${n}.liquid`)).sort(),
    );
    const mine = join(dataDir, 'templates', 'reconnect.liquid');
    await writeFile(mine, 'Subject: mine\n\nmine');
    expect(await installTemplates(dataDir)).toEqual([]);
    expect(await readFile(mine, 'utf8')).toBe('Subject: mine\n\nmine');
  });

  it('refuses an unknown template name with a clear error', async () => {
    await expect(loadTemplate(null, 'nope' as TemplateName)).rejects.toThrow(AppError);
    await expect(loadTemplate(null, '../package' as TemplateName)).rejects.toThrow(/Unknown template/);
  });

  it('renders the shipped thank-you into a note the real speller and checker find nothing wrong with', async () => {
    // The user's own name belongs in the speller too: the sign-off uses it.
    const speller = await createSpeller([
      "Siobhán O'Connell",
      'Diego Fernández-Ortiz',
      'Sam Okafor',
      'Northwind Labs',
      'Contoso',
    ]);
    const notes = {
      memorable: 'Her story about moving billing to event sourcing',
      topics: 'replay bugs and schema versioning',
      problem: 'flaky integration tests slowing releases',
    };
    const draft = renderDraft(await loadTemplate(dataDir, 'thank-you'), {
      recipient: { firstName: 'Siobhán', fullName: "Siobhán O'Connell" },
      company: 'Northwind Labs',
      role: 'Staff Platform Engineer',
      round: 'System design',
      interviewDate: 'Tuesday, December 8',
      notes: { ...notes, promise: 'the slides from my caching talk' },
      addToAnswer: '',
      variant: 0,
      sender: { name: 'Sam Okafor', signature: null },
    });
    const found = checkNote({
      body: draft.body,
      subject: draft.subject,
      kind: 'thank-you',
      recipient: { displayName: "Siobhán O'Connell", company: 'Northwind Labs' },
      company: 'Northwind Labs',
      otherCompanies: ['Contoso'],
      knownPeople: [{ displayName: "Siobhán O'Connell" }, { displayName: 'Diego Fernández-Ortiz' }],
      otherNotes: [],
      personalDetails: Object.values(notes),
      due: '2026-12-09T18:00:00Z',
      sendAt: '2026-12-09T10:00:00Z',
      speller,
    });
    expect(found).toEqual([]);
  });
});
