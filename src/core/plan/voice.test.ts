import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../playbook';
import { Temporal } from '../time';
import type { Snapshot } from '../types';
import { ACME, acmeSnapshot, buildMessage, buildOpportunity } from './fixtures';
import { plan } from './plan';
import { clientVoice, USER_VOICE } from './voice';

const at = (iso: string) => Temporal.Instant.from(iso);

/** Job hunts and moments that, together, make every rule propose an action. */
const SCENES: Array<{ name: string; snapshot: Snapshot; now: Temporal.Instant }> = [
  { name: 'before the interview', snapshot: acmeSnapshot(), now: at('2026-11-30T18:00:00Z') },
  { name: 'just after the interview', snapshot: acmeSnapshot(), now: at('2026-12-01T20:00:00Z') },
  {
    name: 'waiting, after a message of the user',
    snapshot: acmeSnapshot({
      messages: [
        buildMessage({
          id: 'm-late',
          kind: 'other',
          opportunityId: ACME.opp,
          contactIds: [ACME.recruiter],
          sentAt: '2026-12-08T18:00:00Z',
        }),
      ],
    }),
    now: at('2026-12-09T18:00:00Z'),
  },
  ...(['rejected', 'withdrawn'] as const).map((stage) => ({
    name: stage,
    snapshot: acmeSnapshot({
      opportunities: [
        buildOpportunity({
          id: ACME.opp,
          recruiterId: ACME.recruiter,
          stage,
          stageChangedAt: '2026-12-03T18:00:00Z',
        }),
      ],
    }),
    now: at('2026-12-04T18:00:00Z'),
  })),
];

const plans = (voice = USER_VOICE) => SCENES.flatMap((s) => plan(s.snapshot, DEFAULT_PLAYBOOK, s.now, voice));
/** "you" or "your" as words ("thank-you" is a kind of note, not the reader). */
const SECOND_PERSON = /(?<![-\w])(you|your|yours)(?![-\w])/i;

describe('the voice of action titles and reasons', () => {
  it('covers every rule in these scenes, and the user reads them in the second person', () => {
    const mine = plans();
    expect(new Set(mine.map((a) => a.rule))).toEqual(
      new Set([
        'collect-contact',
        'thank-you',
        'debrief',
        'check-in',
        'thanks-for-consideration',
        'reconnect',
      ]),
    );
    expect(mine.filter((a) => SECOND_PERSON.test(`${a.title} ${a.reason}`)).length).toBeGreaterThan(5);
    // The user's voice is the default: nothing changes for the user's own views.
    expect(SCENES.flatMap((s) => plan(s.snapshot, DEFAULT_PLAYBOOK, s.now))).toEqual(mine);
  });

  it("a coach reads the same actions about the client: the client's name or they, never you or your", () => {
    const mine = plans();
    const theirs = plans(clientVoice('Ana Lima'));
    expect(theirs.map((a) => [a.key, a.due, a.urgency])).toEqual(mine.map((a) => [a.key, a.due, a.urgency]));
    for (const a of theirs) {
      expect(`${a.title} | ${a.reason}`).not.toMatch(SECOND_PERSON);
    }
    const titles = theirs.map((a) => a.title);
    expect(titles).toContain(
      "Send Priya Raman a thank-you note for Ana Lima's Acme interview (System design)",
    );
    expect(titles).toContain(
      "Debrief Ana Lima's Acme interview (System design): how it went, what they would answer better, what they promised",
    );
    expect(titles).toContain('Thank Sam Lee at Acme for considering Ana Lima for Staff Engineer');
    const reasons = theirs.map((a) => a.reason).join('\n');
    expect(reasons).toMatch(/before they walk in/);
    expect(reasons).toMatch(/after they withdrew, with the notes they kept/);
    expect(reasons).toMatch(/after Ana Lima's last message to Acme/);
  });

  it('names a client with no name on record "the client"', () => {
    const titles = plans(clientVoice('  ')).map((a) => a.title);
    expect(titles).toContain(
      "Send Priya Raman a thank-you note for the client's Acme interview (System design)",
    );
  });
});
