import { CircleCheck, CircleX, LoaderCircle, PackageX } from 'lucide-react';
import { cn } from '@/lib/utils';
import type { SampleStatus } from './use-samples';

const looks: Record<SampleStatus, { label: string; className: string; icon: typeof CircleCheck }> = {
  profiling: { label: 'Profiling…', className: 'bg-primary/15 text-primary', icon: LoaderCircle },
  ready: { label: 'Ready', className: 'bg-success/15 text-success', icon: CircleCheck },
  failed: { label: 'Failed', className: 'bg-destructive/15 text-destructive', icon: CircleX },
  removed: { label: 'Removed after fitting', className: 'bg-muted text-muted-foreground', icon: PackageX },
};

/** A sample's status as a chip like a job's; the spinner turns while it is being profiled. */
export function SampleStatusBadge({ status, className }: { status: SampleStatus; className?: string }) {
  const look = looks[status];
  const Icon = look.icon;
  return (
    <span
      data-status={status}
      className={cn(
        'inline-flex w-fit items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap',
        look.className,
        className,
      )}
    >
      <Icon
        aria-hidden="true"
        className={cn('size-3', status === 'profiling' && 'animate-spin motion-reduce:animate-none')}
      />
      {look.label}
    </span>
  );
}
