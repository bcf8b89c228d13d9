/**
 * The two bodies of a sent note: the plain text the user wrote with their signature below the
 * standard `-- ` delimiter, and a simple HTML alternative of the same words (paragraphs and line
 * breaks only: a thank-you note needs no styling, and plain HTML survives every mail client).
 */

export interface MailBodies {
  text: string;
  html: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const paragraphs = (text: string): string =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>\n')}</p>`)
    .join('\n');

/** Text and HTML bodies for `body` with an optional `signature` block. */
export function composeBodies(body: string, signature: string | null | undefined): MailBodies {
  const main = body.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  const sig = signature?.replace(/\r\n?/g, '\n').trim();
  const text = sig ? `${main}\n\n-- \n${sig}\n` : `${main}\n`;
  const sigHtml = sig
    ? `\n<p class="signature">-- <br>\n${sig.split('\n').map(escapeHtml).join('<br>\n')}</p>`
    : '';
  const html = `<!doctype html>\n<html><body>\n${paragraphs(main)}${sigHtml}\n</body></html>\n`;
  return { text, html };
}
