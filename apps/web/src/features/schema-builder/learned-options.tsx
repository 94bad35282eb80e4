import { learnedTypes, type SampleProfile } from '@synoptic/contract';
import { useId } from 'react';
import { Select } from '@/components/ui/input';
import { profiledTypeLabels } from '@/features/samples/sample-format';
import { DraftInput, formatNumberText, parseNumber } from './draft-input';
import { profileColumnOf } from './sample-model';
import type { FieldDraft } from './schema-model';

/** A learned field names a column of the table's sample and, optionally, the type to learn it as. */
export function LearnedOptions({
  field,
  profile,
  errorAt,
  onChange,
}: {
  field: FieldDraft;
  profile: SampleProfile | undefined;
  errorAt: (option: string) => string | undefined;
  onChange: (field: FieldDraft) => void;
}) {
  const id = useId();
  const column = profileColumnOf(field, profile);
  const columnName = typeof field.column === 'string' ? field.column : field.name;
  const learnAs = typeof field.as === 'string' ? field.as : '';
  const columnError = errorAt('column');
  const asError = errorAt('as');
  const precisionError = errorAt('precision');
  const set = (name: string, value: unknown) => {
    const next: FieldDraft = { ...field };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onChange(next);
  };
  const decimal =
    learnAs === 'decimal' ||
    (!learnAs && column?.type === 'decimal') ||
    field.precision !== undefined ||
    Boolean(precisionError);

  return (
    <div className="grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-3">
      <div className="grid gap-1">
        <label htmlFor={`${id}-column`} className="text-xs font-medium">
          Sample column
        </label>
        <Select
          id={`${id}-column`}
          className="h-8"
          aria-invalid={columnError ? true : undefined}
          value={profile ? columnName : ''}
          disabled={!profile}
          // The engine reads the field's own name by default; `column` is kept only when they differ.
          onChange={(event) =>
            set('column', event.target.value === field.name ? undefined : event.target.value)
          }
        >
          {!profile && <option value="">Loading the sample’s columns…</option>}
          {profile && !column && (
            <option value={columnName} disabled>
              {columnName} (not in the sample)
            </option>
          )}
          {profile?.columns.map((item) => (
            <option key={item.name} value={item.name}>
              {item.name} ({profiledTypeLabels[item.type].toLowerCase()})
            </option>
          ))}
        </Select>
        {columnError && <p className="text-xs text-destructive">{columnError}</p>}
      </div>
      <div className="grid gap-1">
        <label htmlFor={`${id}-as`} className="text-xs font-medium">
          Learn as
        </label>
        <Select
          id={`${id}-as`}
          className="h-8"
          aria-invalid={asError ? true : undefined}
          value={learnAs}
          onChange={(event) => set('as', event.target.value || undefined)}
        >
          <option value="">
            {column ? `As profiled: ${profiledTypeLabels[column.type].toLowerCase()}` : 'As profiled'}
          </option>
          {learnedTypes.map((type) => (
            <option key={type} value={type}>
              {profiledTypeLabels[type]}
            </option>
          ))}
        </Select>
        {asError && <p className="text-xs text-destructive">{asError}</p>}
      </div>
      {decimal && (
        <div className="grid gap-1">
          <label htmlFor={`${id}-precision`} className="text-xs font-medium">
            Decimal places
          </label>
          <DraftInput
            id={`${id}-precision`}
            className="h-8"
            inputMode="numeric"
            placeholder="as in the sample"
            aria-invalid={precisionError ? true : undefined}
            value={field.precision}
            format={formatNumberText}
            parse={(text) => parseNumber(text, { integer: true })}
            onCommit={(value) => set('precision', value)}
          />
          {precisionError && <p className="text-xs text-destructive">{precisionError}</p>}
        </div>
      )}
    </div>
  );
}
