import { FilePlus2, LayoutTemplate } from 'lucide-react';
import { cn } from '@/lib/utils';
import { schemaTemplates } from './schema-templates';

const choices = [
  { id: 'scratch', label: 'From scratch', description: 'One table with an id and a name; build the rest.' },
  ...schemaTemplates,
];

/** Where the schema starts: a template or a blank table. Choosing one replaces the schema. */
export function TemplatePicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">Start from</legend>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
        {choices.map((choice) => {
          const Icon = choice.id === 'scratch' ? FilePlus2 : LayoutTemplate;
          const selected = value === choice.id;
          return (
            <button
              key={choice.id}
              type="button"
              aria-pressed={selected}
              onClick={() => onChange(choice.id)}
              className={cn(
                'grid content-start gap-1 rounded-lg border bg-card p-3 text-left text-sm transition-colors hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring',
                selected && 'border-primary ring-1 ring-primary',
              )}
            >
              <span className="flex items-center gap-1.5 font-medium">
                <Icon aria-hidden="true" className="size-4 text-muted-foreground" />
                {choice.label}
              </span>
              <span className="text-xs text-muted-foreground">{choice.description}</span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
