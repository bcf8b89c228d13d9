/**
 * The note checker reads only what this note needs (check.service.ts). Proof that nothing the
 * rules see was lost: on a realistic demo account (both dialects), every check gives the same
 * findings as the first loader, which read every opportunity, contact, message, interview and
 * debrief of the account (kept here as the reference).
 */
import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import { checkNote } from '../../core/checker/check';
import type { CheckInput } from '../../core/checker/types';
import { formatInstant, parseUserInstant } from '../../core/time';
import type { Contact, MessageKind } from '../../core/types';
import { getAccount } from '../accounts/account.service';
import { getContact, listContacts } from '../contacts/contact.service';
import { editContact } from '../contacts/contact-edit.service';
import type { ServiceContext } from '../context';
import { listDebriefs } from '../debriefs/debrief.service';
import { seedDemo } from '../demo/demo.service';
import { listInterviews } from '../interviews/interview.service';
import { inferMessageContext, listMessages } from '../messages/message.service';
import { listOpportunities } from '../opportunities/opportunity.service';
import { getActionsAbout, getToday } from '../plan/plan.service';
import { createSpeller } from '../spelling/speller';
import { buildCheckInput, type CheckRequest } from './check.service';

const NOW = '2026-11-26T09:00:00Z';

const sameCompany = (a: string | null | undefined, b: string | null | undefined): boolean =>
  Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());
const nameOf = (c: Contact | undefined): string => c?.displayName ?? 'someone';
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(textsOf);
  return [];
}

/** The first loader, verbatim in what it computed: the whole account, every time. */
async function fullCheckInput(ctx: ServiceContext, req: CheckRequest): Promise<CheckInput> {
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
    .map((m) => ({
      recipientName: nameOf(byId.get(m.contactIds[0] ?? '')),
      body: m.body,
      ...(m.subject && { subject: m.subject }),
    }));
  const oppInterviews = new Set(
    interviews.filter((i) => i.opportunityId === opportunity?.id).map((i) => i.id),
  );
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

/** Rare words of a text (what the speller is likely not to know), a few of them. */
const rareWords = (text: string): string[] =>
  [...new Set(text.split(/[^\p{L}'’-]+/u).filter((w) => w.length >= 7))].slice(0, 4);

describeEachDialect('note checker reads only what the note needs', (t) => {
  it('gives the same findings as reading the whole account, for many notes on a demo account', async () => {
    const ctx = await createTestContext(t.store, { now: NOW, timeZone: 'America/New_York' });
    await seedDemo(ctx, { scale: 12, seed: 11 });
    const [today, contacts, opportunities, messages, debriefs] = await Promise.all([
      getToday(ctx),
      listContacts(ctx),
      listOpportunities(ctx),
      listMessages(ctx),
      listDebriefs(ctx),
    ]);
    const debriefWords = rareWords(
      debriefs
        .flatMap((d) => [d.wentWell, d.improve, ...d.notes.map((n) => `${n.memorable} ${n.topics}`)])
        .join(' '),
    );
    const noteWords = rareWords(contacts.map((c) => c.notes).join(' '));
    const sent = messages.filter((m) => m.direction === 'out' && m.body.trim() !== '');
    const drafts = messages.filter((m) => m.status === 'draft');
    const otherCompany = opportunities.at(-1)?.company ?? 'Initech';
    const otherPerson = contacts.at(-1)?.displayName ?? 'Someone';

    const requests: CheckRequest[] = [];
    const body = (name: string, company: string, extra: string) =>
      `Hi ${name},\n\nThank you for the conversation about ${company} and the recieve pipeline. ` +
      `I enjoyed hearing about ${[...debriefWords, ...noteWords].join(', ')}; ${extra}\n\nBest regards,\nAlex Morgan`;
    for (const a of today.actions.filter((x) => x.contactId).slice(0, 10)) {
      const who = contacts.find((c) => c.id === a.contactId);
      const opp = opportunities.find((o) => o.id === a.opportunityId);
      if (!who || !opp) continue;
      const kind: MessageKind = a.rule === 'thank-you' || a.rule === 'check-in' ? a.rule : 'other';
      requests.push({
        body: body(who.displayName, opp.company, `also ${otherCompany} and ${otherPerson} were mentioned.`),
        contactId: who.id,
        kind,
        actionKey: a.key,
        opportunityId: a.opportunityId,
      });
      // Without an opportunity or key: the checker infers them.
      requests.push({
        body: body(who.displayName.split(' ')[0] ?? '', opp.company, 'teh end.'),
        contactId: who.id,
        kind,
      });
    }
    // A copy of a note already sent to a colleague at the same company: duplicate-note.
    for (const m of sent.slice(0, 10)) {
      const to = messages.find((x) => x.id === m.id)?.contactIds[0];
      const colleague = contacts.find(
        (c) => c.id !== to && c.company && c.company === contacts.find((x) => x.id === to)?.company,
      );
      if (colleague)
        requests.push({
          body: m.body,
          contactId: colleague.id,
          kind: m.kind,
          opportunityId: m.opportunityId,
        });
      if (to)
        requests.push({
          body: m.body,
          contactId: to,
          kind: m.kind,
          messageId: m.id,
          sendAt: '2026-11-27T10:00',
        });
    }
    for (const d of drafts.slice(0, 5)) {
      const to = d.contactIds[0];
      if (to)
        requests.push({ body: d.body, contactId: to, kind: d.kind, messageId: d.id, actionKey: d.actionKey });
    }

    expect(requests.length).toBeGreaterThan(20);
    const seen = new Set<string>();
    for (const req of requests) {
      const [full, lean] = await Promise.all([fullCheckInput(ctx, req), buildCheckInput(ctx, req)]);
      const findings = checkNote(lean);
      expect(findings, JSON.stringify({ ...req, body: req.body.slice(0, 80) })).toEqual(checkNote(full));
      const { speller: _a, userWords: _b, knownPeople: fullPeople, ...fullRest } = full;
      const { speller: _c, userWords: _d, knownPeople: leanPeople, ...leanRest } = lean;
      expect(leanRest).toEqual(fullRest);
      // The same names, each once.
      expect(leanPeople.map((p) => p.displayName)).toEqual([
        ...new Set(fullPeople.map((p) => p.displayName)),
      ]);
      for (const f of findings) seen.add(f.rule);
    }
    // A word the user just wrote in their notes on someone is theirs at the next check (the
    // remembered vocabulary is read again after a change).
    const who = contacts[0];
    if (!who) throw new Error('no contact');
    const req: CheckRequest = {
      body: `Hi ${who.displayName},\n\nThanks for the chat about the zorblaxing service.\n\nBest,\nAlex`,
      contactId: who.id,
      kind: 'other',
    };
    const flagged = (r: CheckInput) => checkNote(r).some((f) => f.message.includes('zorblaxing'));
    expect(flagged(await buildCheckInput(ctx, req))).toBe(true);
    await editContact(ctx, who.id, { notes: `${who.notes} Works on zorblaxing.` });
    const after = await buildCheckInput(ctx, req);
    expect(flagged(after)).toBe(false);
    expect(checkNote(after)).toEqual(checkNote(await fullCheckInput(ctx, req)));

    // A renamed person is known by the new name at the next check.
    await editContact(ctx, who.id, { displayName: 'Zebulon Quartermaine' });
    const renamed = await buildCheckInput(ctx, req);
    expect(renamed.knownPeople.map((p) => p.displayName)).toContain('Zebulon Quartermaine');
    expect(checkNote(renamed)).toEqual(checkNote(await fullCheckInput(ctx, req)));

    // The notes exercised the rules that read the store.
    for (const rule of ['spelling', 'duplicate-note', 'wrong-company']) expect(seen).toContain(rule);
  }, 180_000);
});
