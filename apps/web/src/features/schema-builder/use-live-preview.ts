import { useEffect, useRef, useState } from 'react';
import type { JobPreview } from '@/features/jobs/use-jobs';
import type { OutputFormat } from '@/features/projects/use-projects';
import { ApiError, api, toApiError } from '@/lib/api';
import type { ConfigDraft } from './schema-model';

export type LivePreview = {
  data: JobPreview | undefined;
  pending: boolean;
  error: ApiError | undefined;
};

/**
 * Asks the api for the first rows of each table ~300 ms after the last edit. An edit aborts the
 * request in flight, so an older answer never replaces a newer one.
 */
export function useLivePreview(
  projectId: string,
  config: ConfigDraft,
  valid: boolean,
  outputFormat: OutputFormat,
  enabled: boolean,
): LivePreview {
  const [state, setState] = useState<LivePreview>({ data: undefined, pending: false, error: undefined });
  const generation = useRef(0);
  useEffect(() => {
    if (!enabled || !valid) {
      setState((previous) => ({ ...previous, pending: false }));
      return;
    }
    const mine = ++generation.current;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, pending: true }));
    const timer = setTimeout(() => {
      api
        .POST('/api/projects/{projectId}/jobs/preview', {
          params: { path: { projectId } },
          body: { config: config as never, outputFormat, rows: 10, seed: 'preview' },
          signal: controller.signal,
        })
        .then(({ data, error, response }) => {
          if (mine !== generation.current) return;
          if (!response.ok)
            setState((previous) => ({ ...previous, pending: false, error: toApiError(error, response) }));
          else setState({ data, pending: false, error: undefined });
        })
        .catch((caught: unknown) => {
          if (controller.signal.aborted || mine !== generation.current) return;
          setState((previous) => ({
            ...previous,
            pending: false,
            error:
              caught instanceof ApiError
                ? caught
                : new ApiError({
                    status: 0,
                    code: 'network',
                    message: 'Cannot reach Synoptic. Check your connection.',
                  }),
          }));
        });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [projectId, config, valid, outputFormat, enabled]);
  return state;
}
