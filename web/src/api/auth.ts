/**
 * Hosted mode's sign-in calls (better-auth's routes under /api/auth, bridged by the server). In
 * local mode these routes do not exist (404), which is how the app knows it has no accounts.
 */
import { ApiError, request } from './client';

export interface SessionInfo {
  user: { id: string; email: string; name: string };
  session: { id: string; expiresAt: string };
}

export interface SessionRow {
  id: string;
  createdAt: string;
  expiresAt: string;
  userAgent?: string | null;
  ipAddress?: string | null;
}

export const signIn = (email: string, password: string) =>
  request<unknown>('POST', '/api/auth/sign-in/email', { email, password });

/**
 * With a system mail server the answer is `{ status: 'check-your-mail', message }`: no session yet;
 * the mailed link signs in and goes on to `callbackURL`.
 */
export const signUp = (name: string, email: string, password: string, callbackURL: string) =>
  request<{ status?: string; message?: string }>('POST', '/api/auth/sign-up/email', {
    name,
    email,
    password,
    callbackURL,
  });

/** Mail the confirmation link again; the same answer whether or not the address has an account. */
export const resendConfirmation = (email: string, callbackURL: string) =>
  request<unknown>('POST', '/api/auth/send-verification-email', { email, callbackURL });

export const signOut = () => request<unknown>('POST', '/api/auth/sign-out', {});

export const requestReset = (email: string) =>
  request<unknown>('POST', '/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });

export const resetPassword = (token: string, newPassword: string) =>
  request<unknown>('POST', '/api/auth/reset-password', { token, newPassword });

/** The signed-in session; null when signed out; undefined in local mode (no accounts). */
export async function currentSession(): Promise<SessionInfo | null | undefined> {
  try {
    return await request<SessionInfo | null>('GET', '/api/auth/get-session');
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}

export const listSessions = () => request<SessionRow[]>('GET', '/api/auth/list-sessions');
export const revokeSession = (id: string) => request<unknown>('POST', '/api/sessions/revoke', { id });
export const signOutEverywhere = () => request<unknown>('POST', '/api/auth/revoke-sessions', {});
export const deleteAccount = (password: string) =>
  request<unknown>('POST', '/api/account/delete', { password });
