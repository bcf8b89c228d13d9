/** Every feature's routes, in one list the server registers (under /api unless public). */
import { accountRoutes } from '../features/accounts/account.routes';
import { calendarDownloadRoutes } from '../features/calendar/download.routes';
import { feedRoutes } from '../features/calendar/feed.routes';
import { checkRoutes } from '../features/checks/check.routes';
import { contactRoutes } from '../features/contacts/contact.routes';
import { debriefRoutes } from '../features/debriefs/debrief.routes';
import { demoRoutes } from '../features/demo/demo.routes';
import { draftRoutes } from '../features/drafts/draft.routes';
import { importRoutes } from '../features/imports/import.routes';
import { insightsRoutes } from '../features/insights/insights.routes';
import { interviewRoutes } from '../features/interviews/interview.routes';
import { mailRoutes } from '../features/mail/mail.routes';
import { messageRoutes } from '../features/messages/message.routes';
import { opportunityRoutes } from '../features/opportunities/opportunity.routes';
import { handoffRoutes } from '../features/outbox/handoff.routes';
import { outboxRoutes } from '../features/outbox/outbox.routes';
import { planRoutes } from '../features/plan/plan.routes';
import type { FeatureRoutes } from '../features/route-kit';
import { templateRoutes } from '../features/templates/template.routes';

export const apiRoutes: FeatureRoutes[] = [
  opportunityRoutes,
  interviewRoutes,
  debriefRoutes,
  messageRoutes,
  draftRoutes,
  handoffRoutes,
  checkRoutes,
  contactRoutes,
  planRoutes,
  calendarDownloadRoutes,
  insightsRoutes,
  demoRoutes,
  templateRoutes,
  accountRoutes,
  importRoutes,
  mailRoutes,
  outboxRoutes,
];

/** Routes outside /api (the calendar feed, fetched by calendar apps with no cookie). */
export const publicRoutes: FeatureRoutes[] = [feedRoutes];
