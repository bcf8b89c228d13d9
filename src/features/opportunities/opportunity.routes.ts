/** HTTP routes for opportunities: validate with the shared schemas, call the service, present. */
import { type FeatureRoutes, idParams } from '../route-kit';
import { opportunityListView, opportunityView, presentOpportunity } from './opportunity.presenter';
import { newOpportunitySchema, stageChangeSchema, updateOpportunitySchema } from './opportunity.schemas';
import {
  addOpportunity,
  changeStage,
  getOpportunity,
  listOpportunities,
  updateOpportunity,
} from './opportunity.service';

export const opportunityRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.get(
    '/opportunities',
    { schema: { tags: ['opportunities'], response: { 200: opportunityListView } } },
    async (req) => ({
      opportunities: (await listOpportunities(await contextOf(req))).map(presentOpportunity),
    }),
  );

  app.post(
    '/opportunities',
    { schema: { tags: ['opportunities'], body: newOpportunitySchema, response: { 201: opportunityView } } },
    async (req, reply) => {
      const created = await addOpportunity(await contextOf(req), req.body);
      return reply.code(201).send(presentOpportunity(created));
    },
  );

  app.get(
    '/opportunities/:id',
    { schema: { tags: ['opportunities'], params: idParams, response: { 200: opportunityView } } },
    async (req) => presentOpportunity(await getOpportunity(await contextOf(req), req.params.id)),
  );

  app.patch(
    '/opportunities/:id',
    {
      schema: {
        tags: ['opportunities'],
        params: idParams,
        body: updateOpportunitySchema,
        response: { 200: opportunityView },
      },
    },
    async (req) => presentOpportunity(await updateOpportunity(await contextOf(req), req.params.id, req.body)),
  );

  app.put(
    '/opportunities/:id/stage',
    {
      schema: {
        tags: ['opportunities'],
        description: 'Move to a stage; `rejected` starts the rejection flow in the plan.',
        params: idParams,
        body: stageChangeSchema,
        response: { 200: opportunityView },
      },
    },
    async (req) => presentOpportunity(await changeStage(await contextOf(req), req.params.id, req.body.stage)),
  );
};
