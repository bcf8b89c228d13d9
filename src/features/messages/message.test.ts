import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import { listEvents } from '../events/event.repository';
import { addInterview } from '../interviews/interview.service';
import { addOpportunity } from '../opportunities/opportunity.service';
import { getMessage, listMessages, markSent, recordMessage, saveDraft, updateDraft } from './message.service';

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
    interviewers: ['Priya Raman <priya@nw.example>'],
  });
  return { opp, interview, priya: interview.participants[0]?.contactId as string };
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
});
