import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { Toast as Primitive } from 'radix-ui';
import { useSyncExternalStore } from 'react';
import { cn } from '@/lib/utils';

type ToastVariant = 'success' | 'error' | 'info';
type ToastItem = { id: number; variant: ToastVariant; title: string; description?: string };

// A tiny store outside React, so any code (a mutation's onSuccess, a middleware) can notify.
let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

function push(variant: ToastVariant, title: string, description?: string): void {
  items = [...items.slice(-3), { id: nextId++, variant, title, ...(description ? { description } : {}) }];
  emit();
}

function dismiss(id: number): void {
  items = items.filter((item) => item.id !== id);
  emit();
}

/** Short feedback after an action: `toast.success('Profile saved')`. */
export const toast = {
  success: (title: string, description?: string) => push('success', title, description),
  error: (title: string, description?: string) => push('error', title, description),
  info: (title: string, description?: string) => push('info', title, description),
};

const icons = { success: CircleCheck, error: CircleAlert, info: Info };
const iconColors = { success: 'text-success', error: 'text-destructive', info: 'text-primary' };

export function Toaster() {
  const list = useSyncExternalStore(subscribe, () => items);
  return (
    <Primitive.Provider swipeDirection="right" duration={5000} label="Notification">
      {list.map((item) => {
        const Icon = icons[item.variant];
        return (
          <Primitive.Root
            key={item.id}
            type={item.variant === 'error' ? 'foreground' : 'background'}
            duration={item.variant === 'error' ? 8000 : 5000}
            onOpenChange={(open) => {
              if (!open) dismiss(item.id);
            }}
            className="group pointer-events-auto relative flex w-full items-start gap-3 rounded-lg border bg-card p-4 pr-10 text-card-foreground shadow-lg data-[state=open]:animate-[toast-in_200ms_ease-out] data-[swipe=end]:animate-[fade-out_150ms_ease-in] data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x)"
          >
            <Icon aria-hidden="true" className={cn('mt-0.5 size-4 shrink-0', iconColors[item.variant])} />
            <div className="grid gap-1">
              <Primitive.Title className="text-sm font-medium">{item.title}</Primitive.Title>
              {item.description && (
                <Primitive.Description className="text-sm text-muted-foreground">
                  {item.description}
                </Primitive.Description>
              )}
            </div>
            <Primitive.Close
              aria-label="Dismiss"
              className="absolute top-3 right-3 rounded-sm p-1 text-muted-foreground opacity-70 hover:opacity-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <X className="size-3.5" />
            </Primitive.Close>
          </Primitive.Root>
        );
      })}
      <Primitive.Viewport className="fixed right-0 bottom-0 z-[100] flex max-h-screen w-full flex-col gap-2 p-4 outline-none sm:max-w-sm" />
    </Primitive.Provider>
  );
}
