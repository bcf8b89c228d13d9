/** The defaults written out in playbook.ts are exactly what the schema fills in for an empty file. */
import { expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK, defaultPlaybook, overridesNothing } from './playbook';
import { parsePlaybook } from './playbook-schema';

it('DEFAULT_PLAYBOOK equals the schema’s defaults, and a copy of it can be changed alone', () => {
  expect(DEFAULT_PLAYBOOK).toEqual(parsePlaybook({}));
  const copy = defaultPlaybook();
  copy.checkIn.minGap = 9;
  expect(DEFAULT_PLAYBOOK.checkIn.minGap).toBe(5);
});

it('only an empty or missing override set skips validation', () => {
  expect(overridesNothing({})).toBe(true);
  expect(overridesNothing(null)).toBe(true);
  expect(overridesNothing(undefined)).toBe(true);
  expect(overridesNothing({ checkIn: {} })).toBe(false);
  expect(overridesNothing([])).toBe(false);
});
