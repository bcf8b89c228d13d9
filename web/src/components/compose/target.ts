/**
 * Who a note is for, as ONE value: the recipient, the kind, and the planner action it fulfils.
 * The URL holds it (so a reload or a link opens the same note), and the editor is keyed by it: a
 * new recipient is a new editor with that person's draft, never the old text under a new name.
 */
import { thankYouKey } from '../../../../src/core/plan/keys';
import type { MessageView } from '../../api/client';

export type Kind = MessageView['kind'];
export const KINDS: Kind[] = ['thank-you', 'check-in', 'thanks-for-consideration', 'reconnect', 'other'];

export interface ComposeTarget {
  /** An existing message opened by id (its recipient and kind are fixed). */
  messageId: string | null;
  contactId: string;
  kind: Kind;
  /** The planner action this note fulfils; null for a note written freely. */
  actionKey: string | null;
  interviewId: string | null;
  opportunityId: string | null;
  /** "Write another note anyway" after the action was fulfilled. */
  another: boolean;
}

const isKind = (k: string | null): k is Kind => KINDS.some((x) => x === k);

/** The action a note for this person and kind fulfils, when the page knows the interview. */
export function derivedActionKey(
  t: Pick<ComposeTarget, 'kind' | 'interviewId' | 'contactId'>,
): string | null {
  return t.kind === 'thank-you' && t.interviewId && t.contactId
    ? thankYouKey(t.interviewId, t.contactId)
    : null;
}

export function targetFromParams(params: URLSearchParams): ComposeTarget {
  const kindParam = params.get('kind');
  const kind: Kind = isKind(kindParam) ? kindParam : 'thank-you';
  const contactId = params.get('contact') ?? '';
  const interviewId = params.get('interview');
  const another = params.get('another') === '1';
  const base = {
    messageId: params.get('message'),
    contactId,
    kind,
    interviewId,
    opportunityId: params.get('opportunity'),
    another,
  };
  return { ...base, actionKey: another ? null : (params.get('action') ?? derivedActionKey(base)) };
}

export function paramsOfTarget(t: ComposeTarget): URLSearchParams {
  const p = new URLSearchParams();
  if (t.messageId) p.set('message', t.messageId);
  if (t.actionKey) p.set('action', t.actionKey);
  if (t.interviewId) p.set('interview', t.interviewId);
  if (t.opportunityId) p.set('opportunity', t.opportunityId);
  if (t.contactId) p.set('contact', t.contactId);
  p.set('kind', t.kind);
  if (t.another) p.set('another', '1');
  return p;
}

/** One string per distinct note: the editor's key, and where its unsaved words wait on this device. */
export const targetKey = (t: ComposeTarget): string =>
  t.messageId
    ? `message:${t.messageId}`
    : t.actionKey
      ? `action:${t.actionKey}`
      : `free:${t.kind}:${t.contactId}:${t.opportunityId ?? ''}:${t.another ? 'another' : ''}`;

/**
 * The target after the user picks another recipient or kind: the action follows the person (a
 * thank-you for that interviewer), and an action that named someone else is dropped.
 */
export function retarget(t: ComposeTarget, change: { contactId?: string; kind?: Kind }): ComposeTarget {
  const next = { ...t, ...change, messageId: null, another: false };
  const derived = derivedActionKey(next);
  const keepAction = change.contactId === undefined && change.kind === undefined;
  return { ...next, actionKey: keepAction ? t.actionKey : derived };
}
