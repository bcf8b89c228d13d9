/** Dates for people: in the user's zone, short and unambiguous ("Tue 15 Dec, 17:00"). */

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(zone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...opts });
    cache.set(key, f);
  }
  return f;
}

export const formatDateTime = (iso: string, zone: string): string =>
  fmt(zone, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

export const formatDay = (iso: string, zone: string): string =>
  fmt(zone, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso));

export const formatDate = (iso: string, zone: string): string =>
  fmt(zone, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));

/** "in 3 h 20 min", "2 days ago": a countdown to (or since) `iso` from `nowMs`. */
export function countdown(iso: string, nowMs: number): string {
  const diff = Date.parse(iso) - nowMs;
  const abs = Math.abs(diff);
  const min = Math.round(abs / 60_000);
  let text: string;
  if (min < 1) text = 'less than a minute';
  else if (min < 60) text = `${min} min`;
  else if (min < 48 * 60) {
    const h = Math.floor(min / 60);
    const m = min % 60;
    text = m ? `${h} h ${m} min` : `${h} h`;
  } else text = `${Math.round(min / (60 * 24))} days`;
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}

/** `YYYY-MM-DDTHH:mm` for a datetime-local input, in `zone`. */
export function toLocalInput(iso: string, zone: string): string {
  const parts = Object.fromEntries(
    fmt(zone, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

export const STAGE_LABELS: Record<string, string> = {
  applied: 'Applied',
  interviewing: 'Interviewing',
  waiting: 'Waiting',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  'gone-quiet': 'Gone quiet',
};

export const RULE_LABELS: Record<string, string> = {
  'collect-contact': 'Contact details',
  debrief: 'Debrief',
  'thank-you': 'Thank-you',
  'check-in': 'Check-in',
  'thanks-for-consideration': 'Thanks for the consideration',
  reconnect: 'Reconnect',
};
