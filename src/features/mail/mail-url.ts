/**
 * Mail server URLs as people type them: `smtp://user:pass@host:587`, `smtps://…:465`,
 * `imap://…:143`, `imaps://…:993`. `?starttls=off` (no encryption at all) is accepted only for
 * loopback test servers: anywhere else it would send the password in clear.
 */
import { invalid } from '../../core/errors';

export type MailProtocol = 'smtp' | 'imap';

export interface MailServer {
  protocol: MailProtocol;
  host: string;
  port: number;
  /** Implicit TLS from the first byte (smtps/imaps). */
  secure: boolean;
  /** Without implicit TLS: `required` upgrades with STARTTLS or fails; `off` stays in clear (loopback only). */
  starttls: 'required' | 'off';
  user: string | null;
  password: string | null;
  /** `?from=Name <address>` on an SMTP URL. */
  from: string | null;
}

const DEFAULT_PORTS = { smtp: 587, smtps: 465, imap: 143, imaps: 993 } as const;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Parse and check a URL for `protocol`; the error names the setting (`smtp`, `imap`). */
export function parseMailUrl(text: string, protocol: MailProtocol): MailServer {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw invalid(
      `${protocol}: "${redactText(text)}" is not a URL like ${protocol}://user:password@host:port.`,
      protocol,
    );
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme !== protocol && scheme !== `${protocol}s`) {
    throw invalid(
      `${protocol}: the URL must start with ${protocol}:// or ${protocol}s://, not ${scheme}://.`,
      protocol,
    );
  }
  if (!url.hostname) throw invalid(`${protocol}: the URL names no host.`, protocol);
  const secure = scheme.endsWith('s');
  const starttlsParam = url.searchParams.get('starttls');
  if (starttlsParam !== null && starttlsParam !== 'off' && starttlsParam !== 'required') {
    throw invalid(`${protocol}: starttls must be "off" or "required", not "${starttlsParam}".`, protocol);
  }
  const starttls = starttlsParam === 'off' ? 'off' : 'required';
  if (starttls === 'off' && !secure && !LOOPBACK.has(url.hostname)) {
    throw invalid(
      `${protocol}: starttls=off would send your password unencrypted; it is only allowed for a server on this machine (127.0.0.1).`,
      protocol,
    );
  }
  const port = url.port ? Number(url.port) : DEFAULT_PORTS[scheme as keyof typeof DEFAULT_PORTS];
  return {
    protocol,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    secure,
    starttls,
    user: url.username ? decodeURIComponent(url.username) : null,
    password: url.password ? decodeURIComponent(url.password) : null,
    from: url.searchParams.get('from'),
  };
}

/** The URL as stored and shown: everything but the password. */
export function serverUrl(server: MailServer): string {
  const scheme = server.secure ? `${server.protocol}s` : server.protocol;
  const user = server.user ? `${encodeURIComponent(server.user)}@` : '';
  const host = server.host.includes(':') ? `[${server.host}]` : server.host;
  const query = !server.secure && server.starttls === 'off' ? '?starttls=off' : '';
  return `${scheme}://${user}${host}:${server.port}${query}`;
}

/** `host:port`, for messages about this server. */
export const serverLabel = (server: Pick<MailServer, 'host' | 'port'>): string =>
  `${server.host}:${server.port}`;

/** A URL-ish text with any `:password@` removed, safe to echo in an error. */
export function redactText(text: string): string {
  return text.replace(/(\/\/[^/:@]*):[^@/]*@/, '$1:***@');
}
