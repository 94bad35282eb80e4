import { Tooltip as Primitive } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

/**
 * Explains a control on hover and on keyboard focus. A disabled control gets no pointer events,
 * so the trigger is a focusable wrapper around it: the reason stays reachable by mouse and keyboard.
 */
export function Tooltip({
  content,
  children,
  className,
  side = 'top',
}: {
  content: ReactNode;
  children: ReactNode;
  className?: string;
  side?: 'top' | 'right' | 'bottom' | 'left';
}) {
  return (
    <Primitive.Provider delayDuration={200}>
      <Primitive.Root>
        <Primitive.Trigger asChild>
          <span
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a disabled control takes no focus; its wrapper does, so the reason is reachable by keyboard
            tabIndex={0}
            className={cn(
              'inline-flex rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring',
              className,
            )}
          >
            {children}
          </span>
        </Primitive.Trigger>
        <Primitive.Portal>
          <Primitive.Content
            side={side}
            sideOffset={6}
            className="z-50 max-w-64 rounded-md border bg-card px-3 py-1.5 text-xs text-card-foreground shadow-md data-[state=delayed-open]:animate-[fade-in_120ms_ease-out]"
          >
            {content}
          </Primitive.Content>
        </Primitive.Portal>
      </Primitive.Root>
    </Primitive.Provider>
  );
}
