import { FileUp, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { JobProgressBar } from '@/features/jobs/job-progress-bar';
import { formatUploadProgress, uploadPercent } from './upload-progress';
import type { SampleUpload } from './use-sample-uploads';

/** One row per file on its way up: the bytes sent, the percent, and Cancel (or the error and Dismiss). */
export function SampleUploadList({
  uploads,
  onCancel,
  onDismiss,
}: {
  uploads: SampleUpload[];
  onCancel: (key: number) => void;
  onDismiss: (key: number) => void;
}) {
  if (uploads.length === 0) return null;
  return (
    <ul aria-label="Uploads" className="grid gap-2">
      {uploads.map((upload) => {
        const percent = uploadPercent(upload.progress);
        // Every byte sent: the api is still writing the file to storage before it answers.
        const saving = !upload.error && upload.progress.total > 0 && percent === 100;
        return (
          <li
            key={upload.key}
            aria-label={`Upload of ${upload.name}`}
            className="grid gap-2 rounded-lg border bg-card p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_auto] sm:items-center sm:gap-4"
          >
            <div className="flex min-w-0 items-center gap-2">
              <FileUp aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
              <span className="truncate text-sm font-medium" title={upload.name}>
                {upload.name}
              </span>
            </div>
            {upload.error ? (
              <p role="alert" className="text-sm text-destructive">
                {upload.error}
              </p>
            ) : (
              <div className="grid gap-1">
                <JobProgressBar percent={percent} status="running" label={`Upload of ${upload.name}`} />
                <span className="flex items-center gap-1.5 text-xs tabular-nums text-muted-foreground">
                  {saving ? (
                    <>
                      <Spinner className="size-3" /> Saving to the project…
                    </>
                  ) : (
                    formatUploadProgress(upload.progress)
                  )}
                </span>
              </div>
            )}
            {upload.error ? (
              <Button
                type="button"
                variant="ghost"
                size="sm"
                aria-label={`Dismiss the failed upload of ${upload.name}`}
                onClick={() => onDismiss(upload.key)}
              >
                <X /> Dismiss
              </Button>
            ) : (
              <Button
                type="button"
                variant="outline"
                size="sm"
                aria-label={`Cancel upload of ${upload.name}`}
                onClick={() => onCancel(upload.key)}
              >
                Cancel
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
