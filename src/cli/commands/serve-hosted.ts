/**
 * `afterview serve --hosted` (or AFTERVIEW_MODE=hosted): the web app for many people, with
 * accounts and sign-in. Configured from the environment only, so secrets never sit in a shell
 * history: AFTERVIEW_PUBLIC_URL, AFTERVIEW_AUTH_SECRET, DATABASE_URL (PostgreSQL; else SQLite in
 * the data folder), AFTERVIEW_SYSTEM_SMTP_URL (+ AFTERVIEW_SYSTEM_MAIL_FROM), AFTERVIEW_TRUSTED_PROXY.
 */
import { invalid } from '../../core/errors';

export interface HostedConfig {
  publicUrl: string;
  secret: string;
  systemSmtpUrl: string | undefined;
  mailFrom: string;
  trustedProxy: string | undefined;
}

/**
 * The From of the server's own mails: AFTERVIEW_SYSTEM_MAIL_FROM, else no-reply at the public
 * URL's host (also for `afterview worker`, which needs no public URL otherwise).
 */
export function systemMailFrom(env: Record<string, string | undefined>): string {
  if (env.AFTERVIEW_SYSTEM_MAIL_FROM) return env.AFTERVIEW_SYSTEM_MAIL_FROM;
  let host = 'localhost';
  try {
    host = new URL(env.AFTERVIEW_PUBLIC_URL ?? '').hostname || host;
  } catch {
    // No or no valid public URL: a worker still sends, from no-reply@localhost.
  }
  return `Afterview <no-reply@${host}>`;
}

/** True when hosted mode is asked for by flag or AFTERVIEW_MODE. */
export function wantsHosted(flag: boolean | undefined, env: Record<string, string | undefined>): boolean {
  const mode = env.AFTERVIEW_MODE?.trim().toLowerCase();
  if (mode !== undefined && mode !== '' && mode !== 'local' && mode !== 'hosted') {
    throw invalid(`AFTERVIEW_MODE: "${env.AFTERVIEW_MODE}" is neither local nor hosted.`, 'AFTERVIEW_MODE');
  }
  return Boolean(flag) || mode === 'hosted';
}

/** Read and check hosted mode's settings; each problem names its variable. */
export function readHostedConfig(env: Record<string, string | undefined>): HostedConfig {
  const raw = env.AFTERVIEW_PUBLIC_URL?.trim();
  if (!raw) {
    throw invalid(
      'AFTERVIEW_PUBLIC_URL: hosted mode needs the address people open, e.g. https://afterview.example.org.',
      'AFTERVIEW_PUBLIC_URL',
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(
      `AFTERVIEW_PUBLIC_URL: "${raw}" is not a URL such as https://afterview.example.org.`,
      'AFTERVIEW_PUBLIC_URL',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(
      `AFTERVIEW_PUBLIC_URL: use an https:// address (not ${url.protocol}).`,
      'AFTERVIEW_PUBLIC_URL',
    );
  }
  const secret = env.AFTERVIEW_AUTH_SECRET ?? '';
  if (secret.length < 32) {
    throw invalid(
      'AFTERVIEW_AUTH_SECRET: hosted mode signs session cookies with a secret of at least 32 characters; make one with `openssl rand -base64 32`.',
      'AFTERVIEW_AUTH_SECRET',
    );
  }
  return {
    publicUrl: url.origin,
    secret,
    systemSmtpUrl: env.AFTERVIEW_SYSTEM_SMTP_URL || undefined,
    mailFrom: systemMailFrom({ ...env, AFTERVIEW_PUBLIC_URL: url.origin }),
    trustedProxy: env.AFTERVIEW_TRUSTED_PROXY || undefined,
  };
}
