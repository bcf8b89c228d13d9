/**
 * The fields read from a business card, as inputs: OCR gets letters wrong, so the user corrects
 * them here before anything is saved. Edits go straight into the contact that will be sent back.
 */
import type { z } from 'zod';
import type { capturedContactSchema } from '../../../src/features/imports/import.schemas';
import { Field } from './field';

/** A person as the import preview understood them. */
export type CapturedContact = z.infer<typeof capturedContactSchema>;

type Editable = 'name' | 'title' | 'company' | 'email' | 'phone' | 'website';

const FIELDS: Array<{ key: Editable; label: string; type: string; autoComplete: string }> = [
  { key: 'name', label: 'Name', type: 'text', autoComplete: 'off' },
  { key: 'title', label: 'Title', type: 'text', autoComplete: 'off' },
  { key: 'company', label: 'Company', type: 'text', autoComplete: 'off' },
  { key: 'email', label: 'Email', type: 'email', autoComplete: 'off' },
  { key: 'phone', label: 'Phone', type: 'tel', autoComplete: 'off' },
  { key: 'website', label: 'Website', type: 'url', autoComplete: 'off' },
];

function shown(c: CapturedContact, key: Editable): string {
  switch (key) {
    case 'name':
      return c.displayName ?? c.nameAsWritten ?? '';
    case 'title':
      return c.title ?? '';
    case 'company':
      return c.company ?? '';
    case 'email':
      return c.emails[0] ?? '';
    case 'phone':
      return c.phones[0] ?? '';
    case 'website':
      return c.links[0] ?? '';
  }
}

/**
 * Replace the first item of a list (or drop it when emptied), keeping any others the card had.
 * Not trimmed while typing (a phone number has spaces); the page trims before saving.
 */
function withFirst(list: string[], value: string): string[] {
  const rest = list.slice(1);
  return value ? [value, ...rest] : rest;
}

function edited(c: CapturedContact, key: Editable, raw: string): CapturedContact {
  const value = raw.trim() ? raw : null;
  switch (key) {
    case 'name':
      // The name as corrected is the name as written: the card is the only source.
      return { ...c, displayName: value, nameAsWritten: value };
    case 'title':
      return { ...c, title: value };
    case 'company':
      return { ...c, company: value };
    case 'email':
      return { ...c, emails: withFirst(c.emails, raw) };
    case 'phone':
      return { ...c, phones: withFirst(c.phones, raw) };
    case 'website':
      return { ...c, links: withFirst(c.links, raw) };
  }
}

/** Editable card fields for one person, under `heading`. */
export function CardFieldsEditor({
  contact,
  onChange,
  heading,
}: {
  contact: CapturedContact;
  onChange: (next: CapturedContact) => void;
  heading: string;
}) {
  return (
    <fieldset>
      <legend>{heading}</legend>
      <div className="two">
        {FIELDS.map((f) => (
          <Field key={f.key} label={f.label}>
            {(p) => (
              <input
                {...p}
                type={f.type}
                autoComplete={f.autoComplete}
                value={shown(contact, f.key)}
                onChange={(e) => onChange(edited(contact, f.key, e.target.value))}
              />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
