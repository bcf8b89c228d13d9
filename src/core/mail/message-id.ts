/**
 * RFC 5322 Message-IDs. The id is chosen and stored before the first send attempt, so a
 * message whose fate is uncertain can be looked up by it in the Sent folder, and replies can be
 * matched to it through In-Reply-To/References.
 */
import { invalid } from '../errors';
import { toInstant } from '../time';

/**
 * `<time36.random@domain>` from an instant, at least 16 random characters (hex or base32,
 * produced by the caller: the core has no randomness) and the sender's domain.
 */
export function makeMessageId(input: { random: string; at: string; domain: string }): string {
  const random = input.random.toLowerCase();
  if (!/^[0-9a-z]{16,}$/.test(random)) throw invalid('Message-ID randomness must be 16+ letters or digits.');
  const domain = input.domain.trim().toLowerCase();
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/.test(domain)) {
    throw invalid(`"${input.domain}" is not a domain a Message-ID can use.`, 'fromAddress');
  }
  const time = toInstant(input.at).epochMilliseconds.toString(36);
  return `<${time}.${random}@${domain}>`;
}

/**
 * The Message-ID a note handed to the user's own mail app carries (`.eml`), derived from the
 * note's own id and creation time rather than chosen at random, so producing the file again
 * gives the same id and a download (a GET) never has to store anything. "Mark as sent" stores it,
 * so a reply to the copy sent from the mail app is still matched to the note.
 */
export function handoffMessageId(input: {
  messageId: string;
  createdAt: string;
  fromAddress: string;
}): string {
  return makeMessageId({
    random: input.messageId.toLowerCase().replace(/[^0-9a-z]/g, ''),
    at: input.createdAt,
    domain: domainOf(input.fromAddress),
  });
}

/** The domain part of an address (`dana@northwind.example` → `northwind.example`). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1) : address;
}

/**
 * Every Message-ID in a header value such as References (`<a@x> <b@y>`), normalised to the
 * `<…>` form with the domain lower-cased, so stored and received ids compare equal.
 */
export function parseMessageIds(value: string | readonly string[] | null | undefined): string[] {
  if (!value) return [];
  const text = typeof value === 'string' ? value : value.join(' ');
  const ids = [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => normalizeMessageId(m[1] as string));
  if (ids.length > 0) return ids;
  // Some clients drop the angle brackets on single ids.
  const bare = text.trim();
  return /^[^\s<>]+@[^\s<>]+$/.test(bare) ? [normalizeMessageId(bare)] : [];
}

/** `<Left@Right>` → `<Left@right>`: the local part is case-sensitive, the domain is not. */
export function normalizeMessageId(id: string): string {
  const bare = id.trim().replace(/^<|>$/g, '');
  const at = bare.lastIndexOf('@');
  return at < 0 ? `<${bare}>` : `<${bare.slice(0, at)}@${bare.slice(at + 1).toLowerCase()}>`;
}
