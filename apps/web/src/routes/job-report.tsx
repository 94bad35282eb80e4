import { ChevronLeft, Printer } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { JobStatusBadge } from '@/features/jobs/job-status-badge';
import { useJob } from '@/features/jobs/use-jobs';
import { useCurrentProject } from '@/features/projects/project-context';
import { ReportView } from '@/features/report/report-view';
import { useJobReport } from '@/features/report/use-job-report';
import { ApiError, errorMessage } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';

/** A completed job's report.json as a page: quality, privacy and conformance, with charts. */
export function JobReportRoute() {
  const project = useCurrentProject();
  const { jobId = '' } = useParams();
  const job = useJob(project.id, jobId);
  const completed = job.data?.status === 'completed';
  const report = useJobReport(project.id, jobId, completed);
  useDocumentTitle(job.data ? `Report · ${job.data.name} · ${project.name}` : 'Report');
  const jobPath = `/projects/${project.id}/jobs/${jobId}`;

  let body: ReactNode;
  if (job.isError) {
    body = (
      <Alert variant="destructive">
        {job.error instanceof ApiError && job.error.status === 404
          ? 'This job does not exist, or it was deleted.'
          : errorMessage(job.error)}
      </Alert>
    );
  } else if (job.data?.status === 'expired') {
    body = (
      <Alert variant="info">
        <AlertTitle>The files of this job have expired, and its report with them</AlertTitle>
        <AlertDescription>
          Re-run the job with the same seed to get the same data and its report again.
        </AlertDescription>
      </Alert>
    );
  } else if (job.data && !completed) {
    body = (
      <Alert variant="info">
        <AlertTitle>The report is written when the job completes</AlertTitle>
        <AlertDescription>
          This job is <JobStatusBadge status={job.data.status} />.
        </AlertDescription>
      </Alert>
    );
  } else if (report.isError) {
    body =
      report.error instanceof ApiError && report.error.status === 404 ? (
        <Alert variant="info">
          <AlertTitle>This job has no report</AlertTitle>
          <AlertDescription>
            Reports are written for jobs completed since Synoptic learned to check quality and privacy. Re-run
            this job with the same seed to get the same data with its report.
          </AlertDescription>
        </Alert>
      ) : (
        <Alert variant="destructive">
          <AlertTitle>The report could not be loaded</AlertTitle>
          <AlertDescription>{errorMessage(report.error)}</AlertDescription>
        </Alert>
      );
  } else if (!report.data) {
    body = (
      <div className="grid gap-4" aria-hidden="true">
        <Skeleton className="h-24" />
        <Skeleton className="h-96" />
      </div>
    );
  } else {
    body = <ReportView report={report.data} />;
  }

  return (
    <div className="grid gap-4">
      <Link
        to={jobPath}
        className="flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring print:hidden"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> Back to the job
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid min-w-0 gap-1">
          {job.data ? (
            <h2 className="min-w-0 break-words text-xl font-semibold tracking-tight">
              Report: {job.data.name}
            </h2>
          ) : (
            <Skeleton className="h-7 w-64" />
          )}
          {report.data && (
            <p className="text-sm text-muted-foreground">Written {formatDateTime(report.data.createdAt)}</p>
          )}
        </div>
        {report.data && (
          <Button variant="outline" className="print:hidden" onClick={() => window.print()}>
            <Printer /> Print
          </Button>
        )}
      </div>
      {body}
    </div>
  );
}
