import {
  Binary,
  Braces,
  Calendar,
  CalendarClock,
  DecimalsArrowRight,
  Hash,
  type LucideIcon,
  Type,
} from 'lucide-react';
import { cn } from '@/lib/utils';
import type { ColumnKind } from './use-dataset';

const icons: Record<ColumnKind, LucideIcon> = {
  integer: Hash,
  decimal: DecimalsArrowRight,
  boolean: Binary,
  text: Type,
  date: Calendar,
  timestamp: CalendarClock,
  other: Braces,
};

export const kindLabels: Record<ColumnKind, string> = {
  integer: 'Whole number',
  decimal: 'Decimal number',
  boolean: 'True or false',
  text: 'Text',
  date: 'Date',
  timestamp: 'Date and time',
  other: 'Other',
};

/** The column's kind as a small icon; the words are for screen readers and the hover title. */
export function ColumnKindIcon({ kind, className }: { kind: ColumnKind; className?: string }) {
  const Icon = icons[kind];
  return (
    <span title={kindLabels[kind]} className="inline-flex shrink-0">
      <Icon aria-hidden="true" className={cn('size-3.5 text-muted-foreground', className)} />
      <span className="sr-only">({kindLabels[kind]})</span>
    </span>
  );
}
