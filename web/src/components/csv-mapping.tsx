/**
 * The columns a CSV was read with: one select per Afterview field, preset to the server's guess,
 * so the user can fix a wrong guess and read the file again before saving.
 */
import type { CsvField } from '../../../src/core/capture/csv';
import { Field } from './field';

/** Which header feeds each field (null: none), as the preview reports and accepts it. */
export type ColumnMapping = Record<string, string | null>;

const FIELD_LABELS: Record<CsvField, string> = {
  company: 'Company',
  role: 'Role',
  stage: 'Stage',
  date: 'Date applied',
  url: 'Job posting link',
  location: 'Location',
  notes: 'Notes',
  contactName: 'Contact name',
  contactTitle: 'Contact title',
  contactEmail: 'Contact email',
  contactPhone: 'Contact phone',
};

const NONE = '';

/** One labelled select per field; `onChange` gets the whole mapping with the one field changed. */
export function CsvMappingEditor({
  headers,
  mapping,
  onChange,
}: {
  headers: string[];
  mapping: ColumnMapping;
  onChange: (next: ColumnMapping) => void;
}) {
  return (
    <fieldset>
      <legend>Which column is which</legend>
      <div className="two">
        {(Object.keys(FIELD_LABELS) as CsvField[]).map((field) => (
          <Field key={field} label={`Column for ${FIELD_LABELS[field]}`}>
            {(p) => (
              <select
                {...p}
                value={mapping[field] ?? NONE}
                onChange={(e) =>
                  onChange({ ...mapping, [field]: e.target.value === NONE ? null : e.target.value })
                }
              >
                <option value={NONE}>(not in this file)</option>
                {headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
