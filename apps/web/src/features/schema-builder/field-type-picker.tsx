import { fieldFamilies, fieldTypeCatalog } from '@synoptic/contract';
import { Check, ChevronsUpDown, Search } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useId, useMemo, useState } from 'react';
import { cn } from '@/lib/utils';
import { catalogById } from './schema-model';

const familyLabels: Record<string, string> = {
  person: 'Person',
  contact: 'Contact',
  address: 'Address',
  company: 'Company',
  internet: 'Internet',
  finance: 'Finance',
  commerce: 'Commerce',
  identifier: 'Identifiers',
  text: 'Text',
  datetime: 'Dates and times',
  number: 'Numbers',
  logic: 'Logic',
  relation: 'Relations',
  series: 'Time series',
  misc: 'Other',
  sample: 'From the sample',
};

/**
 * A button showing the field's type that opens a searchable list of every type, grouped by family.
 * "From the sample" is offered only where it can work: in a table that learns from a sample.
 */
export function FieldTypePicker({
  value,
  onChange,
  label,
  invalid,
  offerSample = false,
}: {
  value: string;
  onChange: (type: string) => void;
  label: string;
  invalid?: boolean;
  offerSample?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const listId = useId();
  const { groups, best } = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const id = needle.replace(/\s+/g, '_');
    // Exact names first, then names that start with the query, then any mention of it.
    const score = (entry: (typeof fieldTypeCatalog)[number]) => {
      const label = entry.label.toLowerCase();
      if (!needle) return 0;
      if (entry.id === id || label === needle) return 0;
      if (entry.id.startsWith(id) || label.startsWith(needle)) return 1;
      if (entry.id.includes(id) || label.includes(needle)) return 2;
      if (entry.family.includes(needle) || entry.description.toLowerCase().includes(needle)) return 3;
      return -1;
    };
    const scored = fieldTypeCatalog
      .filter((entry) => offerSample || entry.family !== 'sample')
      .map((entry) => ({ entry, score: score(entry) }))
      .filter((item) => item.score >= 0);
    const matches = scored.map((item) => item.entry);
    const top = [...scored].sort((a, b) => a.score - b.score)[0]?.entry;
    return {
      best: top,
      // In a sample table, learning is the usual choice: it comes first.
      groups: (offerSample
        ? ['sample' as const, ...fieldFamilies.filter((f) => f !== 'sample')]
        : fieldFamilies
      )
        .map((family) => ({ family, entries: matches.filter((entry) => entry.family === family) }))
        .filter((group) => group.entries.length > 0),
    };
  }, [query, offerSample]);
  const current = catalogById.get(value);

  const choose = (type: string) => {
    onChange(type);
    setOpen(false);
    setQuery('');
  };

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button
          type="button"
          aria-label={label}
          aria-invalid={invalid || undefined}
          className="flex h-9 w-full min-w-0 items-center justify-between gap-2 rounded-md border border-input bg-background px-3 text-left text-sm shadow-xs focus-visible:border-ring focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/25 aria-invalid:border-destructive dark:bg-input/30"
        >
          <span className="truncate">{current ? current.label : value || 'Choose a type'}</span>
          <ChevronsUpDown aria-hidden="true" className="size-3.5 shrink-0 text-muted-foreground" />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          className="z-50 w-80 rounded-lg border bg-card text-card-foreground shadow-lg"
          aria-label="Field types"
        >
          <div className="flex items-center gap-2 border-b px-3">
            <Search aria-hidden="true" className="size-4 text-muted-foreground" />
            <input
              // biome-ignore lint/a11y/noAutofocus: the list opens to be searched
              autoFocus
              aria-label="Search field types"
              aria-controls={listId}
              placeholder="Search types: email, date, price…"
              aria-describedby={best && query ? `${listId}-best` : undefined}
              className="h-10 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && best) {
                  event.preventDefault();
                  choose(best.id);
                }
              }}
            />
          </div>
          {best && query && (
            <p id={`${listId}-best`} className="border-b px-3 py-1.5 text-xs text-muted-foreground">
              Enter picks <span className="font-medium text-foreground">{best.label}</span>
            </p>
          )}
          <div id={listId} className="max-h-80 overflow-y-auto p-1">
            {groups.length === 0 && (
              <p className="px-3 py-6 text-center text-sm text-muted-foreground">
                No type matches “{query}”.
              </p>
            )}
            {groups.map((group) => (
              <fieldset key={group.family} className="min-w-0">
                <legend className="px-2 pt-2 pb-1 text-xs font-medium text-muted-foreground">
                  {familyLabels[group.family] ?? group.family}
                </legend>
                {group.entries.map((entry) => (
                  <button
                    key={entry.id}
                    type="button"
                    onClick={() => choose(entry.id)}
                    aria-current={entry.id === value || undefined}
                    className={cn(
                      'flex w-full items-start gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-accent focus-visible:bg-accent focus-visible:outline-none',
                    )}
                  >
                    <Check
                      aria-hidden="true"
                      className={cn(
                        'mt-0.5 size-3.5 shrink-0',
                        entry.id === value ? 'opacity-100' : 'opacity-0',
                      )}
                    />
                    <span className="grid min-w-0">
                      <span className="font-medium">
                        {entry.label}{' '}
                        <span className="font-mono text-xs text-muted-foreground">{entry.id}</span>
                      </span>
                      <span className="truncate text-xs text-muted-foreground">{entry.description}</span>
                    </span>
                  </button>
                ))}
              </fieldset>
            ))}
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
