import { ChevronLeft, FileX, Sparkles } from 'lucide-react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { Spinner } from '@/components/ui/spinner';
import { Tooltip } from '@/components/ui/tooltip';
import { formatBytes } from '@/features/projects/format-bytes';
import { useCurrentProject } from '@/features/projects/project-context';
import { can } from '@/features/projects/project-permissions';
import { SampleDeleteDialog } from '@/features/samples/sample-delete-dialog';
import { formatSampleShape, sampleFormatLabel } from '@/features/samples/sample-format';
import { canManageSamples } from '@/features/samples/sample-permissions';
import { SampleProfileTable } from '@/features/samples/sample-profile-table';
import { SampleStatusBadge } from '@/features/samples/sample-status-badge';
import { twinJobPath } from '@/features/samples/twin-draft';
import { type SampleDetail, useSample } from '@/features/samples/use-samples';
import { ApiError, errorMessage } from '@/lib/api';
import { formatDateTime, relativeTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';

/** One sample: what profiling found in each column, and the way to a synthetic twin of it. */
export function SampleDetailRoute() {
  const project = useCurrentProject();
  const { sampleId = '' } = useParams();
  const sample = useSample(project.id, sampleId);
  useDocumentTitle(`${sample.data?.name ?? 'Sample'} · ${project.name}`);
  const backLink = (
    <Link
      to={`/projects/${project.id}/samples`}
      className="flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <ChevronLeft aria-hidden="true" className="size-4" /> Samples
    </Link>
  );

  if (sample.isError) {
    if (sample.error instanceof ApiError && sample.error.status === 404)
      return (
        <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
          <span className="flex size-12 items-center justify-center rounded-full bg-muted">
            <FileX aria-hidden="true" className="size-6 text-muted-foreground" />
          </span>
          <h2 className="text-xl font-semibold">Sample not found</h2>
          <p className="text-muted-foreground">It may have been deleted.</p>
          <Button asChild>
            <Link to={`/projects/${project.id}/samples`}>Back to the samples</Link>
          </Button>
        </div>
      );
    return (
      <div className="grid gap-4">
        {backLink}
        <Alert variant="destructive">{errorMessage(sample.error)}</Alert>
      </div>
    );
  }
  if (sample.isPending)
    return (
      <div className="grid gap-4" aria-busy="true">
        {backLink}
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-64" />
      </div>
    );
  return (
    <div className="grid gap-6">
      <div className="grid gap-3">
        {backLink}
        <SampleHeader sample={sample.data} />
      </div>
      <SampleState sample={sample.data} />
      {sample.data.profile && (
        <Card className="overflow-hidden">
          <CardHeader className="pb-4">
            <CardTitle>Columns</CardTitle>
            <CardDescription>
              What profiling found. Personal data is masked here and generated in a twin, never copied; the
              schema builder lets you change any column before the job runs.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SampleProfileTable profile={sample.data.profile} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}

function SampleHeader({ sample }: { sample: SampleDetail }) {
  const project = useCurrentProject();
  const navigate = useNavigate();
  const mayRun = can(project.role, 'jobs.create') && !project.archived;
  const twinReady = sample.status === 'ready' && sample.profile !== null;
  const shape = formatSampleShape(sample.rows, sample.columns);
  const reason = !mayRun
    ? project.archived
      ? 'An archived project accepts no jobs.'
      : 'Viewers see samples; members and above make twins of them.'
    : sample.status === 'profiling'
      ? 'Wait until profiling has finished.'
      : sample.status === 'removed'
        ? 'The file was deleted after fitting; upload it again.'
        : 'This sample could not be profiled.';

  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="grid min-w-0 gap-1.5">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <h2 className="min-w-0 break-all text-xl font-semibold tracking-tight">{sample.name}</h2>
          <SampleStatusBadge status={sample.status} />
        </div>
        <p className="text-sm text-muted-foreground">
          {sampleFormatLabel(sample.format)} · {formatBytes(sample.bytes)}
          {shape && ` · ${shape}`} · uploaded{' '}
          <span title={formatDateTime(sample.createdAt)}>{relativeTime(sample.createdAt)}</span>
          {sample.createdBy && ` by ${sample.createdBy.name}`}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {canManageSamples(project) && (
          <SampleDeleteDialog
            projectId={project.id}
            sample={sample}
            onDeleted={() => void navigate(`/projects/${project.id}/samples`)}
          />
        )}
        {mayRun && twinReady ? (
          <Button asChild>
            <Link to={twinJobPath(project.id, sample.id)}>
              <Sparkles /> Create synthetic twin
            </Link>
          </Button>
        ) : (
          <Tooltip content={reason}>
            <Button disabled>
              <Sparkles /> Create synthetic twin
            </Button>
          </Tooltip>
        )}
      </div>
    </div>
  );
}

function SampleState({ sample }: { sample: SampleDetail }) {
  switch (sample.status) {
    case 'profiling':
      return (
        <Alert variant="info">
          <AlertTitle className="flex items-center gap-2">
            <Spinner /> Profiling…
          </AlertTitle>
          <AlertDescription>
            Synoptic is reading the file: the types, empty values and likely personal data of each column
            appear here when it has finished.
          </AlertDescription>
        </Alert>
      );
    case 'failed':
      return (
        <Alert variant="destructive">
          <AlertTitle>This sample could not be profiled</AlertTitle>
          <AlertDescription>{sample.error ?? 'The file could not be read.'}</AlertDescription>
        </Alert>
      );
    case 'removed':
      return (
        <Alert variant="info">
          <AlertTitle>The file was deleted after fitting</AlertTitle>
          <AlertDescription>
            This project deletes samples once a model has learned from them
            {sample.removedAt ? ` (${formatDateTime(sample.removedAt)})` : ''}. The profile stays for
            reference; upload the file again to make another twin.
          </AlertDescription>
        </Alert>
      );
    case 'ready':
      return null;
  }
}
