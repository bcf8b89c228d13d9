import { describe, expect, it } from 'vitest';
import { type StageChange, stageAt } from './stage-at';

const moves: StageChange[] = [
  { at: '2026-12-01T10:00:00Z', from: 'applied', to: 'interviewing' },
  { at: '2026-12-05T10:00:00Z', from: 'interviewing', to: 'waiting' },
];

describe('stageAt', () => {
  it('is the stage the first move left before any move happened', () => {
    expect(stageAt(moves, 'waiting', '2026-11-30T00:00:00Z')).toBe('applied');
  });
  it('is the target of the last move at or before the instant', () => {
    expect(stageAt(moves, 'waiting', '2026-12-01T10:00:00Z')).toBe('interviewing');
    expect(stageAt(moves, 'waiting', '2026-12-04T00:00:00Z')).toBe('interviewing');
    expect(stageAt(moves, 'offer', '2026-12-06T00:00:00Z')).toBe('waiting');
  });
  it('is the current stage when the opportunity never moved', () => {
    expect(stageAt([], 'offer', '2026-12-06T00:00:00Z')).toBe('offer');
  });
});
