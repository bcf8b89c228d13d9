/**
 * Handing a note to the user's own mail app: a `mailto:` link, or an `.eml` file. Both go
 * through a link clicked in the page, so the page stays where it is and an error can be shown
 * beside the button rather than replacing the page.
 */
import { api } from '../../api/client';

function follow(href: string, download?: string): void {
  const a = document.createElement('a');
  a.href = href;
  if (download) a.download = download;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

/** `force` is the user's "Send anyway" over checker errors; the server refuses without it. */
export async function openInMailApp(messageId: string, force: boolean): Promise<void> {
  follow((await api.mailto(messageId, force)).url);
}

/** Fetch the .eml and save it as a file; an error is thrown as a sentence (ApiError). */
export async function downloadEml(messageId: string, name: string, force: boolean): Promise<void> {
  const blob = await api.eml(messageId, force);
  const url = URL.createObjectURL(blob);
  try {
    follow(url, name);
  } finally {
    // Give the browser a moment to start the download before the URL goes.
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** A file name a person recognises: "Thank you - Priya Raman.eml". */
export const emlFileName = (subject: string, recipient: string): string =>
  `${(subject || 'Note').replace(/[\\/:*?"<>|\r\n]+/g, ' ').slice(0, 80)} - ${recipient}.eml`.replace(
    /\s+/g,
    ' ',
  );
