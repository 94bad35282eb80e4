import { useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/api';
import { cn } from '@/lib/utils';
import { useJobLogs } from './use-jobs';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** The job's log lines, oldest first, refreshed while the job runs. */
export function JobLogs({ projectId, jobId, live }: { projectId: string; jobId: string; live: boolean }) {
  const logs = useJobLogs(projectId, jobId, live);
  const items = logs.data?.pages.flatMap((page) => page.items) ?? [];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = logs;
  // The last lines (finalizing, completed) arrive as the job ends: ask once more then.
  const wasLive = useRef(live);
  const { refetch } = logs;
  useEffect(() => {
    if (wasLive.current && !live) void refetch();
    wasLive.current = live;
  }, [live, refetch]);
  // While the job runs, a full last page means more lines are waiting: follow them.
  useEffect(() => {
    if (live && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [live, hasNextPage, isFetchingNextPage, fetchNextPage]);
  if (logs.isError) return <Alert variant="destructive">{errorMessage(logs.error)}</Alert>;
  if (logs.isPending) return <Skeleton className="h-24" />;
  return (
    <div className="grid gap-2">
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">No log lines yet.</p>
      ) : (
        <ol
          aria-label="Log"
          className="max-h-80 overflow-auto rounded-lg border bg-muted/30 p-2 font-mono text-xs leading-5"
        >
          {items.map((item) => (
            <li key={item.id} className="grid grid-cols-[5.5rem_3.5rem_6rem_1fr] gap-2">
              <time dateTime={item.time} className="text-muted-foreground">
                {timeFormat.format(new Date(item.time))}
              </time>
              <span
                className={cn(
                  'uppercase',
                  item.level === 'error'
                    ? 'text-destructive'
                    : item.level === 'warn'
                      ? 'text-warning'
                      : 'text-muted-foreground',
                )}
              >
                {item.level}
              </span>
              <span className="truncate text-muted-foreground">{item.stage}</span>
              <span className="break-words">{item.message}</span>
            </li>
          ))}
        </ol>
      )}
      {logs.hasNextPage && (
        <Button
          variant="outline"
          size="sm"
          className="justify-self-start"
          pending={logs.isFetchingNextPage}
          onClick={() => void logs.fetchNextPage()}
        >
          Load more lines
        </Button>
      )}
    </div>
  );
}
