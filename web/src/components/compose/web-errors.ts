/**
 * Errors as sentences for the web app. The server's sentences serve every surface; where one
 * names a fix that only the terminal has, the web app says where the fix is on screen instead.
 */
import { ApiError } from '../../api/client';

export function forTheWebApp(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.field === 'from') return 'Say who the note is from first: add your own email address below.';
    if (err.field === 'smtp')
      return 'No mail server is connected. Connect one in Settings, or open the note in your mail app.';
    if (err.field === 'imap') return 'No incoming mail server is connected. Connect one in Settings.';
    if (err.code === 'check-failed')
      return 'The checker found errors in this note: fix them, or tick "Send anyway" under the checker.';
    if (/bounced before/.test(err.message))
      return `${err.message.split(';')[0]}: correct the address on their page under People, then send again.`;
    // A sentence written for the terminal ("run afterview config set …") never reaches the page.
    if (/\bafterview (config|message|today|draft)\b/.test(err.message))
      return `${err.message.split(/[.:;]\s*(?:run:?\s*)?`?afterview /)[0]?.trim() || 'That did not work'}. Check Settings and try again.`;
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
