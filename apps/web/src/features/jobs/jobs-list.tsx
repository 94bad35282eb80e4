import { Workflow } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { PrivacyFlag } from '@/features/report/privacy-flag';
import { errorMessage } from '@/lib/api';
import { formatDateTime, relativeTime } from '@/lib/format';
import { formatCount } from './job-format';
import { JobProgressBar } from './job-progress-bar';
import { JobStatusBadge, jobStatusLabel } from './job-status-badge';
import { type JobStatus, jobStatuses, useJobs, useProjectJobEvents } from './use-jobs';

const filters: { value: string; label: string; statuses: JobStatus[] }[] = [
  { value: 'all', label: 'All statuses', statuses: [] },
  { value: 'active', label: 'Queued or running', statuses: ['queued', 'running', 'cancelling'] },
  ...jobStatuses.map((status) => ({ value: status, label: jobStatusLabel(status), statuses: [status] })),
];

/** The project's jobs, newest first, kept live over Server-Sent Events, with a status filter. */
export function JobsList({ projectId, emptyHint }: { projectId: string; emptyHint: string }) {
  const [filter, setFilter] = useState('all');
  const statuses = filters.find((option) => option.value === filter)?.statuses ?? [];
  const jobs = useJobs(projectId, statuses);
  useProjectJobEvents(projectId);
  const items = jobs.data?.pages.flatMap((page) => page.jobs) ?? [];

  return (
    <div className="grid gap-3">
      <div className="flex items-center justify-end gap-2">
        <label htmlFor="job-status-filter" className="text-sm text-muted-foreground">
          Status
        </label>
        <Select
          id="job-status-filter"
          className="h-8 w-48"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        >
          {filters.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </div>
      {jobs.isError ? (
        <Alert variant="destructive">{errorMessage(jobs.error)}</Alert>
      ) : jobs.isPending ? (
        <div className="grid gap-2" aria-hidden="true">
          <Skeleton className="h-14" />
          <Skeleton className="h-14" />
        </div>
      ) : items.length === 0 ? (
        <section
          aria-label="Jobs"
          className="flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed px-6 py-10 text-center"
        >
          <span className="flex size-10 items-center justify-center rounded-full bg-muted">
            <Workflow aria-hidden="true" className="size-5 text-muted-foreground" />
          </span>
          <p className="font-medium">{filter === 'all' ? 'No jobs yet' : 'No job has this status'}</p>
          <p className="max-w-sm text-sm text-muted-foreground">{emptyHint}</p>
        </section>
      ) : (
        <div className="overflow-x-auto rounded-lg border">
          <table className="w-full table-fixed text-sm" aria-label="Jobs">
            <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Name
                </th>
                <th scope="col" className="w-28 px-3 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="w-[32%] px-3 py-2 font-medium">
                  Progress
                </th>
                <th scope="col" className="w-24 px-3 py-2 font-medium">
                  Created
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((job) => (
                <tr key={job.id} className="border-t align-top">
                  <td className="px-3 py-2.5">
                    <Link
                      to={`/projects/${projectId}/jobs/${job.id}`}
                      title={job.name}
                      className="block truncate rounded-sm font-medium hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      {job.name}
                    </Link>
                    <span className="block truncate text-xs text-muted-foreground">
                      {job.outputFormat.toUpperCase()} · {job.createdBy?.name ?? 'deleted user'}
                    </span>
                  </td>
                  <td className="px-3 py-2.5">
                    <div className="grid gap-1">
                      <JobStatusBadge status={job.status} />
                      {job.report?.privacyPassed === false && <PrivacyFlag />}
                    </div>
                  </td>
                  <td className="px-3 py-2.5">
                    <JobProgressBar
                      percent={job.progress.percent}
                      status={job.status}
                      label={`Progress of ${job.name}`}
                      className="h-5"
                    />
                    <span className="block truncate text-xs tabular-nums text-muted-foreground">
                      {formatCount(job.progress.rowsDone)}
                      {job.progress.rowsTotal !== null &&
                        job.progress.rowsDone !== job.progress.rowsTotal &&
                        ` of ${formatCount(job.progress.rowsTotal)}`}{' '}
                      rows
                    </span>
                  </td>
                  <td className="px-3 py-2.5">
                    <span className="block truncate" title={formatDateTime(job.createdAt)}>
                      {relativeTime(job.createdAt)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {jobs.hasNextPage && (
        <Button
          variant="outline"
          size="sm"
          className="justify-self-center"
          pending={jobs.isFetchingNextPage}
          onClick={() => void jobs.fetchNextPage()}
        >
          Load more
        </Button>
      )}
    </div>
  );
}
