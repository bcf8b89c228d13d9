/**
 * Drafts from the user's own debrief: one note per planner action (a thank-you per interviewer,
 * a check-in, a thanks-for-consideration, a reconnect), rendered from the user-editable template
 * and saved as a draft message, then checked. The debrief's private "what to practise" is never
 * read here: no draft can carry it. A draft the user has edited is never drafted over: drafting
 * again keeps it (and says so); one still as Afterview wrote it is refreshed from the debrief.
 */
import { type DraftData, firstNameOf, formatDraftDate, renderDraft } from '../../core/drafts/render';
import {
  ADD_TO_ANSWER_UNPLACED,
  addToAnswerReader,
  opportunityReaderIndex,
  promiseFor,
} from '../../core/drafts/variants';
import { invalid } from '../../core/errors';
import { Temporal } from '../../core/time';
import type { Message, RuleId } from '../../core/types';
import { getAccount } from '../accounts/account.service';
import { type CheckResult, checkMessage } from '../checks/check.service';
import { getContact } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { getDebrief } from '../debriefs/debrief.service';
import { getInterview, listInterviews } from '../interviews/interview.service';
import { findEditedDraft, saveDraft } from '../messages/message.service';
import { getOpportunity } from '../opportunities/opportunity.service';
import { getAction, getOpportunityActions } from '../plan/plan.service';
import { loadTemplateFor, type TemplateName } from '../templates/template.service';

export interface DraftResult {
  message: Message;
  check: CheckResult;
  /** What the user should know before sending ("Set your name in Settings to sign your notes"). */
  hints: string[];
  /** True when the draft holds words the user saved, so it was kept as they left it. */
  kept: boolean;
}

const TEMPLATE_OF: Partial<Record<RuleId, TemplateName>> = {
  'thank-you': 'thank-you',
  'check-in': 'check-in',
  'thanks-for-consideration': 'thanks-for-consideration',
  reconnect: 'reconnect',
};

/**
 * One thank-you draft per interviewer of the interview who has not been thanked yet. Drafting
 * again refreshes the existing drafts rather than adding new ones, except those the user edited.
 */
export async function draftThankYous(
  ctx: ServiceContext,
  interviewId: string,
  dataDir: string | null,
): Promise<DraftResult[]> {
  const interview = await getInterview(ctx, interviewId);
  const actions = (await getOpportunityActions(ctx, interview.opportunityId)).filter(
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
  const action = await getAction(ctx, key);
  if (!action) throw invalid(`No action with key "${key}".`, 'key');
  const templateName = TEMPLATE_OF[action.rule];
  if (!templateName) throw invalid(`A ${action.rule} action is not a note to draft.`, 'key');
  if (!action.contactId)
    throw invalid(`Action ${key} has no recipient; add the recruiter to the opportunity first.`);
  // The user's words win over a fresh rendering, whatever changed in the debrief since.
  const edited = await findEditedDraft(ctx, action.key);
  if (edited) return { message: edited, check: await checkMessage(ctx, edited.id), hints: [], kept: true };

  const [account, opportunity, recipient] = await Promise.all([
    getAccount(ctx),
    getOpportunity(ctx, action.opportunityId),
    getContact(ctx, action.contactId),
  ]);
  // The interview the note follows: the action's own; for a check-in the latest one held (the
  // recruiter may have coordinated only the first round); else the latest one the recipient
  // was in. Interviews come sorted by start.
  const interviews = await listInterviews(ctx, opportunity.id);
  const held = interviews.filter(
    (i) => i.status !== 'cancelled' && Temporal.Instant.compare(Temporal.Instant.from(i.start), ctx.now) <= 0,
  );
  const interview = action.interviewId
    ? await getInterview(ctx, action.interviewId)
    : action.rule === 'check-in'
      ? held.at(-1)
      : (held.filter((i) => i.participants.some((p) => p.contactId === recipient.id)).at(-1) ?? held.at(-1));
  const debrief = interview ? await getDebrief(ctx, interview.id) : null;
  const note = debrief?.notes.find((n) => n.contactId === recipient.id);
  const thankYou = action.rule === 'thank-you';
  // The point to add to an answer is per interview: only one interviewer's note carries it, the
  // one it names or whose notes are closest to it; with several and nothing to go by, none.
  const interviewers = interview ? interview.participants.filter((p) => p.role === 'interviewer') : [];
  const addToAnswerTo =
    thankYou && debrief && interview
      ? addToAnswerReader(
          debrief.addToAnswer,
          await Promise.all(
            interviewers.map(async (p) => {
              const n = debrief.notes.find((x) => x.contactId === p.contactId);
              const name =
                p.contactId === recipient.id
                  ? recipient.displayName
                  : (await getContact(ctx, p.contactId)).displayName;
              return {
                contactId: p.contactId,
                notes: n ? `${n.memorable} ${n.topics} ${n.problem}` : '',
                names: [name, firstNameOf(name)],
              };
            }),
          ),
        )
      : null;
  const unplaced =
    thankYou && debrief?.addToAnswer.trim() && addToAnswerTo === null && interviewers.length > 1
      ? [ADD_TO_ANSWER_UNPLACED]
      : [];
  const dateOf = (instant: Temporal.Instant) => formatDraftDate(instant, account.timeZone, account.locale);
  // Everyone recorded for the opportunity, so a debrief's "hiring mgr is jo" is spelt "Jo".
  const peopleIds = new Set(interviews.flatMap((i) => i.participants.map((p) => p.contactId)));
  if (opportunity.recruiterId) peopleIds.add(opportunity.recruiterId);
  const people = await Promise.all(
    [...peopleIds].map(
      async (id) => (id === recipient.id ? recipient : await getContact(ctx, id)).displayName,
    ),
  );

  const data: DraftData = {
    recipient: { firstName: firstNameOf(recipient.displayName), fullName: recipient.displayName },
    company: opportunity.company,
    role: opportunity.role,
    round: interview?.round ?? null,
    interviewDate: interview ? dateOf(Temporal.Instant.from(interview.start)) : null,
    decisionDate: opportunity.decisionBy
      ? dateOf(
          Temporal.PlainDate.from(opportunity.decisionBy)
            .toZonedDateTime({ timeZone: account.timeZone, plainTime: '12:00' })
            .toInstant(),
        )
      : null,
    notes: {
      memorable: note?.memorable ?? '',
      topics: note?.topics ?? '',
      problem: note?.problem ?? '',
      promise:
        thankYou && debrief
          ? promiseFor(
              note?.promise ?? '',
              debrief.promises,
              debrief.notes.some((n) => n.promise.trim() !== ''),
            )
          : '',
    },
    addToAnswer: debrief && addToAnswerTo === recipient.id ? debrief.addToAnswer : '',
    // Wordings are chosen across the whole opportunity: people at one company compare notes,
    // whichever interview each of them was in. (Cancelled interviews keep their place, so
    // cancelling one never moves anyone onto a wording someone else already has.)
    variant: opportunityReaderIndex(interviews, recipient.id),
    sender: { name: account.displayName, signature: account.signature },
    people,
  };
  const rendered = renderDraft(await loadTemplateFor(ctx, dataDir, templateName), data);
  const message = await saveDraft(
    ctx,
    {
      kind: action.rule === 'check-in' ? 'check-in' : (templateName as Message['kind']),
      contactIds: [recipient.id],
      subject: rendered.subject,
      body: rendered.body,
      opportunityId: opportunity.id,
      interviewId: interview?.id ?? null,
      actionKey: action.key,
    },
    'afterview',
  );
  return {
    message,
    check: await checkMessage(ctx, message.id),
    hints: [...rendered.hints, ...unplaced],
    kept: false,
  };
}
