import { describe, expect, it } from 'vitest';
import { forRole, givenRole, ROLE_NOT_GIVEN } from './role';

describe('the role in a title', () => {
  it('is the role as typed, or nothing when an import found none', () => {
    expect(givenRole({ role: ' Staff Engineer ' })).toBe('Staff Engineer');
    expect(forRole({ role: 'Staff Engineer' })).toBe(' for Staff Engineer');
    for (const role of [ROLE_NOT_GIVEN, 'role not given', '']) {
      expect(givenRole({ role })).toBeNull();
      expect(forRole({ role })).toBe('');
    }
  });
});
