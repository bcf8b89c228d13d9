/** Shared set-up for outbox and reply tests: an opportunity, a recruiter, a checked draft. */

import type { Message, Opportunity } from '../../src/core/types';
import type { ServiceContext } from '../../src/features/context';
import { saveDraft } from '../../src/features/messages/message.service';
import { addOpportunity } from '../../src/features/opportunities/opportunity.service';
import { secretBoxFromKey } from '../../src/features/secrets/secret-box';

/** A fixed key: tests never touch the developer's data dir. */
export const TEST_BOX = secretBoxFromKey(Buffer.alloc(32, 9));

/** A thank-you the note checker passes: right name, right company, a personal detail. */
export const CLEAN_BODY =
  'Dear Dana,\n\nThank you for walking me through the platform team at Northwind Labs today. ' +
  'I enjoyed our conversation about the migration to event sourcing.\n\nBest regards,\nJo';

export async function opportunityWithRecruiter(ctx: ServiceContext): Promise<Opportunity> {
  return addOpportunity(ctx, {
    company: 'Northwind Labs',
    role: 'Staff Engineer',
    recruiter: 'Dana Whitfield <dana@northwind.example>',
  });
}

export async function draftTo(
  ctx: ServiceContext,
  opp: Opportunity,
  over: { body?: string; subject?: string } = {},
): Promise<Message> {
  return saveDraft(ctx, {
    kind: 'other',
    contactIds: [opp.recruiterId as string],
    subject: over.subject ?? 'Thank you, Dana',
    body: over.body ?? CLEAN_BODY,
    opportunityId: opp.id,
  });
}
