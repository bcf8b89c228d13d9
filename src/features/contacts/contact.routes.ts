/** HTTP routes for people: everyone met, and every touch with each of them. */
import { z } from 'zod';
import { interviewView, presentInterview } from '../interviews/interview.presenter';
import { messageView, presentMessage } from '../messages/message.presenter';
import { opportunityView, presentOpportunity } from '../opportunities/opportunity.presenter';
import { type FeatureRoutes, idParams } from '../route-kit';
import { contactView, presentContact } from './contact.presenter';
import { listContacts } from './contact.service';
import { editContactSchema } from './contact-edit.schemas';
import { editContact } from './contact-edit.service';
import { getPersonOverview } from './person-overview.service';

export const contactRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.get(
    '/people',
    { schema: { tags: ['people'], response: { 200: z.object({ people: z.array(contactView) }) } } },
    async (req) => ({ people: (await listContacts(await contextOf(req))).map(presentContact) }),
  );

  app.get(
    '/people/:id',
    {
      schema: {
        tags: ['people'],
        params: idParams,
        response: {
          200: z.object({
            person: contactView,
            messages: z.array(messageView),
            interviews: z.array(interviewView),
            opportunities: z.array(opportunityView),
          }),
        },
      },
    },
    async (req) => {
      const o = await getPersonOverview(await contextOf(req), req.params.id);
      return {
        person: presentContact(o.person),
        messages: o.messages.map(presentMessage),
        interviews: o.interviews.map(presentInterview),
        opportunities: o.opportunities.map(presentOpportunity),
      };
    },
  );

  app.patch(
    '/people/:id',
    {
      schema: {
        tags: ['people'],
        description: 'Correct or complete a person; each new detail is kept with where it came from.',
        params: idParams,
        body: editContactSchema,
        response: { 200: contactView },
      },
    },
    async (req) => presentContact(await editContact(await contextOf(req), req.params.id, req.body)),
  );
};
