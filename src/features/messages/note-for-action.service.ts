/**
 * What Compose opens on for one planner action: the action as the plan sees it now (open, done,
 * fulfilled...), the draft the user already wrote for it, and the note that fulfilled it. Compose shows
 * the sent note instead of a fresh draft, so nobody thanks the same person twice by accident.
 */
import { invalid } from '../../core/errors';
import type { Message } from '../../core/types';
import type { ServiceContext } from '../context';
import { getAction } from '../plan/plan.service';
import { findEditedDraft, getMessage } from './message.service';

export interface NoteForAction {
  action: {
    key: string;
    rule: string;
    state: 'open' | 'done' | 'dismissed' | 'snoozed' | 'fulfilled';
    title: string;
    due: string;
    opportunityId: string;
    interviewId: string | null;
    contactId: string | null;
  };
  /**
   * The draft the user has saved words of their own in, if any. One still exactly as Afterview
   * wrote it is left out, so Compose drafts it again (drafts/for-action refreshes it in place,
   * signed with a name set since), the same rule the CLI's `afterview draft` follows.
   */
  draft: Message | null;
  /** The note that fulfilled the action, when one did. */
  sent: Message | null;
}

export async function noteForAction(ctx: ServiceContext, key: string): Promise<NoteForAction> {
  const action = await getAction(ctx, key);
  if (!action)
    throw invalid('This note is no longer asked for: the interview or the person may have changed.', 'key');
  const [draft, sent] = await Promise.all([
    findEditedDraft(ctx, key),
    action.fulfilledBy ? getMessage(ctx, action.fulfilledBy) : null,
  ]);
  return {
    action: {
      key: action.key,
      rule: action.rule,
      state: action.state,
      title: action.title,
      due: action.due,
      opportunityId: action.opportunityId,
      interviewId: action.interviewId,
      contactId: action.contactId,
    },
    draft,
    sent,
  };
}
