import { ChevronLeft, MessageSquareText, Table2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { Spinner } from '@/components/ui/spinner';
import { formatCount } from '@/features/jobs/job-format';
import { JobStatusBadge } from '@/features/jobs/job-status-badge';
import { type JobDetail, useJob } from '@/features/jobs/use-jobs';
import { PrivacyFlag } from '@/features/report/privacy-flag';
import { ApiError, errorMessage } from '@/lib/api';
import { cn } from '@/lib/utils';
import { chatPath, explorableFormats, viewerPath } from './dataset-links';

const tabClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    'inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring [&_svg]:size-4',
    isActive && 'bg-background text-foreground shadow-sm',
  );

function DatasetHeader({
  projectId,
  jobId,
  job,
}: {
  projectId: string;
  jobId: string;
  job: JobDetail | undefined;
}) {
  const rows = job?.files.reduce((sum, file) => sum + file.rows, 0);
  return (
    <div className="grid gap-3">
      <Link
        to={`/projects/${projectId}/jobs/${jobId}`}
        className="flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> Back to the job
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        {job ? (
          <div className="flex min-w-0 flex-wrap items-baseline gap-x-3 gap-y-1">
            <h2 className="min-w-0 break-words text-xl font-semibold tracking-tight">{job.name}</h2>
            <p className="text-sm text-muted-foreground">
              {job.outputFormat.toUpperCase()}
              {rows !== undefined && job.status === 'completed' && <> · {formatCount(rows)} rows</>}
            </p>
            {job.report?.privacyPassed === false && <PrivacyFlag />}
          </div>
        ) : (
          <Skeleton className="h-7 w-64" />
        )}
        <nav aria-label="Dataset" className="inline-flex rounded-lg bg-muted p-1">
          <NavLink to={viewerPath(projectId, jobId)} className={tabClass}>
            <Table2 aria-hidden="true" /> Data
          </NavLink>
          <NavLink to={chatPath(projectId, jobId)} className={tabClass}>
            <MessageSquareText aria-hidden="true" /> Ask
          </NavLink>
        </nav>
      </div>
    </div>
  );
}

/** "Preparing the dataset…": the first open of a job imports its output, which takes a moment. */
export function PreparingDataset({ rows }: { rows?: number | undefined }) {
  return (
    <div
      role="status"
      className="flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed px-6 py-16 text-center"
    >
      <Spinner className="size-6 text-primary" />
      <p className="font-medium">Preparing the dataset…</p>
      <p className="max-w-md text-sm text-muted-foreground">
        The first time a job is opened, its output is read into a query engine
        {rows !== undefined && rows > 0 ? <> ({formatCount(rows)} rows)</> : null}. This takes about three
        seconds per million rows; after that it opens at once.
      </p>
    </div>
  );
}

/**
 * The frame of the viewer and the chat: the job's name, the Data / Ask switch, and the reasons a
 * job cannot be explored (still running, failed, expired, written as SQL) instead of the content.
 */
export function DatasetPage({
  projectId,
  jobId,
  children,
}: {
  projectId: string;
  jobId: string;
  children: (job: JobDetail) => ReactNode;
}) {
  const job = useJob(projectId, jobId);
  let body: ReactNode;
  if (job.isError) {
    body = (
      <Alert variant="destructive">
        {job.error instanceof ApiError && job.error.status === 404
          ? 'This job does not exist, or it was deleted.'
          : errorMessage(job.error)}
      </Alert>
    );
  } else if (!job.data) {
    body = <Skeleton className="h-96" />;
  } else if (job.data.status !== 'completed') {
    body = (
      <Alert variant="info">
        <AlertTitle>
          {job.data.status === 'expired'
            ? 'The files of this job have expired'
            : 'This job has no output to explore yet'}
        </AlertTitle>
        <AlertDescription className="grid gap-3">
          <span>
            The viewer and the chat read a completed job’s output. This one is{' '}
            <JobStatusBadge status={job.data.status} />.
          </span>
          <Button asChild variant="outline" size="sm" className="w-fit">
            <Link to={`/projects/${projectId}/jobs/${jobId}`}>Go to the job</Link>
          </Button>
        </AlertDescription>
      </Alert>
    );
  } else if (!explorableFormats.has(job.data.outputFormat)) {
    body = (
      <Alert variant="info">
        <AlertTitle>SQL outputs cannot be explored here</AlertTitle>
        <AlertDescription>
          The viewer reads CSV, JSON Lines and Parquet outputs. Re-run the job as CSV or Parquet to explore
          it.
        </AlertDescription>
      </Alert>
    );
  } else {
    body = children(job.data);
  }
  return (
    <div className="grid gap-4">
      <DatasetHeader projectId={projectId} jobId={jobId} job={job.data} />
      {body}
    </div>
  );
}
