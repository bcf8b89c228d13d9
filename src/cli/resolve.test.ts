import { describe, expect, it } from 'vitest';
import { pickByPrefix } from './resolve';

const people = [
  { id: '01a2169c-78df-7000-8000-000000000001', label: 'Priya Raman' },
  { id: '01a2169c-78e0-7000-8000-000000000002', label: "Siobhán O'Connell" },
];

describe('an id or key given by its start', () => {
  it('takes an exact id, an unambiguous prefix, and the README’s shortened form with "…"', () => {
    expect(pickByPrefix('person', people[0]?.id ?? '', people, 'to')).toBe(people[0]?.id);
    expect(pickByPrefix('person', '01a2169c-78e0', people, 'to')).toBe(people[1]?.id);
    expect(pickByPrefix('person', '01a2169c-78df…', people, 'to')).toBe(people[0]?.id);
  });

  it('lists every match when the prefix fits several, naming the option', () => {
    expect(() => pickByPrefix('person', '01a2169c', people, 'to')).toThrow(
      /^to: "01a2169c" could be any of 2 people; type more of the id:\n {2}01a2169c-78df\S+ {2}Priya Raman\n {2}01a2169c-78e0\S+ {2}Siobhán O'Connell$/,
    );
    const keys = [
      { id: 'thank-you:a:b', label: 'Thank Priya' },
      { id: 'thank-you:a:c', label: 'Thank Sam' },
    ];
    expect(() => pickByPrefix('action', 'thank-you:a', keys, 'key')).toThrow(
      /could be any of 2 actions; type more of the key/,
    );
  });

  it('says where the list is when nothing matches, as not-found', () => {
    expect(() => pickByPrefix('interview', 'zz', [], 'interview')).toThrow(
      expect.objectContaining({
        code: 'not-found',
        field: 'interview',
        message: expect.stringMatching(/afterview interviews/),
      }),
    );
    expect(() => pickByPrefix('interview', '  ', [], 'interview')).toThrow(/give the interview's id/);
  });
});
