/** Small shared pieces: error sentences, loading text, the page title. */
import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** An error sentence shown next to what the user did; announced to screen readers. */
export function ErrorNote({ error, id }: { error: string | null; id?: string }) {
  if (!error) return null;
  return (
    <p className="error-note" role="alert" id={id} tabIndex={-1}>
      {error}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/*
 * The first page of a visit keeps the browser's own focus (so Tab still reaches the skip link
 * first); every page after a navigation moves focus to its heading, so a screen reader announces
 * where the user arrived instead of staying on a link that is gone.
 */
let firstPageShown = false;

/** The page heading, also set as the document title so each page is announced by name. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${title} · Afterview`;
  }, [title]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `pathname` changes on each navigation
  useEffect(() => {
    if (firstPageShown) heading.current?.focus();
    firstPageShown = true;
  }, [pathname]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}
