/**
 * Slices from the store: the planner's inputs for some opportunities only (see
 * src/core/plan/slice.ts), read with the queries of slice.repository.ts and mapped to the
 * planner's records as snapshot.service.ts maps the whole account.
 */
import type { Contact, Message } from '../../core/plan/context';
import { fulfilledByKey, keyTarget } from '../../core/plan/keys';
import type { OpportunitySlice } from '../../core/plan/slice';
import type { Account, Id } from '../../core/types';
import { getAccount } from '../accounts/account.service';
import type { ServiceContext } from '../context';
import { groupRows } from '../group-rows';
import { holidaysFor } from './holiday-years';
import {
  toPlanContact,
  toPlanDecision,
  toPlanInterviews,
  toPlanMessages,
  toPlanOpportunity,
} from './planner-rows';
import * as repo from './slice.repository';

/** The slices of the given opportunities (those that exist), in the order they were created. */
export async function loadSlices(
  ctx: ServiceContext,
  opportunityIds: readonly Id[],
  /** The account, when the caller has read it already. */
  known?: Account,
): Promise<OpportunitySlice[]> {
  if (opportunityIds.length === 0) return [];
  const id = ctx.actor.accountId;
  const [account, oppRows, ivRows] = await Promise.all([
    known ?? getAccount(ctx),
    repo.sliceOpportunities(ctx.db, id, opportunityIds),
    repo.sliceInterviews(ctx.db, id, opportunityIds),
  ]);
  if (oppRows.length === 0) return [];
  const oppIds = oppRows.map((o) => o.id);
  const ivIds = ivRows.map((r) => r.id);
  const participantRows = await repo.sliceParticipants(ctx.db, id, ivIds);

  const peopleOf = new Map<Id, Set<Id>>(oppIds.map((o) => [o, new Set<Id>()]));
  const oppOfInterview = new Map(ivRows.map((r) => [r.id, r.opportunity_id]));
  for (const o of oppRows) if (o.recruiter_id) peopleOf.get(o.id)?.add(o.recruiter_id);
  for (const p of participantRows) {
    const opp = oppOfInterview.get(p.interview_id);
    if (opp) peopleOf.get(opp)?.add(p.contact_id);
  }
  const people = [...new Set([...peopleOf.values()].flatMap((s) => [...s]))];
  // What the actions of these slices are about (keys.ts `keyTarget`): decisions and keyed
  // messages are found by that id in their key.
  const targets = [...oppIds, ...ivIds];

  const ivSet = new Set(ivIds);
  const [contactRows, debriefRows, ofOpps, loose, aboutOurs, decisionRows] = await Promise.all([
    repo.sliceContacts(ctx.db, id, people),
    repo.sliceDebriefs(ctx.db, id, ivIds),
    repo.messagesOfOpportunities(ctx.db, id, oppIds),
    repo.messagesWithoutOpportunity(ctx.db, id),
    repo.messagesForTargets(ctx.db, id, targets, oppIds),
    repo.sliceDecisions(ctx.db, id, targets),
  ]);
  // Messages count through their key only for the rules that read `sentFor` (keys.ts).
  const keyedRows = aboutOurs.filter((m) => m.action_key !== null && fulfilledByKey(m.action_key));
  const byId = new Map<Id, (typeof ofOpps)[number]>();
  for (const m of [...ofOpps, ...keyedRows]) byId.set(m.id, m);
  // Without an opportunity: ours by interview, or by people when its interview is missing (below).
  const looseIds = loose
    .filter((m) => !m.interview_found || ivSet.has(m.interview_id ?? ''))
    .map((m) => m.id);
  const looseRecipients = await repo.sliceMessageContacts(ctx.db, id, looseIds);
  const peopleAll = new Set(people);
  const toOurPeople = new Set(
    looseRecipients.filter((r) => peopleAll.has(r.contact_id)).map((r) => r.message_id),
  );
  for (const m of loose) {
    if (m.interview_found ? ivSet.has(m.interview_id ?? '') : toOurPeople.has(m.id)) byId.set(m.id, m);
  }
  const msgRows = [...byId.values()].sort((a, b) =>
    a.created_at < b.created_at
      ? -1
      : a.created_at > b.created_at
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
  );
  const recipientRows = await repo.sliceMessageContacts(
    ctx.db,
    id,
    msgRows.map((m) => m.id),
  );

  const opportunities = oppRows.map(toPlanOpportunity);
  const interviews = toPlanInterviews(ivRows, participantRows);
  const contacts = new Map(contactRows.map((r): [Id, Contact] => [r.id, toPlanContact(r)]));
  const messages = toPlanMessages(msgRows, recipientRows);
  // Each decision goes to the slice of its key's opportunity below; others' are left out there.
  const decisions = decisionRows.map(toPlanDecision);

  // Attribute each message as the planner does over the whole account (context.ts).
  const attributed = new Map<Id, Message[]>(oppIds.map((o) => [o, []]));
  const found = new Set(msgRows.filter((r) => r.interview_found !== null).map((r) => r.id));
  const oppOfKey = (key: string): Id | undefined => {
    const t = keyTarget(key);
    return t ? ('opportunityId' in t ? t.opportunityId : oppOfInterview.get(t.interviewId)) : undefined;
  };
  const keyed = new Map<Id, Message[]>(oppIds.map((o) => [o, []]));
  for (const m of messages) {
    const mine = new Set<Id>();
    if (m.opportunityId) mine.add(m.opportunityId);
    else if (m.interviewId && found.has(m.id)) {
      // Its interview's opportunity, when that is one of ours.
      const o = oppOfInterview.get(m.interviewId);
      if (o) mine.add(o);
    } else if (!found.has(m.id)) {
      for (const [o, who] of peopleOf) if (m.contactIds.some((c) => who.has(c))) mine.add(o);
    }
    for (const o of mine) attributed.get(o)?.push(m);
    const target = m.actionKey && fulfilledByKey(m.actionKey) ? oppOfKey(m.actionKey) : undefined;
    if (target && !mine.has(target)) keyed.get(target)?.push(m);
  }

  const holidays = await holidaysFor(ctx, account.holidayRegion, { interviews, opportunities, messages });
  const decisionsOf = groupRows(decisions, (d) => oppOfKey(d.key) ?? '');
  // Grouped once: filtering every row per opportunity is quadratic in the awake slices.
  const interviewsOf = groupRows(interviews, (iv) => iv.opportunityId);
  const debriefsOf = groupRows(debriefRows, (d) => oppOfInterview.get(d.interview_id) ?? '');
  return opportunities.map((o) => ({
    account: { timeZone: account.timeZone, holidayRegion: account.holidayRegion },
    holidays,
    opportunity: o,
    interviews: interviewsOf.get(o.id) ?? [],
    contacts: [...(peopleOf.get(o.id) ?? [])].flatMap((c) => contacts.get(c) ?? []),
    debriefs: (debriefsOf.get(o.id) ?? []).map((d) => ({ interviewId: d.interview_id })),
    messages: attributed.get(o.id) ?? [],
    keyed: keyed.get(o.id) ?? [],
    decisions: decisionsOf.get(o.id) ?? [],
  }));
}
