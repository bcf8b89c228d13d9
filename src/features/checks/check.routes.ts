/** HTTP route for the live note checker. */
import type { FeatureRoutes } from '../route-kit';
import { checkRequestSchema, checkResultView } from './check.presenter';
import { checkText } from './check.service';

export const checkRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.post(
    '/check',
    {
      schema: {
        tags: ['messages'],
        description:
          'Check a note against what Afterview knows; `blocked` when an error finding would stop sending.',
        body: checkRequestSchema,
        response: { 200: checkResultView },
      },
    },
    async (req) => {
      const r = await checkText(await contextOf(req), req.body);
      return {
        findings: r.findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          start: f.start,
          end: f.end,
        })),
        blocked: r.blocked,
      };
    },
  );
};
