import { Ban, Check, CircleX } from 'lucide-react';
import { cn } from '@/lib/utils';
import { type JobStage, jobStages, type StagedJob } from './job-stages';
import type { Job } from './use-jobs';

function reachedIndex(job: Job, steps: JobStage[]): number {
  if (job.status === 'completed' || job.status === 'expired') return steps.length;
  const at = steps.findIndex((step) => step.id === job.stage);
  return at === -1 ? 0 : at;
}

/** The job's stages (see jobStages); a failed or cancelled job ends where it stopped. */
export function JobStageStepper({ job }: { job: Job & Pick<StagedJob, 'config'> }) {
  const steps = jobStages(job);
  const stopped = job.status === 'failed' || job.status === 'cancelled' || job.status === 'cancelling';
  const failedAt = job.status === 'failed' ? steps.findIndex((step) => step.id === job.error?.stage) : -1;
  let current = reachedIndex(job, steps);
  if (stopped) current = failedAt >= 0 ? failedAt : Math.min(current, steps.length - 1);
  const list = stopped
    ? [
        ...steps.slice(0, current),
        {
          id: job.status,
          label:
            job.status === 'failed'
              ? `Failed while ${steps[current]?.label.toLowerCase() ?? 'running'}`
              : job.status === 'cancelling'
                ? 'Cancelling…'
                : 'Cancelled',
        },
      ]
    : steps;
  return (
    <ol aria-label="Stages" className="flex flex-wrap items-center gap-x-2 gap-y-2">
      {list.map((step, index) => {
        const done = index < current || (step.id === 'completed' && current === steps.length);
        const active = !done && index === current;
        const bad = step.id === 'failed' || step.id === 'cancelled' || step.id === 'cancelling';
        return (
          <li
            key={step.id}
            aria-current={active ? 'step' : undefined}
            className="flex items-center gap-2 text-sm"
          >
            {index > 0 && (
              <span
                aria-hidden="true"
                className={cn('h-px w-6 sm:w-10', done || active ? 'bg-primary' : 'bg-border')}
              />
            )}
            <span
              className={cn(
                'flex size-6 items-center justify-center rounded-full border text-xs font-medium',
                done && 'border-success bg-success text-white',
                active && !bad && 'border-primary text-primary',
                active && bad && step.id === 'failed' && 'border-destructive bg-destructive text-white',
                active && bad && step.id !== 'failed' && 'border-muted-foreground text-muted-foreground',
                !done && !active && 'text-muted-foreground',
              )}
            >
              {done ? (
                <Check aria-hidden="true" className="size-3.5" />
              ) : step.id === 'failed' ? (
                <CircleX aria-hidden="true" className="size-3.5" />
              ) : step.id === 'cancelled' || step.id === 'cancelling' ? (
                <Ban aria-hidden="true" className="size-3.5" />
              ) : active ? (
                <span className="size-2 animate-pulse rounded-full bg-primary motion-reduce:animate-none" />
              ) : (
                index + 1
              )}
            </span>
            <span
              className={cn(
                active ? 'font-medium text-foreground' : done ? 'text-foreground' : 'text-muted-foreground',
              )}
            >
              {step.label}
              <span className="sr-only">{done ? ' (done)' : active ? ' (current)' : ''}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
