/** HTTP routes for opportunities: validate with the shared schemas, call the service, present. */
import { presentContact } from '../contacts/contact.presenter';
import { presentInterview } from '../interviews/interview.presenter';
import { presentMessage } from '../messages/message.presenter';
import { presentAction } from '../plan/plan.presenter';
import { type FeatureRoutes, idParams } from '../route-kit';
import {
  opportunityListView,
  opportunityView,
  overviewView,
  presentOpportunity,
} from './opportunity.presenter';
import { newOpportunitySchema, stageChangeSchema, updateOpportunitySchema } from './opportunity.schemas';
import {
  addOpportunity,
  changeStage,
  getOpportunity,
  listOpportunities,
  updateOpportunity,
} from './opportunity.service';
import { getOpportunityOverview } from './opportunity-overview.service';

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

  app.get(
    '/opportunities/:id/overview',
    {
      schema: {
        tags: ['opportunities'],
        description: 'The opportunity page: interviews, people, messages, timeline and open actions.',
        params: idParams,
        response: { 200: overviewView },
      },
    },
    async (req) => {
      const o = await getOpportunityOverview(await contextOf(req), req.params.id);
      return {
        opportunity: presentOpportunity(o.opportunity),
        interviews: o.interviews.map(presentInterview),
        people: o.people.map(presentContact),
        messages: o.messages.map(presentMessage),
        timeline: o.timeline,
        actions: o.actions.map(presentAction),
      };
    },
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
