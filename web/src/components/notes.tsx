/** Small shared pieces: error sentences, loading text, the page title. */
import { type ReactNode, useEffect } from 'react';

/** An error sentence shown next to what the user did; announced to screen readers. */
export function ErrorNote({ error, id }: { error: string | null; id?: string }) {
  if (!error) return null;
  return (
    <p className="error-note" role="alert" id={id}>
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

/** The page heading, also set as the document title so each page is announced by name. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} · Afterview`;
  }, [title]);
  return <h1>{children}</h1>;
}
