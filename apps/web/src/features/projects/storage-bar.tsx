import { cn } from '@/lib/utils';
import { formatBytes } from './format-bytes';

/** Storage used against the quota: a bar that warns near the limit, and the figures in words. */
export function StorageBar({
  usedBytes,
  quotaBytes,
  className,
  compact = false,
}: {
  usedBytes: number;
  quotaBytes: number;
  className?: string;
  compact?: boolean;
}) {
  const ratio = quotaBytes > 0 ? Math.min(1, usedBytes / quotaBytes) : 0;
  const percent = Math.round(ratio * 100);
  const label = `${formatBytes(usedBytes)} of ${formatBytes(quotaBytes)} used`;
  return (
    <div className={cn('grid gap-1.5', className)}>
      {/* biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot be styled alike across browsers and themes */}
      <div
        role="meter"
        aria-label="Storage"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={label}
        className={cn('h-2 w-full overflow-hidden rounded-full bg-muted', compact && 'h-1.5')}
      >
        <div
          className={cn(
            'h-full rounded-full bg-primary transition-[width]',
            ratio >= 0.9 ? 'bg-destructive' : ratio >= 0.75 ? 'bg-warning' : 'bg-primary',
          )}
          // A sliver stays visible for a project that has stored anything at all.
          style={{ width: `${usedBytes > 0 ? Math.max(ratio * 100, 1) : 0}%` }}
        />
      </div>
      <div className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
        <span>{label}</span>
        {!compact && <span className="tabular-nums">{percent}%</span>}
      </div>
    </div>
  );
}
