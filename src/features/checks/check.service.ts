/**
 * The note checker against what the store knows: every company the user is talking to, the
 * recipient's exact name, the other notes to the same company, the debrief notes about the
 * recipient and the due time of the action the note fulfils.
 *
 * A check runs after each pause in typing, so it reads what the rules need for this note only:
 * the recipient's opportunities (planned as slices), names of every company and person, the notes
 * to people at the same company, this opportunity's debrief notes about the recipient, and of the
 * user's own words only those the note contains. Its cost follows the note, not the history
 * (check.service.test.ts proves the findings equal those from reading the whole account).
 */
import { checkNote } from '../../core/checker/check';
import { fold, tokenize } from '../../core/checker/text';
import type { CheckInput, CheckLocale, Finding, Speller } from '../../core/checker/types';
import { notFound } from '../../core/errors';
import { formatInstant, parseUserInstant } from '../../core/time';
import type { MessageKind } from '../../core/types';
import { getAccount } from '../accounts/account.service';
import { getContact } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { groupRows } from '../group-rows';
import { getMessage } from '../messages/message.service';
import { getActionsAbout } from '../plan/plan.service';
import { createSpeller } from '../spelling/speller';
import * as repo from './check.repository';

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
  const accountId = ctx.actor.accountId;
  const recipient = await getContact(ctx, req.contactId);
  const known = await knownOf(ctx);
  const people = known.people;
  const [account, opportunities, interviewsWithRecipient, actions] = await Promise.all([
    getAccount(ctx),
    repo.opportunityNames(ctx.db, accountId),
    repo.interviewsWith(ctx.db, accountId, recipient.id),
    getActionsAbout(ctx, {
      contactId: req.contactId,
      opportunityId: req.opportunityId,
      actionKey: req.actionKey,
    }),
  ]);
  const sendAt = req.sendAt
    ? formatInstant(parseUserInstant(req.sendAt, account.timeZone))
    : formatInstant(ctx.now);
  const inferred = inferContext(recipient.id, sendAt, interviewsWithRecipient, opportunities);
  const opportunityId = req.opportunityId ?? inferred.opportunityId;
  const opportunity = opportunities.find((o) => o.id === opportunityId) ?? null;
  // An opportunity named but not found here (another account's id) is a 404, not a silent guess.
  if (req.opportunityId && !opportunity) throw notFound('opportunity', req.opportunityId);
  const company = opportunity?.company ?? recipient.company ?? '';
  const otherCompanies = [...new Set(opportunities.map((o) => o.company))].filter(
    (c) => !sameCompany(c, company),
  );

  const byId = new Map(people.map((c) => [c.id, c]));
  const atCompany = people.filter((c) => sameCompany(c.company, company)).map((c) => c.id);
  const [candidates, details] = await Promise.all([
    repo.notesToCompany(ctx.db, accountId, opportunity?.id ?? null, atCompany),
    personalDetailsOf(ctx, opportunity?.id ?? null, recipient.id),
  ]);
  const to = groupRows(candidates.recipients, (r) => r.message_id);
  const atSameCompany = (m: { opportunityId: string | null; contactIds: string[] }): boolean =>
    (opportunity !== null && m.opportunityId === opportunity.id) ||
    m.contactIds.some((id) => sameCompany(byId.get(id)?.company, company));
  const otherNotes = candidates.messages
    .map((m) => ({
      id: m.id,
      opportunityId: m.opportunity_id,
      subject: m.subject,
      body: m.body,
      contactIds: (to.get(m.id) ?? []).map((r) => r.contact_id),
    }))
    .filter((m) => m.id !== req.messageId && m.body.trim() !== '')
    .filter((m) => !m.contactIds.includes(recipient.id) && atSameCompany(m))
    .map((m) => ({
      recipientName: byId.get(m.contactIds[0] ?? '')?.display_name ?? 'someone',
      body: m.body,
      // Compared only when both notes have one (rules/duplicate-note.ts).
      ...(m.subject && { subject: m.subject }),
    }));

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
    // Each name once: the rules ask whether a name is known (a set, `some`, the first `find`), and
    // a long job hunt meets many people with the same name.
    knownPeople: [...new Set(people.map((c) => c.display_name))].map((displayName) => ({ displayName })),
    otherNotes,
    personalDetails: details,
    due: window ? null : (action?.due ?? null),
    opensAt: window && action.state !== 'fulfilled' && action.state !== 'done' ? action.start : null,
    sendAt,
    timeZone: account.timeZone,
    locale: account.locale,
    userWords: userWordsIn(known.words, req.body),
    speller: await spellerFor(
      [
        ...people.map((c) => c.display_name),
        ...opportunities.map((o) => o.company),
        ...(account.displayName ? [account.displayName] : []),
      ],
      account.locale,
    ),
  };
}

/**
 * Which opportunity and interview a note to this person is about: the most recent interview they
 * were in before `at`, else the open opportunity they recruit for (the rule of
 * inferMessageContext, over the rows already read).
 */
function inferContext(
  contactId: string,
  at: string,
  interviews: ReadonlyArray<{ id: string; opportunity_id: string; start_at: string; status: string }>,
  opportunities: ReadonlyArray<{ id: string; recruiter_id: string | null; stage: string }>,
): { opportunityId: string | null; interviewId: string | null } {
  const latest = interviews
    .filter((i) => i.status !== 'cancelled' && i.start_at <= at)
    .sort((a, b) => b.start_at.localeCompare(a.start_at))[0];
  if (latest) return { opportunityId: latest.opportunity_id, interviewId: latest.id };
  const opps = opportunities.filter((o) => o.recruiter_id === contactId);
  const open = opps.filter((o) => !['accepted', 'rejected', 'withdrawn'].includes(o.stage));
  const pick = (open.length > 0 ? open : opps).at(-1);
  return { opportunityId: pick?.id ?? null, interviewId: null };
}

/** What the user noted about the recipient in the debriefs of this opportunity's interviews. */
async function personalDetailsOf(
  ctx: ServiceContext,
  opportunityId: string | null,
  contactId: string,
): Promise<string[]> {
  if (!opportunityId) return [];
  const interviews = await repo.interviewIdsOf(ctx.db, ctx.actor.accountId, opportunityId);
  const { debriefs, notes } = await repo.debriefNotesAbout(
    ctx.db,
    ctx.actor.accountId,
    interviews.map((i) => i.id),
    contactId,
  );
  const byInterview = groupRows(notes, (n) => n.interview_id);
  return debriefs
    .flatMap((d) => byInterview.get(d.interview_id) ?? [])
    .flatMap((n) => [n.memorable, n.topics, n.problem])
    .filter((t) => t.trim() !== '');
}

// How the spelling rule cuts known words into the words it skips (src/core/checker/rules/spelling.ts).
const SKIP_SPLIT = /[^\p{L}\p{M}\p{N}'’]+/u;

/**
 * The words the user wrote in their own debriefs and in their notes on people that this note
 * contains: spelling leaves those alone (their jargon, their colleagues' names). The rule only
 * asks whether a word of the note (folded, without 's, or each part of a hyphenated one) is among
 * them, so the words not in the note can be left out without changing a finding. Every text
 * column of a debrief counts, as when whole Debrief records were read.
 */
function userWordsIn(vocabulary: ReadonlySet<string>, body: string): string[] {
  const found = new Set<string>();
  for (const t of tokenize(body)) {
    const w = fold(t.text);
    for (const asked of [w, w.replace(/['’]s$/, ''), ...w.split(/[-‐]/)]) {
      if (vocabulary.has(asked)) found.add(asked);
    }
  }
  return [...found];
}

/** What a check knows of the account besides this note's opportunity. */
interface Known {
  /** Every person's id, name and company, as contacts are listed. */
  people: Awaited<ReturnType<typeof repo.contactNames>>;
  /** The folded words of the user's debriefs and notes on people. */
  words: ReadonlySet<string>;
}

// Per account, with the fingerprint they were read at: a check (one per pause in typing) reads
// people's names and the user's words again only after one of them changed.
const knownByAccount = new Map<string, { fingerprint: string; known: Known }>();
const MAX_ACCOUNTS = 32;

async function knownOf(ctx: ServiceContext): Promise<Known> {
  const id = ctx.actor.accountId;
  const fingerprint = await repo.userWordsFingerprint(ctx.db, id);
  const cached = knownByAccount.get(id);
  if (cached?.fingerprint === fingerprint) return cached.known;
  const [people, debriefs, notes, contacts] = await Promise.all([
    repo.contactNames(ctx.db, id),
    repo.debriefTexts(ctx.db, id),
    repo.debriefNoteTexts(ctx.db, id),
    repo.contactNotes(ctx.db, id),
  ]);
  const withDebrief = new Set(debriefs.map((d) => d.interview_id));
  const texts = [
    ...debriefs.flatMap((d) => Object.values(d)),
    ...notes.filter((n) => withDebrief.has(n.interview_id)).flatMap((n) => Object.values(n)),
    ...contacts.map((c) => c.notes),
  ];
  const words = new Set<string>();
  for (const text of texts) for (const w of fold(text).split(SKIP_SPLIT)) if (w) words.add(w);
  const known = { people, words };
  if (knownByAccount.size >= MAX_ACCOUNTS) knownByAccount.clear();
  knownByAccount.set(id, { fingerprint, known });
  return known;
}

// The speller for the same names is the same speller (building one costs milliseconds on a long
// job hunt's 1,000 names): remember the last few, by locale and names.
const spellers = new Map<string, Promise<Speller>>();
const MAX_SPELLERS = 16;

function spellerFor(names: string[], locale: CheckLocale): Promise<Speller> {
  const key = `${locale}\n${names.join('\n')}`;
  let speller = spellers.get(key);
  if (!speller) {
    if (spellers.size >= MAX_SPELLERS) spellers.clear();
    speller = createSpeller(names, { locale });
    speller.catch(() => spellers.delete(key));
    spellers.set(key, speller);
  }
  return speller;
}
