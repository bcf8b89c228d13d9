/** Human formatting of times for the terminal: in the user's zone, with a relative hint. */
import { Temporal } from '../core/time';

/** `Tue 8 Dec, 10:00` in `zone` (a ZonedDateTime formats in its own zone). */
export function formatLocal(iso: string, zone: string): string {
  const zdt = Temporal.Instant.from(iso).toZonedDateTimeISO(zone);
  return zdt.toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/** `in 3 h`, `in 2 days`, `5 h ago`. */
export function relative(iso: string, now: Temporal.Instant): string {
  const ms = Temporal.Instant.from(iso).epochMilliseconds - now.epochMilliseconds;
  const abs = Math.abs(ms);
  const minutes = Math.round(abs / 60_000);
  const text =
    minutes < 60
      ? `${minutes} min`
      : minutes < 48 * 60
        ? `${Math.round(minutes / 60)} h`
        : `${Math.round(minutes / (24 * 60))} days`;
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}
