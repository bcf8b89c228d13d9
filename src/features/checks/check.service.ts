/**
 * The note checker against what the store knows: every company the user is talking to, the
 * recipient's exact name, the other notes to the same company, the debrief notes about the
 * recipient and the due time of the action the note fulfils.
 */
import { checkNote } from '../../core/checker/check';
import type { CheckInput, Finding } from '../../core/checker/types';
import { formatInstant, parseUserInstant } from '../../core/time';
import type { Contact, MessageKind } from '../../core/types';
import { getAccount } from '../accounts/account.service';
import { getContact, listContacts } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { listDebriefs } from '../debriefs/debrief.service';
import { listInterviews } from '../interviews/interview.service';
import { getMessage, inferMessageContext, listMessages } from '../messages/message.service';
import { listOpportunities } from '../opportunities/opportunity.service';
import { getActionsAbout } from '../plan/plan.service';
import { createSpeller } from '../spelling/speller';

export interface CheckRequest {
  body: string;
  subject?: string;
  /** The recipient. */
  contactId: string;
  kind: MessageKind;
  /** The draft being checked, so it is not compared with itself. */
  messageId?: string;
  /** When it would go out (default: now). */
  sendAt?: string;
  /** The planner action it fulfils, when known. */
  actionKey?: string | null;
  opportunityId?: string | null;
}

export interface CheckResult {
  findings: Finding[];
  /** True when an `error` finding blocks sending. */
  blocked: boolean;
}

const sameCompany = (a: string | null | undefined, b: string | null | undefined): boolean =>
  Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());

export async function checkText(ctx: ServiceContext, req: CheckRequest): Promise<CheckResult> {
  const input = await buildCheckInput(ctx, req);
  const findings = checkNote(input);
  return { findings, blocked: findings.some((f) => f.severity === 'error') };
}

/** Check a stored draft as it stands. */
export async function checkMessage(
  ctx: ServiceContext,
  messageId: string,
  sendAt?: string,
): Promise<CheckResult> {
  const m = await getMessage(ctx, messageId);
  const contactId = m.contactIds[0];
  if (!contactId) return { findings: [], blocked: false };
  return checkText(ctx, {
    body: m.body,
    subject: m.subject,
    contactId,
    kind: m.kind,
    messageId: m.id,
    sendAt: sendAt ?? m.sendAt ?? undefined,
    actionKey: m.actionKey,
    opportunityId: m.opportunityId,
  });
}

export async function buildCheckInput(ctx: ServiceContext, req: CheckRequest): Promise<CheckInput> {
  const recipient = await getContact(ctx, req.contactId);
  const [account, opportunities, contacts, messages, interviews, debriefs, actions] = await Promise.all([
    getAccount(ctx),
    listOpportunities(ctx),
    listContacts(ctx),
    listMessages(ctx),
    listInterviews(ctx),
    listDebriefs(ctx),
    getActionsAbout(ctx, {
      contactId: req.contactId,
      opportunityId: req.opportunityId,
      actionKey: req.actionKey,
    }),
  ]);
  const sendAt = req.sendAt
    ? formatInstant(parseUserInstant(req.sendAt, account.timeZone))
    : formatInstant(ctx.now);
  const inferred = await inferMessageContext(ctx, recipient.id, sendAt);
  const opportunityId = req.opportunityId ?? inferred.opportunityId;
  const opportunity = opportunities.find((o) => o.id === opportunityId) ?? null;
  const company = opportunity?.company ?? recipient.company ?? '';
  const otherCompanies = [...new Set(opportunities.map((o) => o.company))].filter(
    (c) => !sameCompany(c, company),
  );

  const byId = new Map(contacts.map((c) => [c.id, c]));
  const atSameCompany = (m: { opportunityId: string | null; contactIds: string[] }): boolean =>
    (opportunity !== null && m.opportunityId === opportunity.id) ||
    m.contactIds.some((id) => sameCompany(byId.get(id)?.company, company));
  const otherNotes = messages
    .filter((m) => m.direction === 'out' && m.id !== req.messageId && m.body.trim() !== '')
    .filter((m) => !m.contactIds.includes(recipient.id) && atSameCompany(m))
    .map((m) => ({ recipientName: nameOf(byId.get(m.contactIds[0] ?? '')), body: m.body }));

  const oppInterviews = new Set(
    interviews.filter((i) => i.opportunityId === opportunity?.id).map((i) => i.id),
  );
  // Every word the user wrote in their own debriefs and in their notes on people: spelling leaves
  // them alone (their jargon, their colleagues' names). Read from every text field, so a new
  // debrief field needs no change here.
  const userWords = [...debriefs.flatMap((d) => textsOf(d)), ...contacts.map((c) => c.notes)].filter(
    (t) => t.trim() !== '',
  );
  const personalDetails = debriefs
    .filter((d) => oppInterviews.has(d.interviewId))
    .flatMap((d) => d.notes.filter((n) => n.contactId === recipient.id))
    .flatMap((n) => [n.memorable, n.topics, n.problem])
    .filter((t) => t.trim() !== '');

  const actionKey =
    req.actionKey ??
    (req.kind === 'thank-you' && inferred.interviewId
      ? `thank-you:${inferred.interviewId}:${recipient.id}`
      : null);
  const action = actionKey
    ? actions.find((a) => a.key === actionKey)
    : actions.find((a) => a.rule === req.kind && a.opportunityId === opportunity?.id && a.state === 'open');

  // A check-in's planned time is when its window opens, not a deadline: sooner is too early,
  // later is fine. Every other action's due time is a deadline.
  const window = action?.rule === 'check-in';
  return {
    body: req.body,
    subject: req.subject,
    kind: req.kind,
    recipient: { displayName: recipient.displayName, company: recipient.company, emails: recipient.emails },
    company,
    otherCompanies,
    knownPeople: contacts.map((c) => ({ displayName: c.displayName })),
    otherNotes,
    personalDetails,
    due: window ? null : (action?.due ?? null),
    opensAt: window && action.state !== 'fulfilled' && action.state !== 'done' ? action.start : null,
    sendAt,
    timeZone: account.timeZone,
    locale: account.locale,
    userWords,
    speller: await createSpeller(
      [
        ...contacts.map((c) => c.displayName),
        ...opportunities.map((o) => o.company),
        ...(account.displayName ? [account.displayName] : []),
      ],
      { locale: account.locale },
    ),
  };
}

/** Every string in a value, however deep (a debrief's fields and its per-person notes). */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(textsOf);
  return [];
}

const nameOf = (c: Contact | undefined): string => c?.displayName ?? 'someone';
