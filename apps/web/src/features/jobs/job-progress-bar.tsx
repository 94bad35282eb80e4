import { cn } from '@/lib/utils';
import type { JobStatus } from './use-jobs';

const barColour: Partial<Record<JobStatus, string>> = {
  completed: 'bg-success',
  failed: 'bg-destructive',
  cancelling: 'bg-warning',
};

/** A progress bar with the percent beside it, announced as a progressbar. */
export function JobProgressBar({
  percent,
  status,
  label,
  className,
}: {
  percent: number;
  status: JobStatus;
  label: string;
  className?: string;
}) {
  const value = Math.max(0, Math.min(100, Math.floor(percent)));
  return (
    <div className={cn('flex items-center gap-2', className)}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        className="h-2 min-w-16 flex-1 overflow-hidden rounded-full bg-muted"
      >
        <div
          className={cn(
            'h-full rounded-full transition-[width] duration-500 motion-reduce:transition-none',
            barColour[status] ?? 'bg-primary',
          )}
          style={{ width: `${value}%` }}
        />
      </div>
      <span className="w-10 text-right text-xs tabular-nums text-muted-foreground" data-testid="job-percent">
        {value}%
      </span>
    </div>
  );
}
