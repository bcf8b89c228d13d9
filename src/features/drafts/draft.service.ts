/**
 * Drafts from the user's own debrief: one note per planner action (a thank-you per interviewer,
 * a check-in, a thanks-for-consideration, a reconnect), rendered from the user-editable template
 * and saved as a draft message, then checked.
 */
import { type DraftData, firstNameOf, formatDraftDate, renderDraft } from '../../core/drafts/render';
import { invalid } from '../../core/errors';
import { Temporal } from '../../core/time';
import type { Message, RuleId } from '../../core/types';
import { getAccount } from '../accounts/account.service';
import { type CheckResult, checkMessage } from '../checks/check.service';
import { getContact } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { getDebrief } from '../debriefs/debrief.service';
import { getInterview, listInterviews } from '../interviews/interview.service';
import { saveDraft } from '../messages/message.service';
import { getOpportunity } from '../opportunities/opportunity.service';
import { getAllActions } from '../plan/plan.service';
import { loadTemplate, type TemplateName } from '../templates/template.service';

export interface DraftResult {
  message: Message;
  check: CheckResult;
}

const TEMPLATE_OF: Partial<Record<RuleId, TemplateName>> = {
  'thank-you': 'thank-you',
  'check-in': 'check-in',
  'thanks-for-consideration': 'thanks-for-consideration',
  reconnect: 'reconnect',
};

/**
 * One thank-you draft per interviewer of the interview who has not been thanked yet. Drafting
 * again refreshes the existing drafts rather than adding new ones.
 */
export async function draftThankYous(
  ctx: ServiceContext,
  interviewId: string,
  dataDir: string | null,
): Promise<DraftResult[]> {
  const interview = await getInterview(ctx, interviewId);
  const actions = (await getAllActions(ctx)).filter(
    (a) =>
      a.rule === 'thank-you' &&
      a.interviewId === interview.id &&
      (a.state === 'open' || a.state === 'snoozed'),
  );
  const results: DraftResult[] = [];
  for (const action of actions) results.push(await draftForAction(ctx, action.key, dataDir));
  return results;
}

/** Draft the note an action asks for (thank-you, check-in, thanks-for-consideration, reconnect). */
export async function draftForAction(
  ctx: ServiceContext,
  key: string,
  dataDir: string | null,
): Promise<DraftResult> {
  const action = (await getAllActions(ctx)).find((a) => a.key === key);
  if (!action) throw invalid(`No action with key "${key}".`, 'key');
  const templateName = TEMPLATE_OF[action.rule];
  if (!templateName) throw invalid(`A ${action.rule} action is not a note to draft.`, 'key');
  if (!action.contactId)
    throw invalid(`Action ${key} has no recipient; add the recruiter to the opportunity first.`);

  const [account, opportunity, recipient] = await Promise.all([
    getAccount(ctx),
    getOpportunity(ctx, action.opportunityId),
    getContact(ctx, action.contactId),
  ]);
  // The interview the note follows: the action's own, else the latest one the recipient was in.
  const interviews = await listInterviews(ctx, opportunity.id);
  const interview = action.interviewId
    ? await getInterview(ctx, action.interviewId)
    : (interviews
        .filter((i) => i.status !== 'cancelled' && i.participants.some((p) => p.contactId === recipient.id))
        .at(-1) ?? interviews.filter((i) => i.status !== 'cancelled').at(-1));
  const debrief = interview ? await getDebrief(ctx, interview.id) : null;
  const note = debrief?.notes.find((n) => n.contactId === recipient.id);

  const data: DraftData = {
    recipient: { firstName: firstNameOf(recipient.displayName), fullName: recipient.displayName },
    company: opportunity.company,
    role: opportunity.role,
    round: interview?.round ?? null,
    interviewDate: interview
      ? formatDraftDate(Temporal.Instant.from(interview.start), account.timeZone)
      : null,
    decisionDate: opportunity.decisionBy
      ? formatDraftDate(
          Temporal.PlainDate.from(opportunity.decisionBy)
            .toZonedDateTime({ timeZone: account.timeZone, plainTime: '12:00' })
            .toInstant(),
          account.timeZone,
        )
      : null,
    notes: { memorable: note?.memorable ?? '', topics: note?.topics ?? '', problem: note?.problem ?? '' },
    promises: action.rule === 'thank-you' ? (debrief?.promises ?? '') : '',
    improve: action.rule === 'thank-you' ? (debrief?.improve ?? '') : '',
    sender: { name: account.displayName, signature: account.signature },
  };
  const rendered = renderDraft(await loadTemplate(dataDir, templateName), data);
  const message = await saveDraft(ctx, {
    kind: action.rule === 'check-in' ? 'check-in' : (templateName as Message['kind']),
    contactIds: [recipient.id],
    subject: rendered.subject,
    body: rendered.body,
    opportunityId: opportunity.id,
    interviewId: interview?.id ?? null,
    actionKey: action.key,
  });
  return { message, check: await checkMessage(ctx, message.id) };
}
