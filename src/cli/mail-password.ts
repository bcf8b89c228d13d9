/**
 * Mail passwords without the command line: `config set smtp smtps://you@host:465` (a user and no
 * password) takes the password from AFTERVIEW_SMTP_PASSWORD / AFTERVIEW_IMAP_PASSWORD, else asks
 * on the terminal without echo, else reads it from standard input when that is a pipe. A password
 * typed into the URL lands in the shell's history and in /proc/PID/cmdline for other users to see.
 */
import { invalid } from '../core/errors';
import type { CliIo } from './io';

export const PASSWORD_ENV = { smtp: 'AFTERVIEW_SMTP_PASSWORD', imap: 'AFTERVIEW_IMAP_PASSWORD' } as const;

/**
 * `url` with the password filled in when it names a user but no password; otherwise unchanged
 * (a URL with a password, without a user, or not a URL at all is left to the mail settings to judge).
 * @throws AppError('invalid-input') when a password is needed and none could be read.
 */
export async function withPassword(protocol: 'smtp' | 'imap', url: string, io: CliIo): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!parsed.username || parsed.password) return url;
  const envName = PASSWORD_ENV[protocol];
  let password = io.env[envName] ?? '';
  const terminal = !password && (await io.stdinIsTTY());
  if (!password && terminal && io.readSecret) {
    password = await io.readSecret(
      `${protocol.toUpperCase()} password for ${decodeURIComponent(parsed.username)}@${parsed.hostname}: `,
    );
  } else if (!password && !terminal) {
    // A pipe: the first line is the password (`pass show mail | afterview config set smtp URL`).
    password = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
  }
  if (!password) {
    throw invalid(
      `${protocol}: no password for ${decodeURIComponent(parsed.username)}: type it when asked, pipe it on standard input, or set ${envName}.`,
      protocol,
    );
  }
  // The URL setter leaves % alone; encoding first keeps a password with % or @ intact.
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
