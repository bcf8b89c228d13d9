import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';

/** `interviewers[0]` and `notes.0.contactId` belong to the fields `interviewers` and `notes`. */
const fieldOf = (path: string | undefined): string => (path ?? '').split(/[.[]/)[0] ?? '';

/**
 * A form of text fields sent to the API: its values, `busy` while it is sent, and the API's
 * error shown next to the field it names (`fieldError`) or, for any other error, once for the
 * whole form (`formError`). The form's own keys are the fields it can show errors beside.
 */
export function useForm<T extends Record<string, string>>(initial: T) {
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const named = error instanceof ApiError ? fieldOf(error.field) : '';
  const ownField = named !== '' && named in form;
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
    fieldError: (f: keyof T & string): string | null =>
      error && ownField && named === f ? error.message : null,
    formError: error && !ownField ? error.message : null,
    /** The form's onSubmit: sends with `send`, keeping the error for display. */
    submit: (send: (values: T) => Promise<unknown>) => async (e: FormEvent) => {
      e.preventDefault();
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
