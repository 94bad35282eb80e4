import { Label as Primitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

export function Label({ className, ...props }: ComponentProps<typeof Primitive.Root>) {
  return (
    <Primitive.Root
      className={cn('text-sm font-medium leading-none select-none peer-disabled:opacity-60', className)}
      {...props}
    />
  );
}
