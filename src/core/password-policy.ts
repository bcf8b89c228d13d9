/**
 * What makes a new password acceptable in hosted mode (pure): long enough, not absurdly long, and
 * not one of the passwords people pick most often (the list ships in the repository, nothing is
 * looked up online). Length limits mirror features/auth/auth.ts.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** Why `password` is refused, or null when it is fine. `common` holds lower-cased entries. */
export function passwordProblem(
  password: string,
  common: ReadonlySet<string>,
  email?: string,
): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters for your password.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters for your password.`;
  const lower = password.toLowerCase();
  if (common.has(lower)) {
    return 'That password is one of the most commonly used ones, so it is the first an attacker tries; pick another.';
  }
  if (email && lower === email.toLowerCase()) return 'Your password cannot be your e-mail address.';
  if (/^(.)\1*$/.test(password))
    return 'A password of one repeated character is guessed at once; pick another.';
  return null;
}
