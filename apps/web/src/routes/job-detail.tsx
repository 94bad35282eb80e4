import { ChevronLeft, Download, Eye, MessageSquareText, RotateCcw, Square, Trash2 } from 'lucide-react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { Skeleton } from '@/components/ui/skeleton';
import { Tooltip } from '@/components/ui/tooltip';
import { formatCount, formatDuration, secondsBetween } from '@/features/jobs/job-format';
import { JobLogs } from '@/features/jobs/job-logs';
import { JobProgressBar } from '@/features/jobs/job-progress-bar';
import { JobStageStepper } from '@/features/jobs/job-stage-stepper';
import { JobStatusBadge } from '@/features/jobs/job-status-badge';
import {
  fileUrl,
  isFinished,
  type JobDetail,
  useCancelJob,
  useDeleteJob,
  useJob,
  useJobEvents,
  useRerunJob,
  zipUrl,
} from '@/features/jobs/use-jobs';
import { ConfirmDialog } from '@/features/projects/confirm-dialog';
import { formatBytes } from '@/features/projects/format-bytes';
import { useCurrentProject } from '@/features/projects/project-context';
import { can } from '@/features/projects/project-permissions';
import { PrivacyDownload } from '@/features/report/privacy-download';
import { ReportSummaryCard } from '@/features/report/report-summary';
import { reportPath, useFailedPrivacyChecks } from '@/features/report/use-job-report';
import { chatPath, isExplorable, viewerPath } from '@/features/viewer/dataset-links';
import { ApiError, errorMessage } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';

const stageWords: Record<string, string> = {
  queued: 'while it waited in the queue',
  validating: 'while checking the schema',
  fitting: 'while learning from the sample',
  generating: 'while generating rows',
  reporting: 'while writing the report',
  finalizing: 'while writing the output files',
};

/** Why a job cannot be opened in the viewer (yet). */
function viewerUnavailable(job: JobDetail): string {
  if (job.status === 'completed')
    return 'The viewer reads CSV, JSON Lines and Parquet outputs; this job wrote SQL.';
  if (job.status === 'expired') return 'The files of this job have expired.';
  if (isFinished(job.status)) return 'This job has no output to view.';
  return 'The viewer opens once the job has completed.';
}

export function JobDetailRoute() {
  const project = useCurrentProject();
  const { jobId = '' } = useParams();
  const job = useJob(project.id, jobId);
  useJobEvents(project.id, jobId);
  useDocumentTitle(job.data ? `${job.data.name} · ${project.name}` : 'Job');

  const back = (
    <Link
      to={`/projects/${project.id}/jobs`}
      className="flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <ChevronLeft aria-hidden="true" className="size-4" /> All jobs
    </Link>
  );
  if (job.isError) {
    return (
      <div className="grid gap-4">
        {back}
        <Alert variant="destructive">
          {job.error instanceof ApiError && job.error.status === 404
            ? 'This job does not exist, or it was deleted.'
            : errorMessage(job.error)}
        </Alert>
      </div>
    );
  }
  if (!job.data) {
    return (
      <div className="grid gap-4" aria-hidden="true">
        {back}
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-40" />
      </div>
    );
  }
  return (
    <div className="grid gap-4">
      {back}
      <JobView job={job.data} canManage={can(project.role, 'jobs.create') && !project.archived} />
    </div>
  );
}

function JobView({ job, canManage }: { job: JobDetail; canManage: boolean }) {
  const project = useCurrentProject();
  const navigate = useNavigate();
  const cancel = useCancelJob(project.id, job.id);
  const rerun = useRerunJob(project.id, job.id);
  const remove = useDeleteJob(project.id, job.id);
  const finished = isFinished(job.status);
  const active = !finished;
  const duration = secondsBetween(job.startedAt, job.finishedAt);
  const { progress } = job;
  const summary = job.status === 'completed' ? job.report : null;
  const failedChecks = useFailedPrivacyChecks(project.id, job);

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid min-w-0 gap-1.5">
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="min-w-0 break-words text-xl font-semibold tracking-tight">{job.name}</h2>
            <JobStatusBadge status={job.status} />
          </div>
          <p className="text-sm text-muted-foreground">
            {job.outputFormat.toUpperCase()} · seed <code className="font-mono">{job.seed}</code> · by{' '}
            {job.createdBy?.name ?? 'a deleted user'} · {formatDateTime(job.createdAt)}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {isExplorable(job) ? (
            <>
              <Button asChild variant="outline">
                <Link to={viewerPath(project.id, job.id)}>
                  <Eye /> Open in viewer
                </Link>
              </Button>
              <Button asChild variant="outline">
                <Link to={chatPath(project.id, job.id)}>
                  <MessageSquareText /> Ask about this data
                </Link>
              </Button>
            </>
          ) : (
            <Tooltip content={viewerUnavailable(job)}>
              <Button variant="outline" disabled>
                <Eye /> Open in viewer
              </Button>
            </Tooltip>
          )}
          {canManage && active && (
            <ConfirmDialog
              trigger={
                <Button variant="outline" disabled={job.status === 'cancelling'}>
                  <Square /> Cancel job
                </Button>
              }
              title={`Cancel “${job.name}”?`}
              description="The job stops and the rows written so far are discarded."
              confirmLabel="Cancel job"
              destructive
              onConfirm={() => cancel.mutateAsync()}
            />
          )}
          {canManage && finished && (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="outline" pending={rerun.isPending}>
                  <RotateCcw /> Re-run
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuItem
                  onSelect={() =>
                    rerun.mutate('same', {
                      onSuccess: (next) => void navigate(`/projects/${project.id}/jobs/${next.id}`),
                    })
                  }
                >
                  With the same seed (same data)
                </DropdownMenuItem>
                <DropdownMenuItem
                  onSelect={() =>
                    rerun.mutate('new', {
                      onSuccess: (next) => void navigate(`/projects/${project.id}/jobs/${next.id}`),
                    })
                  }
                >
                  With a new seed (new data)
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          )}
          {canManage && finished && (
            <ConfirmDialog
              trigger={
                <Button variant="outline" className="text-destructive hover:text-destructive">
                  <Trash2 /> Delete
                </Button>
              }
              title={`Delete “${job.name}”?`}
              description="The job, its log and its files are deleted. This cannot be undone."
              confirmLabel="Delete job"
              destructive
              onConfirm={async () => {
                await remove.mutateAsync();
                await navigate(`/projects/${project.id}/jobs`);
              }}
            />
          )}
        </div>
      </div>

      <Card>
        <CardContent className="grid gap-5 pt-6">
          <JobStageStepper job={job} />
          {job.waitingForPipeline && active && (
            <Alert variant="warning">
              <AlertTitle>Waiting for the pipeline</AlertTitle>
              <AlertDescription>
                The generation pipeline is not reachable right now. The job is safe in the queue and starts
                when it answers again.
              </AlertDescription>
            </Alert>
          )}
          {job.status === 'failed' && job.error && (
            <Alert variant="destructive">
              <AlertTitle>
                The job failed {stageWords[job.error.stage] ?? `at the ${job.error.stage} stage`}
              </AlertTitle>
              <AlertDescription>{job.error.message}</AlertDescription>
            </Alert>
          )}
          {job.status === 'expired' && (
            <Alert variant="info">
              <AlertTitle>The files have expired</AlertTitle>
              <AlertDescription>
                They were deleted after the project's retention period. Re-run the job with the same seed to
                get the same data again.
              </AlertDescription>
            </Alert>
          )}
          <div className="grid gap-2">
            <JobProgressBar
              percent={progress.percent}
              status={job.status}
              label="Progress"
              className="[&>div]:h-3"
            />
            <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-muted-foreground">Rows</dt>
                <dd className="tabular-nums" data-testid="job-rows">
                  {formatCount(progress.rowsDone)}
                  {progress.rowsTotal !== null && <> of {formatCount(progress.rowsTotal)}</>}
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Speed</dt>
                <dd className="tabular-nums">
                  {active && progress.rowsPerSecond
                    ? `${formatCount(progress.rowsPerSecond)} rows/s`
                    : job.status === 'completed' && duration
                      ? `${formatCount(progress.rowsDone / duration)} rows/s on average`
                      : '—'}
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{finished ? 'Duration' : 'Time left'}</dt>
                <dd className="tabular-nums">
                  {finished
                    ? duration !== undefined
                      ? formatDuration(duration)
                      : '—'
                    : progress.etaSeconds !== null
                      ? `about ${formatDuration(progress.etaSeconds)}`
                      : '—'}
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{job.bytes !== null ? 'Size' : 'Estimated size'}</dt>
                <dd className="tabular-nums">
                  {job.bytes !== null
                    ? formatBytes(job.bytes)
                    : job.estimatedBytes !== null
                      ? `≈ ${formatBytes(job.estimatedBytes)}`
                      : '—'}
                </dd>
              </div>
            </dl>
          </div>
        </CardContent>
      </Card>

      {summary && (
        <ReportSummaryCard
          projectId={project.id}
          jobId={job.id}
          summary={summary}
          failedChecks={failedChecks}
        />
      )}

      {job.status === 'completed' && <JobFiles job={job} duration={duration} failedChecks={failedChecks} />}

      <Card>
        <CardHeader className="pb-4">
          <CardTitle>Log</CardTitle>
          <CardDescription>
            {active ? 'Refreshes while the job runs.' : 'What happened, oldest first.'}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <JobLogs projectId={project.id} jobId={job.id} live={active} />
        </CardContent>
      </Card>
    </div>
  );
}

function JobFiles({
  job,
  duration,
  failedChecks,
}: {
  job: JobDetail;
  duration: number | undefined;
  /** The privacy checks the job failed, when downloads need a confirmation; null when they do not. */
  failedChecks: string[] | null;
}) {
  const project = useCurrentProject();
  const reportHref = reportPath(project.id, job.id);
  const totalRows = job.files.reduce((sum, file) => sum + file.rows, 0);
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-4 pb-4">
        <div className="grid gap-1.5">
          <CardTitle>Output</CardTitle>
          <CardDescription>
            {formatCount(totalRows)} rows · {formatBytes(job.bytes ?? 0)}
            {duration !== undefined && <> · generated in {formatDuration(duration)}</>}
          </CardDescription>
        </div>
        <PrivacyDownload
          href={zipUrl(project.id, job.id)}
          failedChecks={failedChecks}
          reportHref={reportHref}
        >
          <Download /> Download all (.zip)
        </PrivacyDownload>
      </CardHeader>
      <CardContent>
        {job.files.length === 0 ? (
          <p className="text-sm text-muted-foreground">This job wrote no files.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border">
            <table className="w-full text-sm" aria-label="Files">
              <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    File
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Table
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Rows
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Size
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Download</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {job.files.map((file) => (
                  <tr key={`${file.table}/${file.name}`} className="border-t">
                    <td className="px-3 py-2 font-mono text-xs break-all" title={`SHA-256 ${file.sha256}`}>
                      {file.name}
                    </td>
                    <td className="px-3 py-2">{file.table}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatCount(file.rows)}</td>
                    <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
                      {formatBytes(file.bytes)}
                    </td>
                    <td className="px-3 py-2 text-right">
                      <PrivacyDownload
                        href={fileUrl(project.id, job.id, file.name)}
                        failedChecks={failedChecks}
                        reportHref={reportHref}
                        variant="ghost"
                        size="sm"
                        aria-label={`Download ${file.table} ${file.name}`}
                      >
                        <Download /> Download
                      </PrivacyDownload>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
