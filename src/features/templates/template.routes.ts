/** HTTP routes for the draft templates shown and edited in Settings. */
import { z } from 'zod';
import type { FeatureRoutes } from '../route-kit';
import { TEMPLATE_NAMES } from './template.service';
import { listTemplates, resetTemplate, saveTemplate } from './template-edit.service';

export const templateView = z.object({ name: z.enum(TEMPLATE_NAMES), text: z.string(), custom: z.boolean() });
export type TemplateView = z.infer<typeof templateView>;
const nameParams = z.object({ name: z.string().max(60) });

export const templateRoutes: FeatureRoutes = async (app, { contextOf, dataDir }) => {
  app.get(
    '/templates',
    { schema: { tags: ['settings'], response: { 200: z.object({ templates: z.array(templateView) }) } } },
    async (req) => ({ templates: await listTemplates(await contextOf(req), dataDir) }),
  );

  app.put(
    '/templates/:name',
    {
      schema: {
        tags: ['settings'],
        params: nameParams,
        body: z.object({ text: z.string().min(1, 'is required').max(20_000) }),
        response: { 200: templateView },
      },
    },
    async (req) => saveTemplate(await contextOf(req), dataDir, req.params.name, req.body.text),
  );

  app.delete(
    '/templates/:name',
    { schema: { tags: ['settings'], params: nameParams, response: { 200: templateView } } },
    async (req) => resetTemplate(await contextOf(req), dataDir, req.params.name),
  );
};
