import { describe, expect, it } from 'vitest';
import { reasonText } from './reason';

describe('reasonText', () => {
  const fmt = (d: string) => `<${d.slice(8)}/${d.slice(5, 7)}>`;

  it("writes the reason's own date with the front end's formatter", () => {
    expect(
      reasonText(
        { reason: 'They said they would decide by 2026-12-18: check in after', reasonDate: '2026-12-18' },
        fmt,
      ),
    ).toBe('They said they would decide by <18/12>: check in after');
  });

  it('leaves a reason without a date, and any other ISO-looking text, as it is', () => {
    expect(reasonText({ reason: 'Debrief within 24 hours', reasonDate: null }, fmt)).toBe(
      'Debrief within 24 hours',
    );
    expect(reasonText({ reason: 'Ref 2026-12-19 stays', reasonDate: '2026-12-18' }, fmt)).toBe(
      'Ref 2026-12-19 stays',
    );
  });
});
