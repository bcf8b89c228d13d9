import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

/** `interviewers[0]` and `notes.0.contactId` belong to the fields `interviewers` and `notes`. */
const fieldOf = (path: string | undefined): string => (path ?? '').split(/[.[]/)[0] ?? '';

/**
 * The API's errors by the form field they are about. The server names a field by its path
 * ("role: is too long …"); beside the field, its label says which one, so the path goes.
 */
function errorsByField(error: Error | null, fields: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!(error instanceof ApiError)) return out;
  const issues =
    error.issues.length > 0 ? error.issues : [{ field: error.field ?? '', message: error.message }];
  for (const issue of issues) {
    const field = fieldOf(issue.field);
    if (!fields.includes(field) || out.has(field)) continue;
    const prefix = `${issue.field}: `;
    out.set(field, issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message);
  }
  return out;
}

/**
 * A form of text fields sent to the API: its values, `busy` while it is sent, and the API's
 * errors shown next to the fields they name (`fieldError`, every one at once) or, for any other
 * error, once for the whole form (`formError`). After a failed send, focus moves to the first
 * field in error (or the form's error), so keyboard and screen-reader users land on it.
 */
export function useForm<T extends Record<string, string>>(initial: T) {
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement | null>(null);
  const byField = errorsByField(error, Object.keys(form));
  const formError = error && byField.size === 0 ? error.message : null;
  useEffect(() => {
    if (!error) return;
    const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    target?.focus();
  }, [error]);
  return {
    form,
    setForm,
    busy,
    /** True after a successful send, until the next edit. */
    saved,
    set: (k: keyof T) => (e: { target: { value: string } }) => {
      setSaved(false);
      setForm({ ...form, [k]: e.target.value });
    },
    fieldError: (f: keyof T & string): string | null => byField.get(f) ?? null,
    formError,
    /** The form's onSubmit: sends with `send`, keeping the errors for display. */
    submit: (send: (values: T) => Promise<unknown>) => async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      formRef.current = e.currentTarget;
      setBusy(true);
      setError(null);
      try {
        await send(form);
        setSaved(true);
      } catch (err) {
        setError(err instanceof Error ? err : new Error(String(err)));
      } finally {
        setBusy(false);
      }
    },
  };
}
