import { ArrowDown, ArrowUp, Plus, Table2, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { cn } from '@/lib/utils';
import { DraftInput, formatNumberText, parseNumber } from './draft-input';
import { FieldOptions } from './field-options';
import { FieldOrigin } from './field-origin';
import { FieldTypePicker } from './field-type-picker';
import { learnedField, noSamples, type SampleChoices, sampleOf } from './sample-model';
import {
  type CardinalityDraft,
  type ConfigDraft,
  catalogById,
  type ErrorMap,
  type FieldDraft,
  freshName,
  newField,
  type TableDraft,
  updateField,
  updateTable,
} from './schema-model';
import { TableSampleSection } from './table-sample-section';

/** The first problem at `path` or below it. */
export function errorAt(errors: ErrorMap, path: string): string | undefined {
  for (const [key, message] of errors) {
    if (key === path || key.startsWith(`${path}.`) || key.startsWith(`${path}[`)) return message;
  }
  return undefined;
}

/** Problems below `base` whose next key is none of `handled`. */
function leftovers(errors: ErrorMap, base: string, handled: (key: string) => boolean): string[] {
  const out: string[] = [];
  for (const [path, message] of errors) {
    if (path === base) {
      out.push(message);
      continue;
    }
    if (!path.startsWith(`${base}.`) && !path.startsWith(`${base}[`)) continue;
    const rest = path.slice(base.length).replace(/^\./, '');
    const key = rest.split(/[.[]/)[0] ?? '';
    if (!handled(key)) out.push(`${rest}: ${message}`);
  }
  return out;
}

function ErrorList({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="grid gap-0.5 text-xs text-destructive">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

const inputClass = 'h-8';

/**
 * Tables and their fields as forms; every edit hands a new configuration to `onChange`. `samples`
 * are the project's samples a table can learn from, with the profiles of those in use.
 */
export function SchemaBuilder({
  config,
  errors,
  samples = noSamples,
  onChange,
}: {
  config: ConfigDraft;
  errors: ErrorMap;
  samples?: SampleChoices;
  onChange: (config: ConfigDraft) => void;
}) {
  const top = leftovers(errors, 'tables', (key) => /^\d+$/.test(key) || key === '');
  const outside = [...errors]
    .filter(([path]) => !path.startsWith('tables'))
    .map(([path, m]) => `${path || 'config'}: ${m}`);
  return (
    <div className="grid gap-4">
      <ErrorList messages={[...outside, ...top]} />
      {config.tables.map((table, index) => (
        <TableEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: tables are edited in place; names change as people type
          key={index}
          config={config}
          index={index}
          table={table}
          errors={errors}
          samples={samples}
          onChange={onChange}
        />
      ))}
      <Button
        type="button"
        variant="outline"
        className="justify-self-start"
        onClick={() => {
          const name = freshName(
            'table',
            config.tables.map((table) => table.name),
          );
          onChange({
            ...config,
            tables: [...config.tables, { name, rows: 1000, fields: [{ name: 'id', type: 'sequence' }] }],
          });
        }}
      >
        <Plus /> Add table
      </Button>
    </div>
  );
}

function TableEditor({
  config,
  index,
  table,
  errors,
  samples,
  onChange,
}: {
  config: ConfigDraft;
  index: number;
  table: TableDraft;
  errors: ErrorMap;
  samples: SampleChoices;
  onChange: (config: ConfigDraft) => void;
}) {
  const base = `tables[${index}]`;
  const id = useId();
  const set = (next: TableDraft) => onChange(updateTable(config, index, next));
  const others = config.tables.filter((_, i) => i !== index);
  const nameError = errors.get(`${base}.name`);
  const rowsError = errorAt(errors, `${base}.rows`);
  const parentError = errorAt(errors, `${base}.parent`);
  const sampleError = errorAt(errors, `${base}.sample`);
  const tableProblems = leftovers(errors, base, (key) =>
    ['name', 'rows', 'parent', 'sample', 'fields'].includes(key),
  );
  const sample = sampleOf(table);
  const sampleRows = samples.samples.find((item) => item.id === sample?.id)?.rows ?? null;
  const fieldsProblems = leftovers(errors, `${base}.fields`, (key) => /^\d+$/.test(key));

  const setKind = (value: string) => {
    const { rows: _rows, parent: _parent, ...rest } = table;
    if (value === '') set({ ...rest, rows: table.rows ?? 1000 } as TableDraft);
    else
      set({
        ...rest,
        parent: { table: value, count: table.parent?.count ?? { distribution: 'poisson', mean: 2, max: 5 } },
      } as TableDraft);
  };

  return (
    <section
      aria-label={`Table ${index + 1}: ${table.name}`}
      className="grid gap-4 rounded-xl border bg-card p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-end gap-3">
        <Table2 aria-hidden="true" className="mb-2 size-4 text-muted-foreground" />
        <div className="grid min-w-40 flex-1 gap-1">
          <label htmlFor={`${id}-name`} className="text-xs font-medium">
            Table name
          </label>
          <input
            id={`${id}-name`}
            className="flex h-9 w-full rounded-md border border-input bg-background px-3 font-mono text-sm shadow-xs focus-visible:border-ring focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/25 aria-invalid:border-destructive dark:bg-input/30"
            value={table.name}
            aria-invalid={nameError ? true : undefined}
            onChange={(event) => set({ ...table, name: event.target.value })}
          />
        </div>
        <div className="grid w-60 gap-1">
          <label htmlFor={`${id}-kind`} className="text-xs font-medium">
            Size
          </label>
          <Select
            id={`${id}-kind`}
            value={table.parent?.table ?? ''}
            onChange={(event) => setKind(event.target.value)}
          >
            <option value="">A number of rows</option>
            {others.map((other, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: table names may repeat while someone types
              <option key={`${other.name}-${i}`} value={other.name}>
                Rows per {other.name} row
              </option>
            ))}
          </Select>
        </div>
        {table.parent ? (
          <CardinalityInputs
            count={table.parent.count}
            parent={table.parent.table}
            onChange={(count) => set({ ...table, parent: { table: table.parent?.table ?? '', count } })}
          />
        ) : (
          <div className="grid w-36 gap-1">
            <label htmlFor={`${id}-rows`} className="text-xs font-medium">
              Rows
            </label>
            <DraftInput
              id={`${id}-rows`}
              inputMode="numeric"
              value={table.rows}
              aria-invalid={rowsError ? true : undefined}
              // A sample table without a count makes as many rows as its sample.
              placeholder={sample ? (sampleRows === null ? 'as the sample' : String(sampleRows)) : undefined}
              format={formatNumberText}
              parse={(text) => parseNumber(text, { integer: true, optional: Boolean(sample) })}
              onCommit={(rows) => {
                const { rows: _rows, ...rest } = table;
                set(rows === undefined ? (rest as TableDraft) : { ...table, rows: rows as number });
              }}
            />
          </div>
        )}
        <Button
          type="button"
          variant="ghost"
          size="icon"
          aria-label={`Remove table ${table.name}`}
          title="Remove table"
          disabled={config.tables.length === 1}
          onClick={() => onChange({ ...config, tables: config.tables.filter((_, i) => i !== index) })}
        >
          <Trash2 />
        </Button>
      </div>
      <ErrorList
        messages={[
          nameError,
          rowsError,
          parentError,
          sampleError,
          ...tableProblems,
          ...fieldsProblems,
        ].filter((message): message is string => Boolean(message))}
      />
      <TableSampleSection table={table} samples={samples} onChange={set} />
      {table.sequence !== undefined && (
        <p className="text-xs text-muted-foreground">
          This table is a time series (its <code className="font-mono">sequence</code> is edited in the JSON
          view).
        </p>
      )}
      <ol className="grid gap-2" aria-label={`Fields of ${table.name}`}>
        {table.fields.map((field, fieldIndex) => (
          <FieldEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: fields are edited in place; names change as people type
            key={fieldIndex}
            config={config}
            tableIndex={index}
            index={fieldIndex}
            field={field}
            errors={errors}
            samples={samples}
            onChange={onChange}
          />
        ))}
      </ol>
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="justify-self-start"
        onClick={() =>
          set({
            ...table,
            fields: [
              ...table.fields,
              newField(
                'word',
                freshName(
                  'field',
                  table.fields.map((field) => field.name),
                ),
                config,
                index,
              ),
            ],
          })
        }
      >
        <Plus /> Add field to {table.name}
      </Button>
    </section>
  );
}

function CardinalityInputs({
  count,
  parent,
  onChange,
}: {
  count: CardinalityDraft;
  parent: string;
  onChange: (count: CardinalityDraft) => void;
}) {
  const id = useId();
  const number = (label: string, key: string, value: number | undefined, optional: boolean) => (
    <div className="grid w-24 gap-1">
      <label htmlFor={`${id}-${key}`} className="text-xs font-medium">
        {label}
      </label>
      <DraftInput
        id={`${id}-${key}`}
        inputMode="decimal"
        value={value}
        format={formatNumberText}
        parse={(text) => parseNumber(text, { optional })}
        onCommit={(next) => {
          const updated = { ...count } as Record<string, unknown>;
          if (next === undefined) delete updated[key];
          else updated[key] = next;
          onChange(updated as CardinalityDraft);
        }}
      />
    </div>
  );
  return (
    <>
      <div className="grid w-44 gap-1">
        <label htmlFor={`${id}-distribution`} className="text-xs font-medium">
          Rows per {parent}
        </label>
        <Select
          id={`${id}-distribution`}
          value={count.distribution}
          onChange={(event) => {
            const distribution = event.target.value;
            if (distribution === 'fixed') onChange({ distribution: 'fixed', count: 1 });
            else if (distribution === 'uniform') onChange({ distribution: 'uniform', min: 0, max: 3 });
            else onChange({ distribution: 'poisson', mean: 2, max: 5 });
          }}
        >
          <option value="fixed">Exactly</option>
          <option value="uniform">Between</option>
          <option value="poisson">About (Poisson)</option>
        </Select>
      </div>
      {count.distribution === 'fixed' && number('Count', 'count', count.count, false)}
      {count.distribution === 'uniform' && (
        <>
          {number('Min', 'min', count.min, false)}
          {number('Max', 'max', count.max, false)}
        </>
      )}
      {count.distribution === 'poisson' && (
        <>
          {number('Mean', 'mean', count.mean, false)}
          {number('Max', 'max', count.max, true)}
        </>
      )}
    </>
  );
}

function FieldEditor({
  config,
  tableIndex,
  index,
  field,
  errors,
  samples,
  onChange,
}: {
  config: ConfigDraft;
  tableIndex: number;
  index: number;
  field: FieldDraft;
  errors: ErrorMap;
  samples: SampleChoices;
  onChange: (config: ConfigDraft) => void;
}) {
  const id = useId();
  const table = config.tables[tableIndex];
  const sample = table ? sampleOf(table) : undefined;
  const profile = sample ? samples.profiles.get(sample.id) : undefined;
  const base = `tables[${tableIndex}].fields[${index}]`;
  const entry = catalogById.get(field.type);
  const options = entry?.options ?? [];
  const set = (next: FieldDraft) => onChange(updateField(config, tableIndex, index, next));
  const move = (by: number) => {
    if (!table) return;
    const fields = table.fields.slice();
    const [moved] = fields.splice(index, 1);
    if (!moved) return;
    fields.splice(index + by, 0, moved);
    onChange(updateTable(config, tableIndex, { ...table, fields }));
  };
  const changeType = (type: string) => {
    const keep: FieldDraft = { name: field.name, type };
    for (const key of ['nullPercent', 'locale', 'entity', 'description'])
      if (field[key] !== undefined) keep[key] = field[key];
    if (field.unique && catalogById.get(type)?.supportsUnique) keep.unique = true;
    const fresh =
      type === 'learned' ? learnedField(field.name, profile) : newField(type, field.name, config, tableIndex);
    set({ ...fresh, ...keep });
  };
  const nameError = errors.get(`${base}.name`);
  const typeError = errorAt(errors, `${base}.type`);
  const nullError = errors.get(`${base}.nullPercent`);
  const uniqueError = errors.get(`${base}.unique`);
  const optionNames = new Set(options.map((option) => option.name));
  const rest = leftovers(
    errors,
    base,
    (key) => ['name', 'type', 'nullPercent', 'unique'].includes(key) || optionNames.has(key),
  );
  const fieldCount = table?.fields.length ?? 0;
  const label = field.name || `field ${index + 1}`;

  return (
    <li
      aria-label={`Field ${index + 1}: ${field.name}`}
      className={cn(
        'grid gap-3 rounded-lg border bg-background/60 p-3',
        errorAt(errors, base) && 'border-destructive/40',
      )}
    >
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] items-start gap-2 md:grid-cols-[minmax(0,1.1fr)_minmax(0,1.3fr)_5rem_auto_auto]">
        <div className="grid gap-1">
          <label htmlFor={`${id}-name`} className="text-xs font-medium">
            Name
          </label>
          <input
            id={`${id}-name`}
            className="flex h-8 w-full rounded-md border border-input bg-background px-2.5 font-mono text-sm shadow-xs focus-visible:border-ring focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/25 aria-invalid:border-destructive dark:bg-input/30"
            value={field.name}
            aria-invalid={nameError ? true : undefined}
            onChange={(event) => set({ ...field, name: event.target.value })}
          />
          {nameError && <p className="text-xs text-destructive">{nameError}</p>}
        </div>
        <div className="grid gap-1">
          <span className="text-xs font-medium" aria-hidden="true">
            Type
          </span>
          <div className="[&_button]:h-8">
            <FieldTypePicker
              value={field.type}
              label={`Type of ${label}: ${entry?.label ?? field.type}`}
              invalid={Boolean(typeError)}
              offerSample={Boolean(sample)}
              onChange={changeType}
            />
          </div>
          {typeError && <p className="text-xs text-destructive">{typeError}</p>}
        </div>
        <div className="grid gap-1">
          <label htmlFor={`${id}-null`} className="text-xs font-medium">
            Null %
          </label>
          <DraftInput
            id={`${id}-null`}
            className={inputClass}
            inputMode="decimal"
            placeholder="0"
            value={field.nullPercent}
            aria-invalid={nullError ? true : undefined}
            format={formatNumberText}
            parse={(text) => parseNumber(text)}
            onCommit={(value) => {
              const next = { ...field };
              if (value === undefined || value === 0) delete next.nullPercent;
              else next.nullPercent = value as number;
              set(next);
            }}
          />
          {nullError && <p className="text-xs text-destructive">{nullError}</p>}
        </div>
        <div className="grid gap-1">
          <span className="text-xs font-medium" aria-hidden="true">
            &nbsp;
          </span>
          <label
            className={cn(
              'flex h-8 items-center gap-2 text-sm',
              !entry?.supportsUnique && 'cursor-not-allowed text-muted-foreground',
            )}
            title={entry?.supportsUnique ? 'Every non-null value distinct' : 'This type cannot be unique'}
          >
            <input
              type="checkbox"
              className="size-4 accent-primary"
              checked={field.unique === true}
              disabled={!entry?.supportsUnique && field.unique !== true}
              aria-invalid={uniqueError ? true : undefined}
              onChange={(event) => {
                const next = { ...field };
                if (event.target.checked) next.unique = true;
                else delete next.unique;
                set(next);
              }}
            />
            Unique
          </label>
        </div>
        <div className="col-span-2 flex items-center gap-0.5 justify-self-end md:col-span-1 md:mt-5">
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="size-8"
            aria-label={`Move ${label} up`}
            title="Move up"
            disabled={index === 0}
            onClick={() => move(-1)}
          >
            <ArrowUp />
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="size-8"
            aria-label={`Move ${label} down`}
            title="Move down"
            disabled={index === fieldCount - 1}
            onClick={() => move(1)}
          >
            <ArrowDown />
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="size-8 text-muted-foreground hover:text-destructive"
            aria-label={`Remove ${label}`}
            title="Remove field"
            disabled={fieldCount === 1}
            onClick={() => {
              if (!table) return;
              onChange(
                updateTable(config, tableIndex, {
                  ...table,
                  fields: table.fields.filter((_, i) => i !== index),
                }),
              );
            }}
          >
            <Trash2 />
          </Button>
        </div>
      </div>
      {uniqueError && <p className="text-xs text-destructive">{uniqueError}</p>}
      {sample && <FieldOrigin field={field} profile={profile} onChange={set} />}
      <FieldOptions
        field={field}
        options={options}
        config={config}
        tableIndex={tableIndex}
        profile={profile}
        errorAt={(option) => errorAt(errors, `${base}.${option}`)}
        onChange={set}
      />
      <ErrorList messages={rest} />
    </li>
  );
}
