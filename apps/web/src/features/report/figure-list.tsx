import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

/** Labelled figures in a row that wraps: "Training rows 8,000", "Fit time 3.4 s". */
export function FigureList({
  items,
  className,
}: {
  items: { label: string; value: ReactNode; hint?: string }[];
  className?: string;
}) {
  return (
    <dl className={cn('grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-5', className)}>
      {items.map((item) => (
        <div key={item.label} className="grid content-start gap-0.5">
          <dt className="text-muted-foreground" title={item.hint}>
            {item.label}
          </dt>
          <dd className="tabular-nums">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
