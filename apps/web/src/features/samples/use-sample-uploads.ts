import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toast } from '@/components/ui/toast';
import { projectQueryKey } from '@/features/projects/use-projects';
import { ApiError, errorMessage } from '@/lib/api';
import { startSampleUpload, uploadCancelledCode } from './sample-upload';
import type { UploadProgress } from './upload-progress';
import { samplesQueryKey } from './use-samples';

export type SampleUpload = {
  key: number;
  name: string;
  progress: UploadProgress;
  /** Set when the upload failed; the row stays until dismissed. */
  error: string | undefined;
};

/**
 * The files being uploaded to a project, each with its progress, Cancel and its error. A finished
 * upload leaves the list: the sample appears among the project's samples, being profiled.
 */
export function useSampleUploads(projectId: string) {
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<SampleUpload[]>([]);
  const cancels = useRef(new Map<number, () => void>());
  const nextKey = useRef(1);

  // Leaving the page ends the uploads it started rather than letting them run unseen.
  useEffect(() => {
    const running = cancels.current;
    return () => {
      for (const cancel of running.values()) cancel();
    };
  }, []);

  const change = useCallback((key: number, update: (upload: SampleUpload) => SampleUpload | undefined) => {
    setUploads((previous) =>
      previous.flatMap((upload) => {
        if (upload.key !== key) return [upload];
        const next = update(upload);
        return next ? [next] : [];
      }),
    );
  }, []);

  const start = useCallback(
    (file: File) => {
      const key = nextKey.current++;
      setUploads((previous) => [
        ...previous,
        { key, name: file.name, progress: { loaded: 0, total: file.size }, error: undefined },
      ]);
      const { done, cancel } = startSampleUpload(projectId, file, (progress) =>
        change(key, (upload) => ({ ...upload, progress })),
      );
      cancels.current.set(key, cancel);
      done
        .then((sample) => {
          change(key, () => undefined);
          toast.success('Sample uploaded', `Profiling “${sample.name}”: its columns appear in a moment.`);
          // The file counts against the project's storage, which the overview and settings show.
          void queryClient.invalidateQueries({ queryKey: projectQueryKey(projectId) });
          return queryClient.invalidateQueries({ queryKey: samplesQueryKey(projectId), exact: true });
        })
        .catch((caught: unknown) => {
          if (caught instanceof ApiError && caught.code === uploadCancelledCode) {
            change(key, () => undefined);
            toast.info('Upload cancelled', `“${file.name}” was not saved.`);
            return;
          }
          change(key, (upload) => ({ ...upload, error: errorMessage(caught) }));
        })
        .finally(() => cancels.current.delete(key));
    },
    [projectId, queryClient, change],
  );

  const cancel = useCallback((key: number) => cancels.current.get(key)?.(), []);
  const dismiss = useCallback((key: number) => change(key, () => undefined), [change]);

  return { uploads, start, cancel, dismiss };
}
