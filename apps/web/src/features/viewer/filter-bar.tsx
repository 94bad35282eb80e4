import { Filter, Plus, X } from 'lucide-react';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { Spinner } from '@/components/ui/spinner';
import { formatCount } from '@/features/jobs/job-format';
import { errorMessage } from '@/lib/api';
import { cn } from '@/lib/utils';
import { ColumnKindIcon } from './column-kind-icon';
import {
  type CellValue,
  type ColumnKind,
  type DatasetColumn,
  type DatasetFilter,
  type FilterOp,
  useColumnStats,
} from './use-dataset';
import { describeFilter, isNumeric, opLabel, opsFor, parseValue } from './view-model';

type Scope = { projectId: string; jobId: string; table: string };

type Draft = {
  column: string;
  op: FilterOp;
  value: string;
  min: string;
  max: string;
  values: (string | number | boolean)[];
};

function draftOf(filter: DatasetFilter | undefined, columns: DatasetColumn[]): Draft {
  const first = columns[0];
  if (!filter) {
    return {
      column: first?.name ?? '',
      op: first ? (opsFor(first.kind)[0] ?? 'eq') : 'eq',
      value: '',
      min: '',
      max: '',
      values: [],
    };
  }
  return {
    column: filter.column,
    op: filter.op,
    value: 'value' in filter ? String(filter.value) : '',
    min: 'min' in filter && filter.min !== undefined ? String(filter.min) : '',
    max: 'max' in filter && filter.max !== undefined ? String(filter.max) : '',
    values: 'values' in filter ? filter.values : [],
  };
}

type Problems = { value?: string; min?: string; max?: string; values?: string };

function buildFilter(draft: Draft, kind: ColumnKind): { filter?: DatasetFilter; problems: Problems } {
  const { column, op } = draft;
  switch (op) {
    case 'is_null':
    case 'is_not_null':
      return { filter: { column, op }, problems: {} };
    case 'between': {
      const problems: Problems = {};
      const min = draft.min.trim() === '' ? undefined : parseValue(draft.min, kind);
      const max = draft.max.trim() === '' ? undefined : parseValue(draft.max, kind);
      if (min && !min.ok) problems.min = min.message;
      if (max && !max.ok) problems.max = max.message;
      if (!min && !max) problems.min = 'Give a lower bound, an upper bound or both.';
      if (problems.min || problems.max) return { problems };
      const minValue = min?.ok ? (min.value as string | number) : undefined;
      const maxValue = max?.ok ? (max.value as string | number) : undefined;
      return {
        filter: {
          column,
          op,
          ...(minValue !== undefined ? { min: minValue } : {}),
          ...(maxValue !== undefined ? { max: maxValue } : {}),
        },
        problems: {},
      };
    }
    case 'in':
      if (draft.values.length === 0) return { problems: { values: 'Pick at least one value.' } };
      return { filter: { column, op, values: draft.values }, problems: {} };
    default: {
      // contains and starts_with match text, whatever the column holds.
      const parsed =
        op === 'contains' || op === 'starts_with'
          ? parseValue(draft.value, 'text')
          : parseValue(draft.value, kind);
      if (!parsed.ok) return { problems: { value: parsed.message } };
      return { filter: { column, op, value: parsed.value }, problems: {} };
    }
  }
}

function ValueInput({
  id,
  kind,
  value,
  onChange,
  problem,
  label,
}: {
  id: string;
  kind: ColumnKind;
  value: string;
  onChange: (value: string) => void;
  problem: string | undefined;
  label: string;
}) {
  const invalid = problem ? { 'aria-invalid': true, 'aria-describedby': `${id}-problem` } : {};
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {kind === 'boolean' ? (
        <Select id={id} value={value} onChange={(event) => onChange(event.target.value)} {...invalid}>
          <option value="">Choose…</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </Select>
      ) : (
        <Input
          id={id}
          type={kind === 'date' ? 'date' : kind === 'timestamp' ? 'datetime-local' : 'text'}
          step={kind === 'timestamp' ? 1 : undefined}
          inputMode={isNumeric(kind) ? 'decimal' : undefined}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
          {...invalid}
        />
      )}
      {problem && (
        <p id={`${id}-problem`} className="text-xs text-destructive">
          {problem}
        </p>
      )}
    </div>
  );
}

function valueKey(value: CellValue): string {
  return `${typeof value}:${String(value)}`;
}

/** The column's most frequent values to tick, with their counts, plus any value typed by hand. */
function InListPicker({
  scope,
  column,
  otherFilters,
  values,
  onChange,
  problem,
}: {
  scope: Scope;
  column: DatasetColumn;
  otherFilters: DatasetFilter[];
  values: (string | number | boolean)[];
  onChange: (values: (string | number | boolean)[]) => void;
  problem: string | undefined;
}) {
  const id = useId();
  const stats = useColumnStats(scope.projectId, scope.jobId, scope.table, column.name, otherFilters);
  const [typed, setTyped] = useState('');
  const [typedProblem, setTypedProblem] = useState<string>();
  const chosen = new Set(values.map(valueKey));
  const top = (stats.data?.top ?? []).filter(
    (item): item is { value: string | number | boolean; count: number } => item.value !== null,
  );
  const extra = values.filter((value) => !top.some((item) => valueKey(item.value) === valueKey(value)));
  const toggle = (value: string | number | boolean) =>
    onChange(
      chosen.has(valueKey(value))
        ? values.filter((item) => valueKey(item) !== valueKey(value))
        : [...values, value],
    );
  return (
    <fieldset className="grid gap-2" aria-describedby={problem ? `${id}-problem` : undefined}>
      <legend className="mb-1.5 text-sm font-medium">Values</legend>
      {stats.isPending ? (
        <p className="flex items-center gap-2 text-xs text-muted-foreground">
          <Spinner className="size-3" /> Finding the most frequent values…
        </p>
      ) : stats.isError ? (
        <p className="text-xs text-destructive">{errorMessage(stats.error)}</p>
      ) : (
        <div className="grid max-h-48 gap-0.5 overflow-y-auto rounded-md border p-1">
          {[
            ...top.map((item) => ({ value: item.value, count: item.count as number | undefined })),
            ...extra.map((value) => ({ value, count: undefined })),
          ].map(({ value, count }) => (
            <label
              key={valueKey(value)}
              className="flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1 text-sm hover:bg-accent"
            >
              <input
                type="checkbox"
                className="size-3.5 accent-primary"
                checked={chosen.has(valueKey(value))}
                onChange={() => toggle(value)}
              />
              <span className="min-w-0 flex-1 truncate font-mono text-xs">{String(value)}</span>
              {count !== undefined && (
                <span className="text-xs text-muted-foreground tabular-nums">{formatCount(count)}</span>
              )}
            </label>
          ))}
          {top.length === 0 && extra.length === 0 && (
            <p className="px-2 py-1 text-xs text-muted-foreground">No values to pick from; type one below.</p>
          )}
        </div>
      )}
      <div className="flex items-end gap-2">
        <div className="grid flex-1 gap-1.5">
          <Label htmlFor={`${id}-typed`} className="text-xs font-normal text-muted-foreground">
            Another value
          </Label>
          <Input
            id={`${id}-typed`}
            value={typed}
            inputMode={isNumeric(column.kind) ? 'decimal' : undefined}
            onChange={(event) => {
              setTyped(event.target.value);
              setTypedProblem(undefined);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                event.currentTarget.form?.querySelector<HTMLButtonElement>('[data-add-value]')?.click();
              }
            }}
            className="h-8"
            aria-invalid={typedProblem ? true : undefined}
          />
        </div>
        <Button
          type="button"
          variant="outline"
          size="sm"
          data-add-value
          onClick={() => {
            const parsed = parseValue(typed, column.kind);
            if (!parsed.ok) return setTypedProblem(parsed.message);
            if (!chosen.has(valueKey(parsed.value))) onChange([...values, parsed.value]);
            setTyped('');
          }}
        >
          Add
        </Button>
      </div>
      {typedProblem && <p className="text-xs text-destructive">{typedProblem}</p>}
      {problem && (
        <p id={`${id}-problem`} className="text-xs text-destructive">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

function FilterEditor({
  scope,
  columns,
  initial,
  otherFilters,
  submitLabel,
  onSubmit,
}: {
  scope: Scope;
  columns: DatasetColumn[];
  initial: DatasetFilter | undefined;
  otherFilters: DatasetFilter[];
  submitLabel: string;
  onSubmit: (filter: DatasetFilter) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial, columns));
  const [problems, setProblems] = useState<Problems>({});
  const column = columns.find((item) => item.name === draft.column) ?? columns[0];
  if (!column) return null;
  const ops = opsFor(column.kind);
  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setProblems({});
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const built = buildFilter(draft, column.kind);
    setProblems(built.problems);
    if (built.filter) onSubmit(built.filter);
  };
  const valueKind: ColumnKind = draft.op === 'contains' || draft.op === 'starts_with' ? 'text' : column.kind;
  return (
    <form onSubmit={submit} className="grid gap-3" aria-label="Filter">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-column`}>Column</Label>
        <Select
          id={`${id}-column`}
          value={draft.column}
          onChange={(event) => {
            const next = columns.find((item) => item.name === event.target.value);
            const nextOps = next ? opsFor(next.kind) : ops;
            change({
              column: event.target.value,
              op: nextOps.includes(draft.op) ? draft.op : (nextOps[0] ?? 'eq'),
              value: '',
              min: '',
              max: '',
              values: [],
            });
          }}
        >
          {columns.map((item) => (
            <option key={item.name} value={item.name}>
              {item.name} · {item.kind}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-op`}>Condition</Label>
        <Select
          id={`${id}-op`}
          value={draft.op}
          onChange={(event) => change({ op: event.target.value as FilterOp, values: [] })}
        >
          {ops.map((op) => (
            <option key={op} value={op}>
              {opLabel(op, column.kind)}
            </option>
          ))}
        </Select>
      </div>
      {draft.op === 'between' ? (
        <div className="grid grid-cols-2 gap-2">
          <ValueInput
            id={`${id}-min`}
            label="From"
            kind={column.kind}
            value={draft.min}
            onChange={(min) => change({ min })}
            problem={problems.min}
          />
          <ValueInput
            id={`${id}-max`}
            label="To"
            kind={column.kind}
            value={draft.max}
            onChange={(max) => change({ max })}
            problem={problems.max}
          />
        </div>
      ) : draft.op === 'in' ? (
        <InListPicker
          scope={scope}
          column={column}
          otherFilters={otherFilters}
          values={draft.values}
          onChange={(values) => change({ values })}
          problem={problems.values}
        />
      ) : draft.op === 'is_null' || draft.op === 'is_not_null' ? null : (
        <ValueInput
          id={`${id}-value`}
          label="Value"
          kind={valueKind}
          value={draft.value}
          onChange={(value) => change({ value })}
          problem={problems.value}
        />
      )}
      <Button type="submit" className="justify-self-end">
        {submitLabel}
      </Button>
    </form>
  );
}

function FilterChip({
  scope,
  filter,
  kind,
  columns,
  otherFilters,
  problem,
  onChange,
  onRemove,
}: {
  scope: Scope;
  filter: DatasetFilter;
  kind: ColumnKind;
  columns: DatasetColumn[];
  otherFilters: DatasetFilter[];
  problem: string | undefined;
  onChange: (filter: DatasetFilter) => void;
  onRemove: () => void;
}) {
  const [open, setOpen] = useState(false);
  const text = describeFilter(filter, kind);
  const problemId = useId();
  return (
    <li className="grid max-w-full justify-items-start gap-1">
      <span
        className={cn(
          'inline-flex max-w-full items-center rounded-full border bg-background text-xs shadow-xs',
          problem ? 'border-destructive text-destructive' : 'border-input',
        )}
      >
        <Popover open={open} onOpenChange={setOpen}>
          <PopoverTrigger asChild>
            <button
              type="button"
              className="flex min-w-0 items-center gap-1.5 rounded-l-full py-1 pr-1 pl-2.5 hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              aria-label={`Edit filter: ${text}`}
              aria-describedby={problem ? problemId : undefined}
            >
              <ColumnKindIcon kind={kind} className={problem ? 'text-destructive' : undefined} />
              <span className="truncate font-mono">{text}</span>
            </button>
          </PopoverTrigger>
          <PopoverContent>
            <FilterEditor
              scope={scope}
              columns={columns}
              initial={filter}
              otherFilters={otherFilters}
              submitLabel="Apply"
              onSubmit={(next) => {
                onChange(next);
                setOpen(false);
              }}
            />
          </PopoverContent>
        </Popover>
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Remove filter: ${text}`}
          className="rounded-r-full py-1 pr-2 pl-1 text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <X aria-hidden="true" className="size-3.5" />
        </button>
      </span>
      {problem && (
        <span id={problemId} role="alert" className="px-2.5 text-xs text-destructive">
          {problem}
        </span>
      )}
    </li>
  );
}

/** The view's filters as chips (click to edit, × to remove) and a builder to add one. */
export function FilterBar({
  scope,
  columns,
  filters,
  problems,
  onChange,
}: {
  scope: Scope;
  columns: DatasetColumn[];
  filters: DatasetFilter[];
  /** The api's message for a filter, by its position (a 400's `filters[i]…` path). */
  problems: Map<number, string>;
  onChange: (filters: DatasetFilter[]) => void;
}) {
  const [adding, setAdding] = useState(false);
  const kinds = new Map(columns.map((column) => [column.name, column.kind]));
  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-start gap-2">
      <Popover open={adding} onOpenChange={setAdding}>
        <PopoverTrigger asChild>
          <Button variant="outline" size="sm">
            {filters.length === 0 ? <Filter /> : <Plus />}
            {filters.length === 0 ? 'Filter' : 'Add filter'}
          </Button>
        </PopoverTrigger>
        <PopoverContent>
          <FilterEditor
            scope={scope}
            columns={columns}
            initial={undefined}
            otherFilters={filters}
            submitLabel="Add filter"
            onSubmit={(filter) => {
              onChange([...filters, filter]);
              setAdding(false);
            }}
          />
        </PopoverContent>
      </Popover>
      {filters.length > 0 && (
        <ul aria-label="Filters" className="flex min-w-0 flex-wrap items-start gap-1.5 pt-0.5">
          {filters.map((filter, index) => (
            <FilterChip
              // biome-ignore lint/suspicious/noArrayIndexKey: filters are a list by position; the api names them so too
              key={index}
              scope={scope}
              filter={filter}
              kind={kinds.get(filter.column) ?? 'other'}
              columns={columns}
              otherFilters={filters.filter((_, other) => other !== index)}
              problem={problems.get(index)}
              onChange={(next) => onChange(filters.map((item, other) => (other === index ? next : item)))}
              onRemove={() => onChange(filters.filter((_, other) => other !== index))}
            />
          ))}
          {filters.length > 1 && (
            <li>
              <Button variant="link" size="sm" className="h-6 px-1 text-xs" onClick={() => onChange([])}>
                Clear all
              </Button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
