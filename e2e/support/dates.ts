/**
 * Dates as the web app writes them for the account under test: the app's own formatter
 * (web/src/format.ts) set to the account's locale and zone, so a test asserts what an en-US or
 * en-GB user sees without spelling either out by hand.
 */
import { type DisplayLocale, formatDay, setDisplayLocale } from '../../web/src/format';

export interface AccountDates {
  locale: DisplayLocale;
  timeZone: string;
  /** "Tue, Dec 1" (en-US) or "Tue 1 Dec" (en-GB): `iso`'s day in the account's zone. */
  day(iso: string): string;
}

/** Read the account's locale and zone from the running server's settings. */
export async function accountDates(serverUrl: string): Promise<AccountDates> {
  const res = await fetch(new URL('/api/settings', serverUrl));
  if (!res.ok) throw new Error(`GET /api/settings: ${res.status}`);
  const settings = (await res.json()) as { locale: DisplayLocale; timeZone: string };
  return {
    locale: settings.locale,
    timeZone: settings.timeZone,
    day: (iso) => {
      setDisplayLocale(settings.locale);
      return formatDay(iso, settings.timeZone);
    },
  };
}
