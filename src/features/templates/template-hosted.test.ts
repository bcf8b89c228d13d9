/**
 * Hosted users' templates are their own: the data dir belongs to the installation, so a user's
 * edit goes to their account's row, never to a file every other user would draft from.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import type { ServiceContext } from '../context';
import { loadTemplate, loadTemplateFor } from './template.service';
import { listTemplates, resetTemplate, saveTemplate } from './template-edit.service';

describeEachDialect('templates in hosted mode', (t) => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const hostedUser = async (): Promise<ServiceContext> => {
    const ctx = await createTestContext(t.store);
    return { ...ctx, actor: { ...ctx.actor, kind: 'user' } };
  };

  it("keeps each account's template to itself and writes nothing to the shared data dir", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'afterview-tpl-hosted-'));
    dirs.push(dataDir);
    const ada = await hostedUser();
    const bert = await hostedUser();
    const text = 'Hi {{ recipient.first_name }}, Ada was here.';
    expect(await saveTemplate(ada, dataDir, 'thank-you', text)).toEqual({
      name: 'thank-you',
      text,
      custom: true,
    });
    expect(readdirSync(dataDir)).toEqual([]);

    expect(await loadTemplateFor(ada, dataDir, 'thank-you')).toBe(text);
    const shipped = await loadTemplate(null, 'thank-you');
    expect(await loadTemplateFor(bert, dataDir, 'thank-you')).toBe(shipped);
    const bertList = await listTemplates(bert, dataDir);
    expect(bertList.find((x) => x.name === 'thank-you')).toEqual({
      name: 'thank-you',
      text: shipped,
      custom: false,
    });

    // Bert resetting "his" thank-you leaves Ada's alone.
    await resetTemplate(bert, dataDir, 'thank-you');
    expect(await loadTemplateFor(ada, dataDir, 'thank-you')).toBe(text);
    const reset = await resetTemplate(ada, dataDir, 'thank-you');
    expect(reset).toEqual({ name: 'thank-you', text: shipped, custom: false });
  });

  it("falls back to the installation's file, then the shipped default, under the user's own copy", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'afterview-tpl-hosted-'));
    dirs.push(dataDir);
    const ada = await hostedUser();
    const operator = 'Hi {{ recipient.first_name }}, from the career centre.';
    mkdirSync(join(dataDir, 'templates'));
    writeFileSync(join(dataDir, 'templates', 'check-in.liquid'), operator);
    expect(await loadTemplateFor(ada, dataDir, 'check-in')).toBe(operator);
    await saveTemplate(ada, dataDir, 'check-in', 'Hi {{ recipient.first_name }}, mine.');
    expect(await loadTemplateFor(ada, dataDir, 'check-in')).toBe('Hi {{ recipient.first_name }}, mine.');
  });
});
