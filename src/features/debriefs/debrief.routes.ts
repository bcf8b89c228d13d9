/** HTTP routes for the debrief of one interview: read it, save it as the user types. */
import { getInterview } from '../interviews/interview.service';
import { type FeatureRoutes, idParams } from '../route-kit';
import { debriefView, presentDebrief } from './debrief.presenter';
import { saveDebriefSchema } from './debrief.schemas';
import { getDebrief, saveDebrief } from './debrief.service';

export const debriefRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.get(
    '/interviews/:id/debrief',
    { schema: { tags: ['debriefs'], params: idParams, response: { 200: debriefView } } },
    async (req) => {
      const ctx = await contextOf(req);
      await getInterview(ctx, req.params.id); // 404 for an unknown interview, not an empty form
      return presentDebrief(req.params.id, await getDebrief(ctx, req.params.id));
    },
  );

  app.put(
    '/interviews/:id/debrief',
    {
      schema: {
        tags: ['debriefs'],
        params: idParams,
        body: saveDebriefSchema,
        response: { 200: debriefView },
      },
    },
    async (req) =>
      presentDebrief(req.params.id, await saveDebrief(await contextOf(req), req.params.id, req.body)),
  );
};
