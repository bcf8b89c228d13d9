/** Finding the video-meeting link in an invite's text: it is where the interview happens. */

// Conferencing services whose join links become an interview's location.
const MEETING_HOSTS =
  /^(?:[\w-]+\.)*(?:zoom\.us|zoomgov\.com|teams\.microsoft\.com|teams\.live\.com|meet\.google\.com|webex\.com|bluejeans\.com|whereby\.com|chime\.aws|gotomeeting\.com|meet\.goto\.com|around\.co)$/i;

/** Every http(s) URL in `text`, trailing punctuation and angle brackets removed. */
export function urlsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.slice(0, 50_000).matchAll(/https?:\/\/[^\s<>"'\\]+/gi)) {
    out.push(m[0].replace(/[).,;:!?\]]+$/, ''));
  }
  return out;
}

/** True when the URL joins a video meeting (Zoom, Teams, Meet, Webex...). */
export function isMeetingUrl(url: string): boolean {
  try {
    return MEETING_HOSTS.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The first meeting link among the texts, in order. */
export function meetingUrlIn(...texts: Array<string | null | undefined>): string | null {
  for (const t of texts) {
    if (!t) continue;
    const url = urlsIn(t).find(isMeetingUrl);
    if (url) return url;
  }
  return null;
}
