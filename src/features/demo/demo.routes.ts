/** HTTP route behind "Try with sample data": seeds a realistic sample job hunt into the account. */
import { z } from 'zod';
import type { FeatureRoutes } from '../route-kit';
import { demoOptionsSchema, seedDemo } from './demo.service';

export const demoSummaryView = z.object({
  seed: z.number(),
  opportunities: z.number(),
  contacts: z.number(),
  interviews: z.number(),
  debriefs: z.number(),
  messages: z.number(),
  events: z.number(),
});

export const demoRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.post(
    '/demo',
    {
      schema: {
        tags: ['demo'],
        description: 'Seed `scale` sample opportunities with people, interviews and messages.',
        body: demoOptionsSchema,
        response: { 201: demoSummaryView },
      },
    },
    async (req, reply) => reply.code(201).send(await seedDemo(await contextOf(req), req.body)),
  );
};
