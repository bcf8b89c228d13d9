/** HTTP route for the Insights page. */
import type { FeatureRoutes } from '../route-kit';
import { insightsView } from './insights.presenter';
import { getInsights } from './insights.service';

export const insightsRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.get('/insights', { schema: { tags: ['insights'], response: { 200: insightsView } } }, async (req) =>
    getInsights(await contextOf(req)),
  );
};
