/**
 * Hosted mode's accounts: better-auth with its Kysely adapter on Afterview's own store. It owns the
 * routes under /api/auth (sign-up, sign-in, sign-out, session, sessions, password reset) and the
 * session cookie; Afterview owns the tables (migration 2026-11-27T1600-hosted-auth), the account
 * row each user maps to (same id), the password blocklist and the rate limits (http/hosted.ts).
 *
 * Nothing is sent over the network by the library: telemetry stays off (it is off unless
 * BETTER_AUTH_TELEMETRY is set, and it has nowhere to send without BETTER_AUTH_TELEMETRY_ENDPOINT,
 * both of which are removed below), and mail goes through the system mailer we pass in.
 */
import { kyselyAdapter } from '@better-auth/kysely-adapter';
import { betterAuth } from 'better-auth';
import type { Temporal } from '../../core/time';
import type { Dialect } from '../../db/connect';
import type { Db } from '../../db/database';
import { newId } from '../../db/ids';
import { ensureHostedAccount } from './hosted-account.service';
import type { SystemMailer } from './system-mailer';

/** Shortest password accepted (NIST SP 800-63B asks for at least 8; we ask for a little more). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
/** A session lasts 30 days and is renewed (rolling) when used after one day. */
const SESSION_SECONDS = 30 * 24 * 3600;
const SESSION_RENEW_SECONDS = 24 * 3600;

export interface AuthOptions {
  db: Db;
  dialect: Dialect;
  /** AFTERVIEW_PUBLIC_URL: where people open the app (https in production). */
  publicUrl: string;
  /** Signs the session cookie; AFTERVIEW_AUTH_SECRET (at least 32 characters). */
  secret: string;
  mailer: SystemMailer;
  /** False when no system mail server is configured: sign-up then sends no confirmation mail. */
  canMail: boolean;
  now: () => Temporal.Instant;
}

export function createAuth(options: AuthOptions) {
  // Belt and braces: even a stray environment variable cannot turn telemetry on or point it somewhere.
  delete process.env.BETTER_AUTH_TELEMETRY;
  delete process.env.BETTER_AUTH_TELEMETRY_ENDPOINT;
  const base = new URL(options.publicUrl);
  return betterAuth({
    appName: 'Afterview',
    baseURL: base.origin,
    basePath: '/api/auth',
    secret: options.secret,
    telemetry: { enabled: false },
    // Its warnings name the address someone tried to sign in with; failures are answered, not logged.
    logger: { level: 'error' },
    trustedOrigins: [base.origin],
    database: kyselyAdapter(options.db, {
      type: options.dialect === 'postgres' ? 'postgres' : 'sqlite',
      // Sign-up writes the user and its password row in one transaction. The Afterview account
      // row follows right after the commit (better-auth runs `create.after` hooks then, outside
      // the transaction, so our own handle never waits behind it on SQLite's single connection);
      // if the process died in between, the first signed-in request creates it (http/hosted.ts).
      // Not inside the transaction (better-auth 1.7.25): `create.after` is queued until after the
      // commit, and `create.before` runs inside it but only through better-auth's adapter for its
      // own models — writing the account row there would mean declaring our account table as a
      // better-auth model and repeating createAccount's defaults, and our own Kysely handle cannot
      // join its transaction (on SQLite it would wait behind it on the one connection).
      transaction: true,
    }),
    // Afterview's routes do their own per-address and per-account limits (http/hosted.ts).
    rateLimit: { enabled: false },
    user: {
      modelName: 'auth_user',
      fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
    session: {
      modelName: 'auth_session',
      expiresIn: SESSION_SECONDS,
      updateAge: SESSION_RENEW_SECONDS,
      fields: {
        userId: 'account_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    account: {
      modelName: 'auth_account',
      fields: {
        userId: 'account_id',
        accountId: 'provider_account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: {
      modelName: 'auth_verification',
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
    advanced: {
      cookiePrefix: 'afterview',
      // Secure whenever people reach us over https; HttpOnly and SameSite=Lax always.
      useSecureCookies: base.protocol === 'https:',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      // The HTTP bridge replaces x-forwarded-for with the address Fastify trusts (AFTERVIEW_TRUSTED_PROXY).
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
      // Joins in SQL: a session and its user are one query per signed-in request, not two.
      database: { generateId: () => newId(), joins: true },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      // Hashing stays better-auth's default: scrypt (N=16384, r=16, p=1, 32 MiB), memory-hard.
      revokeSessionsOnPasswordReset: true,
      // With a mail server, an address is confirmed before it can sign in. better-auth then also
      // answers a sign-up for an address that has an account exactly like a new one (hashing the
      // password all the same, so it takes as long) and tells the owner by mail instead.
      // Without one (a small self-hosted install) nobody could confirm, so sign-in stays open.
      requireEmailVerification: options.canMail,
      ...(options.canMail && {
        onExistingUserSignUp: async ({ user }: { user: { email: string } }, request?: Request) => {
          // Where the sign-up was heading (a coach invitation's accept page): signing in goes on there.
          const next = await signUpCallbackPath(request);
          const signInLink = `${base.origin}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`;
          await options.mailer.send({
            to: user.email,
            subject: 'Someone tried to create an Afterview account with your address',
            text: `Someone (perhaps you) tried to create an Afterview account with ${user.email}, which already has one.

If it was you, sign in with your password, or ask for a new password on the sign-in page if you forgot it:
${signInLink}

If it was not you, ignore this mail: nothing changed, and your account stays as it is.
`,
          });
        },
      }),
      sendResetPassword: async ({ user, url }) => {
        await options.mailer.send({
          to: user.email,
          subject: 'Reset your Afterview password',
          text: `Someone (hopefully you) asked to reset the password of your Afterview account.\n\nOpen this link within an hour to choose a new one:\n${url}\n\nIf it was not you, ignore this mail; your password stays as it is.\n`,
        });
      },
    },
    emailVerification: {
      sendOnSignUp: options.canMail,
      // The link in the mail signs the new user in: it proves the address, and the password was set.
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => {
        await options.mailer.send({
          to: user.email,
          subject: 'Confirm your e-mail address for Afterview',
          text: `Welcome to Afterview.\n\nOpen this link to confirm that this address is yours:\n${url}\n`,
        });
      },
    },
    databaseHooks: {
      user: {
        create: {
          // Each user is one Afterview account with the same id.
          after: async (user) => {
            await ensureHostedAccount(options.db, user.id, options.now());
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The sign-up's `callbackURL` when it is a path on this site (never another origin), else null. */
async function signUpCallbackPath(request: Request | undefined): Promise<string | null> {
  let body: unknown;
  try {
    body = await request?.clone().json();
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null || !('callbackURL' in body)) return null;
  const url = body.callbackURL;
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') && url.length <= 2000
    ? url
    : null;
}
