import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { TEST_BOX } from '../../../test/mail/outbox-fixtures';
import { describeEachDialect } from '../../../test/store';
import { listEvents } from '../events/event.repository';
import { addInterview } from '../interviews/interview.service';
import { addOpportunity } from '../opportunities/opportunity.service';
import { scheduleSend } from '../outbox/outbox.service';
import { insertMessage, insertMessageContacts } from './message.repository';
import { getMessage, listMessages, markSent, recordMessage, saveDraft, updateDraft } from './message.service';
import { noteForAction } from './note-for-action.service';

async function setup(ctx: Awaited<ReturnType<typeof createTestContext>>) {
  const opp = await addOpportunity(ctx, {
    company: 'Northwind Labs',
    role: 'Engineer',
    recruiter: 'Dana <dana@nw.example>',
  });
  const interview = await addInterview(ctx, {
    opportunityId: opp.id,
    start: '2026-11-30T18:00:00Z',
    end: '2026-11-30T19:00:00Z',
    interviewers: ['Priya Raman <priya@nw.example>', 'Sam Ortiz <sam@nw.example>'],
  });
  return {
    opp,
    interview,
    priya: interview.participants[0]?.contactId as string,
    sam: interview.participants[1]?.contactId as string,
  };
}

describeEachDialect('message service', (t) => {
  it('records a thank-you sent outside Afterview against the interview it follows', async () => {
    const ctx = await createTestContext(t.store);
    const { opp, interview, priya } = await setup(ctx);
    const m = await recordMessage(ctx, {
      direction: 'out',
      contactId: priya,
      kind: 'thank-you',
      at: '2026-11-30T22:00:00Z',
    });
    expect(m).toMatchObject({
      status: 'sent',
      sentAt: '2026-11-30T22:00:00Z',
      opportunityId: opp.id,
      interviewId: interview.id,
      actionKey: `thank-you:${interview.id}:${priya}`,
      contactIds: [priya],
    });
    const kinds = (await listEvents(ctx.db, ctx.actor.accountId, opp.id)).map((e) => e.kind);
    expect(kinds).toContain('message-sent');
  });

  it('records a reply from the recruiter on the opportunity they recruit for', async () => {
    const ctx = await createTestContext(t.store);
    const { opp } = await setup(ctx);
    const reply = await recordMessage(ctx, {
      direction: 'in',
      contactId: opp.recruiterId as string,
      kind: 'reply',
    });
    expect(reply).toMatchObject({ direction: 'in', opportunityId: opp.id, kind: 'reply' });
    await expect(
      recordMessage(ctx, { direction: 'in', contactId: opp.recruiterId as string, kind: 'thank-you' }),
    ).rejects.toThrow(/^kind: a message received is a "reply"/);
  });

  it('updates the draft for the same action instead of creating a second one', async () => {
    const ctx = await createTestContext(t.store);
    const { interview, priya } = await setup(ctx);
    const key = `thank-you:${interview.id}:${priya}`;
    const first = await saveDraft(ctx, {
      kind: 'thank-you',
      contactIds: [priya],
      body: 'one',
      actionKey: key,
    });
    const second = await saveDraft(ctx, {
      kind: 'thank-you',
      contactIds: [priya],
      body: 'two',
      actionKey: key,
    });
    expect(second.id).toBe(first.id);
    expect((await listMessages(ctx)).map((m) => m.body)).toEqual(['two']);
  });

  it('marks a draft sent once, and refuses to edit it afterwards', async () => {
    const ctx = await createTestContext(t.store);
    const { priya } = await setup(ctx);
    const draft = await saveDraft(ctx, { kind: 'thank-you', contactIds: [priya], body: 'Thanks!' });
    const sent = await markSent(ctx, draft.id);
    expect(sent.status).toBe('sent');
    expect(sent.sentAt).toBe('2026-12-01T17:00:00Z');
    await expect(updateDraft(ctx, draft.id, { body: 'changed' })).rejects.toThrow(
      /only drafts can be edited/,
    );
    expect((await getMessage(ctx, draft.id)).body).toBe('Thanks!');
  });

  it("refuses to save or record a thank-you addressed to someone other than the action's interviewer", async () => {
    const ctx = await createTestContext(t.store);
    const { interview, priya, sam } = await setup(ctx);
    const priyaKey = `thank-you:${interview.id}:${priya}`;
    await expect(
      saveDraft(ctx, { kind: 'thank-you', contactIds: [sam], body: 'Hi Sam', actionKey: priyaKey }),
    ).rejects.toThrow(
      'This note is addressed to Sam Ortiz, but it is the one meant for Priya Raman; write to Sam Ortiz from their own note instead.',
    );
    expect(await listMessages(ctx)).toEqual([]);

    // A draft written before the guard existed, addressed to Sam under Priya's key: marking it
    // sent is refused and changes nothing, so Priya's thank-you is not closed by Sam's note.
    const at = '2026-12-01T17:00:00Z';
    await insertMessage(ctx.db, {
      id: 'legacy-draft',
      account_id: ctx.actor.accountId,
      kind: 'thank-you',
      direction: 'out',
      opportunity_id: interview.opportunityId,
      interview_id: interview.id,
      subject: '',
      body: 'Hi Sam',
      status: 'draft',
      send_at: null,
      sent_at: null,
      rfc_message_id: null,
      in_reply_to: null,
      action_key: priyaKey,
      attempts: 0,
      lease_until: null,
      last_error: null,
      created_at: at,
      updated_at: at,
    });
    await insertMessageContacts(ctx.db, [
      {
        account_id: ctx.actor.accountId,
        message_id: 'legacy-draft',
        contact_id: sam,
        address: null,
        role: 'to',
      },
    ]);
    await expect(markSent(ctx, 'legacy-draft')).rejects.toThrow(
      /addressed to Sam Ortiz.*meant for Priya Raman/,
    );
    await expect(scheduleSend(ctx, { box: TEST_BOX }, 'legacy-draft')).rejects.toThrow(
      /addressed to Sam Ortiz.*meant for Priya Raman/,
    );
    expect((await getMessage(ctx, 'legacy-draft')).status).toBe('draft');
    expect((await noteForAction(ctx, priyaKey)).action.state).toBe('open');

    // The right person is accepted, and the action then opens on what was sent.
    const right = await saveDraft(ctx, {
      kind: 'thank-you',
      contactIds: [sam],
      body: 'Hi Sam',
      actionKey: `thank-you:${interview.id}:${sam}`,
    });
    await markSent(ctx, right.id);
    const opened = await noteForAction(ctx, `thank-you:${interview.id}:${sam}`);
    expect(opened.action.state).toBe('fulfilled');
    expect(opened.sent).toMatchObject({ id: right.id, contactIds: [sam], status: 'sent' });
  });

  it('opens an action on its saved draft, and says plainly when the action does not exist', async () => {
    const ctx = await createTestContext(t.store);
    const { interview, priya } = await setup(ctx);
    const key = `thank-you:${interview.id}:${priya}`;
    expect(await noteForAction(ctx, key)).toMatchObject({
      action: { state: 'open', contactId: priya },
      draft: null,
      sent: null,
    });
    const draft = await saveDraft(ctx, {
      kind: 'thank-you',
      contactIds: [priya],
      body: 'typed so far',
      actionKey: key,
    });
    expect((await noteForAction(ctx, key)).draft).toMatchObject({ id: draft.id, body: 'typed so far' });
    await expect(noteForAction(ctx, 'thank-you:nope:nope')).rejects.toThrow(/no longer asked for/);
  });
});
