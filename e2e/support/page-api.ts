/**
 * Seeding a browser test through the API the way the web app calls it: from the page, same origin,
 * with the CSRF header read from the cookie.
 */
import type { Page } from 'playwright-core';

/** Call the API from the page, as the web app does (same origin, CSRF header from the cookie). */
export async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, p, b]) => {
      if (!document.cookie.includes('afterview_csrf=')) await fetch('/api/settings');
      const token = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('afterview_csrf='))
          ?.slice('afterview_csrf='.length) ?? '',
      );
      const res = await fetch(p as string, {
        method: m as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${m} ${p}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    [method, path, body] as const,
  ) as Promise<T>;
}
