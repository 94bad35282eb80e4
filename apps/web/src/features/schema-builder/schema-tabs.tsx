import { Braces, ListTree } from 'lucide-react';
import { Tabs } from 'radix-ui';
import type { ReactNode } from 'react';

const trigger =
  'inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring data-[state=active]:bg-background data-[state=active]:text-foreground data-[state=active]:shadow-sm [&_svg]:size-4';

/** The schema as forms or as JSON: two views of one configuration. */
export function SchemaTabs({
  mode,
  onModeChange,
  problemCount,
  builder,
  json,
}: {
  mode: 'builder' | 'json';
  onModeChange: (mode: 'builder' | 'json') => void;
  problemCount: number;
  builder: ReactNode;
  json: ReactNode;
}) {
  return (
    <Tabs.Root
      value={mode}
      onValueChange={(value) => onModeChange(value as 'builder' | 'json')}
      className="grid gap-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Schema</h2>
        <div className="flex items-center gap-3">
          {problemCount > 0 && (
            <span className="text-sm text-destructive" role="status">
              {problemCount} {problemCount === 1 ? 'problem' : 'problems'}
            </span>
          )}
          <Tabs.List aria-label="Schema view" className="inline-flex rounded-lg bg-muted p-1">
            <Tabs.Trigger value="builder" className={trigger}>
              <ListTree aria-hidden="true" /> Builder
            </Tabs.Trigger>
            <Tabs.Trigger value="json" className={trigger}>
              <Braces aria-hidden="true" /> JSON
            </Tabs.Trigger>
          </Tabs.List>
        </div>
      </div>
      <Tabs.Content value="builder" className="focus-visible:outline-none">
        {builder}
      </Tabs.Content>
      <Tabs.Content value="json" className="focus-visible:outline-none">
        {json}
      </Tabs.Content>
    </Tabs.Root>
  );
}
