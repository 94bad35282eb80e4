import { CircleCheck, CircleX, TriangleAlert } from 'lucide-react';
import { cn } from '@/lib/utils';

/** A check's outcome as an icon and a word, so it reads without colour (and in print). */
export function PassFail({
  passed,
  failLabel = 'Failed',
  soft = false,
  className,
}: {
  passed: boolean;
  failLabel?: string;
  /** A failure that calls for a look rather than an alarm: amber instead of red. */
  soft?: boolean;
  className?: string;
}) {
  const Icon = passed ? CircleCheck : soft ? TriangleAlert : CircleX;
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 whitespace-nowrap font-medium',
        passed ? 'text-success' : soft ? 'text-warning' : 'text-destructive',
        className,
      )}
    >
      <Icon aria-hidden="true" className="size-4 shrink-0" />
      {passed ? 'Passed' : failLabel}
    </span>
  );
}
