/** HTTP routes for people: everyone met, and every touch with each of them. */
import { z } from 'zod';
import { messageView, presentMessage } from '../messages/message.presenter';
import { listMessages } from '../messages/message.service';
import { type FeatureRoutes, idParams } from '../route-kit';
import { contactView, presentContact } from './contact.presenter';
import { getContact, listContacts } from './contact.service';
import { editContactSchema } from './contact-edit.schemas';
import { editContact } from './contact-edit.service';

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
        response: { 200: z.object({ person: contactView, messages: z.array(messageView) }) },
      },
    },
    async (req) => {
      const ctx = await contextOf(req);
      const person = await getContact(ctx, req.params.id);
      const messages = (await listMessages(ctx)).filter((m) => m.contactIds.includes(person.id));
      return { person: presentContact(person), messages: messages.map(presentMessage) };
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
