import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { Spinner } from '@/components/ui/spinner';
import type { ConfigDraft } from '@/features/schema-builder/schema-model';
import { ApiError, errorMessage } from '@/lib/api';
import { twinDraft } from './twin-draft';
import { useSample } from './use-samples';

/**
 * Loads the sample a synthetic twin starts from and hands its draft to `children` once profiling has
 * finished; until then it says what is happening, and why not when the sample cannot be used.
 */
export function TwinStart({
  projectId,
  sampleId,
  children,
}: {
  projectId: string;
  sampleId: string;
  children: (twin: { name: string; config: ConfigDraft }) => ReactNode;
}) {
  const sample = useSample(projectId, sampleId);
  const back = (
    <Button asChild variant="outline" size="sm" className="w-fit">
      <Link to={`/projects/${projectId}/samples`}>Back to the samples</Link>
    </Button>
  );

  if (sample.isPending)
    return (
      <div className="grid gap-4" aria-busy="true">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-64" />
      </div>
    );
  if (sample.isError) {
    const gone = sample.error instanceof ApiError && sample.error.status === 404;
    return (
      <Alert variant="destructive">
        <AlertTitle>{gone ? 'This sample no longer exists' : 'Could not load the sample'}</AlertTitle>
        <AlertDescription className="grid gap-3">
          {gone ? 'It was deleted. Upload the file again to make a twin of it.' : errorMessage(sample.error)}
          {back}
        </AlertDescription>
      </Alert>
    );
  }

  const data = sample.data;
  switch (data.status) {
    case 'profiling':
      return (
        <Alert variant="info">
          <AlertTitle className="flex items-center gap-2">
            <Spinner /> Profiling “{data.name}”…
          </AlertTitle>
          <AlertDescription>The schema opens here as soon as its columns are known.</AlertDescription>
        </Alert>
      );
    case 'failed':
      return (
        <Alert variant="destructive">
          <AlertTitle>“{data.name}” could not be profiled</AlertTitle>
          <AlertDescription className="grid gap-3">
            {data.error ?? 'The file could not be read.'}
            {back}
          </AlertDescription>
        </Alert>
      );
    case 'removed':
      return (
        <Alert variant="warning">
          <AlertTitle>“{data.name}” was deleted after fitting</AlertTitle>
          <AlertDescription className="grid gap-3">
            The project deletes samples once a model is fitted. Upload the file again to make another twin.
            {back}
          </AlertDescription>
        </Alert>
      );
    case 'ready':
      if (!data.profile)
        return (
          <Alert variant="destructive">
            <AlertTitle>“{data.name}” has no profile</AlertTitle>
            <AlertDescription className="grid gap-3">Upload the file again.{back}</AlertDescription>
          </Alert>
        );
      return children(twinDraft({ ...data, profile: data.profile }));
  }
}
