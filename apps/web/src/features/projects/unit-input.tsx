import type { ComponentProps } from 'react';
import { Input } from '@/components/ui/input';
import { cn } from '@/lib/utils';

/** A number field with its unit ("days", "GiB") inside, on the right; no spinner to collide with it. */
export function UnitInput({ unit, className, ...props }: { unit: string } & ComponentProps<'input'>) {
  return (
    <div className="relative">
      <Input
        type="number"
        className={cn(
          'pr-12 [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none',
          className,
        )}
        {...props}
      />
      <span
        aria-hidden="true"
        className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-muted-foreground"
      >
        {unit}
      </span>
    </div>
  );
}
