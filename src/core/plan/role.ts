/**
 * The role in an action's title, worded in one place. An opportunity always has a role (the
 * column is required), but an import that found none stores a placeholder; a title then leaves
 * the role out rather than reading "…next steps for Role not given".
 */
import type { Opportunity } from '../types';

/** What an import stores when a row names no role (features/imports). */
export const ROLE_NOT_GIVEN = 'Role not given';

/** The role as the user would say it, or null when none was given. */
export function givenRole(o: Pick<Opportunity, 'role'>): string | null {
  const role = o.role.trim();
  return role === '' || role.toLowerCase() === ROLE_NOT_GIVEN.toLowerCase() ? null : role;
}

/** " for Staff Engineer", or nothing when no role was given. */
export const forRole = (o: Pick<Opportunity, 'role'>): string => {
  const role = givenRole(o);
  return role ? ` for ${role}` : '';
};
