/**
 * The decisions and keyed messages a slice reads: those whose key is about one of its
 * opportunities or interviews (the id after the rule), found through the indexes of migration
 * 2026-11-28T0500, and no other, so Today reads neither every check-in decision nor every keyed
 * message the account ever made.
 */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { describeEachDialect } from '../../../test/store';
import { checkInKey, debriefKey, goneQuietKey, reconnectKey, thankYouKey } from '../../core/plan/keys';
import { openStore } from '../../db/connect';
import { renderSql } from '../../db/sql-text';
import { upsertDecision } from '../decisions/decision.repository';
import { insertMessage } from '../messages/message.repository';
import { insertOpportunity } from '../opportunities/opportunity.repository';
import {
  messagesForTargets,
  messagesForTargetsQuery,
  sliceDecisions,
  sliceDecisionsQuery,
} from './slice.repository';

const OURS = '01a1b5dd-0000-7000-8000-000000000001';
// An id that shares all but its last character with ours.
const NEAR = '01a1b5dd-0000-7000-8000-000000000002';
const OUR_INTERVIEW = '01a1b5dd-0000-7000-8000-0000000000a1';
const CONTACT = '01a1b5dd-0000-7000-8000-0000000000c1';

describeEachDialect('a slice’s decisions and keyed messages', (t) => {
  it('reads the decisions about its opportunities and interviews, check-ins included, and no other', async () => {
    const ctx = await createTestContext(t.store, { now: '2026-11-26T09:00:00Z' });
    const accountId = ctx.actor.accountId;
    const ours = [
      checkInKey(OURS, `after-${OUR_INTERVIEW}`),
      checkInKey(OURS, 'msg-ü-7'),
      goneQuietKey(OURS),
      reconnectKey(OURS),
      debriefKey(OUR_INTERVIEW),
      thankYouKey(OUR_INTERVIEW, CONTACT),
    ];
    const others = [
      checkInKey(NEAR, 'after-iv9'),
      reconnectKey(NEAR),
      // The id as a later part of a key, or glued to more text, is not what the key is about.
      checkInKey(NEAR, OURS),
      `debrief:${OUR_INTERVIEW}x`,
      'not-a-key',
    ];
    for (const key of [...ours, ...others]) {
      await upsertDecision(t.store.db, {
        account_id: accountId,
        action_key: key,
        decision: 'done',
        until: null,
        decided_at: '2026-11-20T10:00:00Z',
      });
    }
    const read = await sliceDecisions(t.store.db, accountId, [OURS, OUR_INTERVIEW]);
    expect(read.map((d) => d.action_key).sort()).toEqual([...ours].sort());
    expect(await sliceDecisions(t.store.db, accountId, [])).toEqual([]);
  });

  it('reads the messages recorded for actions about its ids that are not of its opportunities', async () => {
    const ctx = await createTestContext(t.store, { now: '2026-11-26T09:00:00Z' });
    const accountId = ctx.actor.accountId;
    const message = (id: string, actionKey: string | null, opportunityId: string | null = null) =>
      insertMessage(t.store.db, {
        id,
        account_id: accountId,
        kind: 'thank-you',
        direction: 'out',
        subject: 'Thank you',
        body: '',
        attempts: 0,
        opportunity_id: opportunityId,
        interview_id: null,
        status: 'sent',
        send_at: null,
        sent_at: '2026-11-25T10:00:00Z',
        rfc_message_id: null,
        in_reply_to: null,
        action_key: actionKey,
        created_at: '2026-11-25T10:00:00Z',
        updated_at: '2026-11-25T10:00:00Z',
      });
    // Messages of these opportunities come with their opportunity's read, not this one.
    await insertOpportunity(t.store.db, {
      id: OURS,
      account_id: accountId,
      company: 'Kora',
      role: 'Staff Engineer',
      stage: 'interviewing',
      recruiter_id: null,
      decision_by: null,
      domains: '[]',
      links: '[]',
      notes: '',
      created_at: '2026-11-01T10:00:00Z',
      updated_at: '2026-11-01T10:00:00Z',
      stage_changed_at: '2026-11-01T10:00:00Z',
    });
    await message('m-loose', thankYouKey(OUR_INTERVIEW, CONTACT));
    await message('m-loose-reconnect', reconnectKey(OURS));
    await message('m-of-ours', reconnectKey(OURS), OURS);
    await message('m-other', reconnectKey(NEAR));
    await message('m-unkeyed', null);
    const read = await messagesForTargets(t.store.db, accountId, [OURS, OUR_INTERVIEW], [OURS]);
    expect(read.map((m) => m.id).sort()).toEqual(['m-loose', 'm-loose-reconnect']);
  });
});

describe('the slice’s key reads on SQLite', () => {
  it('find decisions and keyed messages by index, not by scanning the account', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      const ctx = await createTestContext(store, { now: '2026-11-26T09:00:00Z' });
      const plan = (query: Parameters<typeof renderSql>[0]) => {
        const { sql, parameters } = renderSql(query, 'sqlite');
        return (store.sqlite as NonNullable<typeof store.sqlite>)
          .prepare(`explain query plan ${sql}`)
          .all(...parameters)
          .map((r) => (r as { detail: string }).detail)
          .join('\n');
      };
      const accountId = ctx.actor.accountId;
      expect(plan(sliceDecisionsQuery(accountId, [OURS]))).toMatch(/USING INDEX action_decision_target_idx/);
      expect(plan(messagesForTargetsQuery(accountId, [OURS], [OURS]))).toMatch(
        /USING INDEX message_action_target_idx/,
      );
    } finally {
      await store.close();
    }
  });
});
