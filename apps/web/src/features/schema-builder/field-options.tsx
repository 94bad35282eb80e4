import type { FieldTypeOption, SampleProfile } from '@synoptic/contract';
import { useId } from 'react';
import { Select } from '@/components/ui/input';
import { cn } from '@/lib/utils';
import { DraftInput, formatNumberText, type Parsed, parseNumber } from './draft-input';
import { LearnedOptions } from './learned-options';
import type { ConfigDraft, FieldDraft } from './schema-model';
import { isKeyField } from './schema-model';

type Schema = Record<string, unknown>;

type OptionKind =
  | { kind: 'number'; integer: boolean }
  | { kind: 'enum'; values: string[] }
  | { kind: 'boolean' }
  | { kind: 'text' }
  | { kind: 'list'; numbers: boolean }
  | { kind: 'json' };

function kindOf(schema: Schema): OptionKind {
  const type = schema.type;
  if (type === 'integer' || type === 'number') return { kind: 'number', integer: type === 'integer' };
  if (type === 'boolean') return { kind: 'boolean' };
  if (type === 'string' && Array.isArray(schema.enum))
    return { kind: 'enum', values: schema.enum.map(String) };
  if (type === 'string') return { kind: 'text' };
  if (Array.isArray(schema.anyOf) && (schema.anyOf as Schema[]).every((item) => item.type === 'string'))
    return { kind: 'text' };
  if (type === 'array') {
    const items = (schema.items ?? {}) as Schema;
    if (items.type === 'number' || items.type === 'integer') return { kind: 'list', numbers: true };
    if (items.type === 'string' || Array.isArray(items.anyOf)) return { kind: 'list', numbers: false };
  }
  return { kind: 'json' };
}

const formatList = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : '');
const parseList =
  (numbers: boolean) =>
  (text: string): Parsed => {
    if (!text.trim()) return { ok: true, value: undefined };
    const parts = text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (!numbers) return { ok: true, value: parts };
    const values = parts.map(Number);
    return values.every(Number.isFinite)
      ? { ok: true, value: values }
      : { ok: false, message: 'Enter numbers separated by commas' };
  };
const formatJson = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));
const parseJson = (text: string): Parsed => {
  if (!text.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: 'Not valid JSON' };
  }
};
const formatText = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const parseText = (text: string): Parsed => ({ ok: true, value: text === '' ? undefined : text });

/** One input per option of the field's type, from the option's JSON Schema; errors under each. */
export function FieldOptions({
  field,
  options,
  config,
  tableIndex,
  profile,
  errorAt,
  onChange,
}: {
  field: FieldDraft;
  options: FieldTypeOption[];
  config: ConfigDraft;
  tableIndex: number;
  /** The profile of the table's sample, for a learned field's column. */
  profile: SampleProfile | undefined;
  errorAt: (option: string) => string | undefined;
  onChange: (field: FieldDraft) => void;
}) {
  if (options.length === 0) return null;
  const set = (name: string, value: unknown) => {
    const next: FieldDraft = { ...field };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onChange(next);
  };
  const simple = options.filter((option) => kindOf(option.schema).kind !== 'json');
  const advanced = options.filter((option) => kindOf(option.schema).kind === 'json');
  const advancedSet = advanced.some((option) => field[option.name] !== undefined || errorAt(option.name));

  if (field.type === 'learned') {
    return <LearnedOptions field={field} profile={profile} errorAt={errorAt} onChange={onChange} />;
  }
  if (field.type === 'reference') {
    return (
      <ReferenceOptions
        field={field}
        config={config}
        tableIndex={tableIndex}
        errorAt={errorAt}
        onChange={onChange}
      />
    );
  }
  return (
    <div className="grid gap-2">
      {simple.length > 0 && (
        <div className="grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-3 lg:grid-cols-4">
          {simple.map((option) => (
            <OptionInput
              key={option.name}
              option={option}
              value={field[option.name]}
              error={errorAt(option.name)}
              onChange={(value) => set(option.name, value)}
            />
          ))}
        </div>
      )}
      {advanced.length > 0 && (
        <details open={advancedSet} className="group text-sm">
          <summary className="w-fit cursor-pointer rounded-sm text-xs text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
            More options ({advanced.map((option) => option.name).join(', ')}), as JSON
          </summary>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {advanced.map((option) => (
              <OptionInput
                key={option.name}
                option={option}
                value={field[option.name]}
                error={errorAt(option.name)}
                onChange={(value) => set(option.name, value)}
              />
            ))}
          </div>
        </details>
      )}
    </div>
  );
}

function OptionShell({
  id,
  option,
  error,
  children,
}: {
  id: string;
  option: FieldTypeOption;
  error: string | undefined;
  children: React.ReactNode;
}) {
  return (
    <div className="grid min-w-0 content-start gap-1">
      <label htmlFor={id} className="truncate text-xs font-medium" title={option.description}>
        {option.name}
        {option.required && <span className="text-destructive"> *</span>}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      ) : (
        option.description && (
          <p id={`${id}-hint`} className="line-clamp-2 text-xs text-muted-foreground">
            {option.description}
          </p>
        )
      )}
    </div>
  );
}

function OptionInput({
  option,
  value,
  error,
  onChange,
}: {
  option: FieldTypeOption;
  value: unknown;
  error: string | undefined;
  onChange: (value: unknown) => void;
}) {
  const id = useId();
  const kind = kindOf(option.schema);
  const common = {
    id,
    'aria-describedby': error ? `${id}-error` : option.description ? `${id}-hint` : undefined,
    'aria-invalid': error ? (true as const) : undefined,
    className: 'h-8',
  };
  let control: React.ReactNode;
  switch (kind.kind) {
    case 'number':
      control = (
        <DraftInput
          {...common}
          inputMode="decimal"
          value={value}
          format={formatNumberText}
          parse={(text) => parseNumber(text, { integer: kind.integer })}
          onCommit={onChange}
        />
      );
      break;
    case 'enum':
      control = (
        <Select
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value || undefined)}
        >
          <option value="">Default</option>
          {kind.values.map((item) => (
            <option key={item} value={item}>
              {item}
            </option>
          ))}
        </Select>
      );
      break;
    case 'boolean':
      control = (
        <Select
          {...common}
          value={value === true ? 'true' : value === false ? 'false' : ''}
          onChange={(event) =>
            onChange(event.target.value === '' ? undefined : event.target.value === 'true')
          }
        >
          <option value="">Default</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </Select>
      );
      break;
    case 'text':
      control = (
        <DraftInput {...common} value={value} format={formatText} parse={parseText} onCommit={onChange} />
      );
      break;
    case 'list':
      control = (
        <DraftInput
          {...common}
          placeholder="a, b, c"
          value={value}
          format={formatList}
          parse={parseList(kind.numbers)}
          onCommit={onChange}
        />
      );
      break;
    case 'json':
      control = (
        <DraftInput
          {...common}
          className={cn(common.className, 'font-mono text-xs')}
          placeholder="{ … }"
          value={value}
          format={formatJson}
          parse={parseJson}
          onCommit={onChange}
        />
      );
      break;
  }
  return (
    <OptionShell id={id} option={option} error={error}>
      {control}
    </OptionShell>
  );
}

/** A reference names a table and one of its keys: two selects instead of free text. */
function ReferenceOptions({
  field,
  config,
  tableIndex,
  errorAt,
  onChange,
}: {
  field: FieldDraft;
  config: ConfigDraft;
  tableIndex: number;
  errorAt: (option: string) => string | undefined;
  onChange: (field: FieldDraft) => void;
}) {
  const tableId = useId();
  const fieldId = useId();
  const target = config.tables.find((table) => table.name === field.table);
  const keys = target?.fields.filter(isKeyField) ?? [];
  const tableError = errorAt('table');
  const fieldError = errorAt('field');
  return (
    <div className="grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-3">
      <div className="grid gap-1">
        <label htmlFor={tableId} className="text-xs font-medium">
          References table
        </label>
        <Select
          id={tableId}
          className="h-8"
          aria-invalid={tableError ? true : undefined}
          value={typeof field.table === 'string' ? field.table : ''}
          onChange={(event) => {
            const next = config.tables.find((table) => table.name === event.target.value);
            const key = next?.fields.find(isKeyField);
            onChange({ ...field, table: event.target.value, field: key?.name ?? '' });
          }}
        >
          <option value="" disabled>
            Choose a table
          </option>
          {config.tables.map((table, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: table names may repeat while someone types
            <option key={`${table.name}-${index}`} value={table.name}>
              {table.name}
              {index === tableIndex ? ' (this table)' : ''}
            </option>
          ))}
        </Select>
        {tableError && <p className="text-xs text-destructive">{tableError}</p>}
      </div>
      <div className="grid gap-1">
        <label htmlFor={fieldId} className="text-xs font-medium">
          Key field
        </label>
        <Select
          id={fieldId}
          className="h-8"
          aria-invalid={fieldError ? true : undefined}
          value={typeof field.field === 'string' ? field.field : ''}
          onChange={(event) => onChange({ ...field, field: event.target.value })}
        >
          <option value="" disabled>
            {keys.length ? 'Choose a key' : 'No key field in that table'}
          </option>
          {keys.map((key) => (
            <option key={key.name} value={key.name}>
              {key.name} ({key.type})
            </option>
          ))}
          {typeof field.field === 'string' &&
            field.field &&
            !keys.some((key) => key.name === field.field) && (
              <option value={field.field}>{field.field} (not a key)</option>
            )}
        </Select>
        {fieldError && <p className="text-xs text-destructive">{fieldError}</p>}
      </div>
    </div>
  );
}
