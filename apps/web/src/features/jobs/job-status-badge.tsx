import { Ban, CircleCheck, CircleX, Clock, Hourglass, LoaderCircle } from 'lucide-react';
import { cn } from '@/lib/utils';
import type { JobStatus } from './use-jobs';

const looks: Record<JobStatus, { label: string; className: string; icon: typeof Clock }> = {
  queued: { label: 'Queued', className: 'bg-muted text-muted-foreground', icon: Clock },
  running: { label: 'Running', className: 'bg-primary/15 text-primary', icon: LoaderCircle },
  cancelling: { label: 'Cancelling', className: 'bg-warning/20 text-warning', icon: LoaderCircle },
  completed: { label: 'Completed', className: 'bg-success/15 text-success', icon: CircleCheck },
  failed: { label: 'Failed', className: 'bg-destructive/15 text-destructive', icon: CircleX },
  cancelled: { label: 'Cancelled', className: 'bg-muted text-muted-foreground', icon: Ban },
  expired: { label: 'Expired', className: 'bg-muted text-muted-foreground', icon: Hourglass },
};

/** A job's status as a coloured chip; the spinner turns while the job runs. */
export function JobStatusBadge({ status, className }: { status: JobStatus; className?: string }) {
  const look = looks[status];
  const Icon = look.icon;
  const spinning = status === 'running' || status === 'cancelling';
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
        className={cn('size-3', spinning && 'animate-spin motion-reduce:animate-none')}
      />
      {look.label}
    </span>
  );
}

export function jobStatusLabel(status: JobStatus): string {
  return looks[status].label;
}
