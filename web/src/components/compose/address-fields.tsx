/**
 * The two addresses a note needs before it can leave, asked for right where they are missing:
 * the recipient's (saved to the person, which also settles the collect-contact action) and the
 * user's own (the sender of an .eml file).
 */
import { useId, useState } from 'react';
import { api, type ContactView } from '../../api/client';
import { useAction } from '../use-load';
import { forTheWebApp } from './web-errors';

function AddressForm({
  intro,
  label,
  button,
  onSave,
}: {
  intro: string;
  label: string;
  button: string;
  onSave: (address: string) => Promise<void>;
}) {
  const id = useId();
  const [value, setValue] = useState('');
  const save = useAction();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="needs-address"
      aria-labelledby={`${id}-intro`}
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        void save.run(async () => {
          try {
            await onSave(value.trim());
          } catch (err) {
            setError(forTheWebApp(err));
          }
        });
      }}
    >
      <p id={`${id}-intro`} className="needs-address-intro">
        {intro}
      </p>
      <div className="row">
        <label className="compact" htmlFor={`${id}-input`}>
          {label}
        </label>
        <input
          id={`${id}-input`}
          type="email"
          autoComplete="off"
          required
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="submit" disabled={save.busy || !value.trim()}>
          {button}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="error-note" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Shown under "To" when the recipient has no email address: the error, and the field to fix it. */
export function RecipientAddress({
  person,
  onSaved,
}: {
  person: ContactView;
  onSaved: (p: ContactView) => void;
}) {
  return (
    <AddressForm
      intro={`${person.displayName} has no email address yet. Add it to open the note in your mail app or send it.`}
      label={`${person.displayName}'s email`}
      button="Save address"
      onSave={async (address) => {
        onSaved(await api.editPerson(person.id, { emails: [address, ...person.emails] }));
      }}
    />
  );
}

/** Shown when an .eml is asked for but nobody is named as the sender yet. */
export function SenderAddress({ ownEmails, onSaved }: { ownEmails: string[]; onSaved: () => Promise<void> }) {
  return (
    <AddressForm
      intro="The .eml file needs to say who the note is from: add your own email address."
      label="Your email"
      button="Save and download"
      onSave={async (address) => {
        await api.updateSettings({ ownEmails: [address, ...ownEmails] });
        await onSaved();
      }}
    />
  );
}
