/**
 * The person page's read model: the person, every note to or from them, the interviews they
 * took part in and the opportunities they belong to (as recruiter, interviewer, or through a
 * note), so the page can link to each.
 */
import type { Contact, Interview, Message, Opportunity } from '../../core/types';
import type { ServiceContext } from '../context';
import { listInterviews } from '../interviews/interview.service';
import { listMessages } from '../messages/message.service';
import { listOpportunities } from '../opportunities/opportunity.service';
import { getContact } from './contact.service';

export interface PersonOverview {
  person: Contact;
  /** Notes to them and replies from them, newest first. */
  messages: Message[];
  /** Interviews they took part in, soonest first. */
  interviews: Interview[];
  opportunities: Opportunity[];
}

const whenOf = (m: Message): string => m.sentAt ?? m.sendAt ?? m.createdAt;

export async function getPersonOverview(ctx: ServiceContext, id: string): Promise<PersonOverview> {
  const person = await getContact(ctx, id);
  const [messages, interviews, opportunities] = await Promise.all([
    listMessages(ctx),
    listInterviews(ctx),
    listOpportunities(ctx),
  ]);
  const theirMessages = messages
    .filter((m) => m.contactIds.includes(id))
    .sort((a, b) => whenOf(b).localeCompare(whenOf(a)));
  const theirInterviews = interviews
    .filter((i) => i.participants.some((p) => p.contactId === id))
    .sort((a, b) => a.start.localeCompare(b.start));
  const opportunityIds = new Set<string>([
    ...theirInterviews.map((i) => i.opportunityId),
    ...theirMessages.flatMap((m) => (m.opportunityId ? [m.opportunityId] : [])),
    ...opportunities.filter((o) => o.recruiterId === id).map((o) => o.id),
  ]);
  return {
    person,
    messages: theirMessages,
    interviews: theirInterviews,
    opportunities: opportunities.filter((o) => opportunityIds.has(o.id)),
  };
}
