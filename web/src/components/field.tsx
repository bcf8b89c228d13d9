/** A labelled form control with its error sentence attached (aria-describedby). */
import { type ReactNode, useId } from 'react';

/** "Recruiter (optional)" is called "Recruiter" in an error sentence. */
const nameOf = (label: string): string => label.replace(/\s*\([^)]*\)\s*$/, '');

/**
 * The error as a sentence that names the field by its label: "is too long (200 characters at
 * most)" beside Role reads "Role is too long (200 characters at most)"; a quoted value reads
 * "Recruiter: "dana@" is not a valid email address"; a full sentence is kept as it is.
 */
export function errorSentence(label: string, error: string): string {
  // "line 9: the calendar file contains binary data" places itself in a file: a sentence of its
  // own ("Line 9: …"), never glued to the label ("Choose a file line 9: …").
  if (/^line \d/.test(error)) return `L${error.slice(1)}`;
  if (/^[a-z]/.test(error)) return `${label} ${error}`;
  if (/^["“']/.test(error)) return `${label}: ${error}`;
  return error;
}

export function Field({
  label,
  errorName,
  hint,
  error,
  children,
}: {
  label: string;
  /** What an error sentence calls the field, when the label does not read well there. */
  errorName?: string;
  hint?: string;
  error?: string | null;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({
        id,
        ...(described && { 'aria-describedby': described }),
        ...(error && { 'aria-invalid': true }),
      })}
      {error && (
        <p className="error-note" id={errorId} role="alert">
          {errorSentence(errorName ?? nameOf(label), error)}
        </p>
      )}
    </div>
  );
}
