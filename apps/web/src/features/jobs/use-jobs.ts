import type { components } from '@synoptic/contract/api-types';
import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import { toast } from '@/components/ui/toast';
import { api, call, errorMessage } from '@/lib/api';

export type Job = components['schemas']['Job'];
export type JobDetail = components['schemas']['JobDetail'];
export type JobStatus = components['schemas']['JobStatus'];
export type JobPage = components['schemas']['JobPage'];
export type JobPreview = components['schemas']['JobPreview'];
export type CreateJobInput = components['schemas']['CreateJobRequestInput'];
export type JobReportSummary = components['schemas']['JobReportSummary'];

export const jobStatuses: JobStatus[] = [
  'queued',
  'running',
  'cancelling',
  'completed',
  'failed',
  'cancelled',
  'expired',
];

const finished = new Set<JobStatus>(['completed', 'failed', 'cancelled', 'expired']);

export function isFinished(status: JobStatus): boolean {
  return finished.has(status);
}

export const jobsQueryKey = (projectId: string) => ['projects', projectId, 'jobs'] as const;
export const jobQueryKey = (projectId: string, jobId: string) =>
  ['projects', projectId, 'jobs', 'detail', jobId] as const;

const pageSize = 20;

/** The project's jobs, newest first, a page at a time, limited to `statuses` when given. */
export function useJobs(projectId: string, statuses: JobStatus[]) {
  const status = statuses.join(',');
  return useInfiniteQuery({
    queryKey: [...jobsQueryKey(projectId), 'list', { status }],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/projects/{projectId}/jobs', {
          params: {
            path: { projectId },
            query: {
              limit: pageSize,
              ...(status ? { status } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useJob(projectId: string, jobId: string) {
  return useQuery({
    queryKey: jobQueryKey(projectId, jobId),
    queryFn: () =>
      call(api.GET('/api/projects/{projectId}/jobs/{jobId}', { params: { path: { projectId, jobId } } })),
  });
}

const logPageSize = 100;

/** The job's log, oldest first; refreshed every 2 s while `live`. */
export function useJobLogs(projectId: string, jobId: string, live: boolean) {
  return useInfiniteQuery({
    queryKey: [...jobQueryKey(projectId, jobId), 'logs'],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/projects/{projectId}/jobs/{jobId}/logs', {
          params: {
            path: { projectId, jobId },
            query: { limit: logPageSize, ...(pageParam !== undefined ? { after: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as number | undefined,
    // A short page is the end for now; while the job runs, refetching the last page finds new lines.
    getNextPageParam: (page) =>
      page.items.length < logPageSize ? undefined : (page.nextCursor ?? undefined),
    refetchInterval: live ? 2000 : false,
  });
}

/** Puts a job the server pushed into every cached list page and into its detail. */
function applyJob(queryClient: QueryClient, job: Job): void {
  let known = false;
  queryClient.setQueriesData<InfiniteData<JobPage>>(
    { queryKey: [...jobsQueryKey(job.projectId), 'list'] },
    (data) => {
      if (!data) return data;
      return {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          jobs: page.jobs.map((item) => {
            if (item.id !== job.id) return item;
            known = true;
            return job;
          }),
        })),
      };
    },
  );
  const detailKey = jobQueryKey(job.projectId, job.id);
  const detail = queryClient.getQueryData<JobDetail>(detailKey);
  if (detail) {
    queryClient.setQueryData<JobDetail>(detailKey, { ...detail, ...job });
    // Files and final sizes come with the detail only.
    if (job.status !== detail.status && isFinished(job.status)) {
      void queryClient.invalidateQueries({ queryKey: detailKey, exact: true });
    }
  }
  // A job no list shows yet (just created, or its status now matches a filter): ask again.
  if (!known) void queryClient.invalidateQueries({ queryKey: [...jobsQueryKey(job.projectId), 'list'] });
}

/** Follows `job` events over Server-Sent Events; EventSource reconnects and resumes by itself. */
function useJobEventSource(url: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url);
    const onJob = (event: MessageEvent<string>) => {
      try {
        applyJob(queryClient, JSON.parse(event.data) as Job);
      } catch {
        // A malformed event is ignored; the next one carries the whole job again.
      }
    };
    source.addEventListener('job', onJob);
    return () => {
      source.removeEventListener('job', onJob);
      source.close();
    };
  }, [url, queryClient]);
}

export function useProjectJobEvents(projectId: string) {
  useJobEventSource(`/api/projects/${encodeURIComponent(projectId)}/events`);
}

export function useJobEvents(projectId: string, jobId: string) {
  useJobEventSource(
    `/api/projects/${encodeURIComponent(projectId)}/jobs/${encodeURIComponent(jobId)}/events`,
  );
}

export function useCreateJob(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateJobInput) =>
      call(api.POST('/api/projects/{projectId}/jobs', { params: { path: { projectId } }, body })),
    onSuccess: (job) => {
      toast.success('Job submitted', `“${job.name}” is queued.`);
      return queryClient.invalidateQueries({ queryKey: [...jobsQueryKey(projectId), 'list'] });
    },
  });
}

export function useCancelJob(projectId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/projects/{projectId}/jobs/{jobId}/cancel', { params: { path: { projectId, jobId } } }),
      ),
    onSuccess: (job) => {
      applyJob(queryClient, job);
      toast.success('Cancelling the job', 'Rows written so far are discarded.');
    },
  });
}

export function useRerunJob(projectId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seed: 'same' | 'new') =>
      call(
        api.POST('/api/projects/{projectId}/jobs/{jobId}/rerun', {
          params: { path: { projectId, jobId } },
          body: { seed },
        }),
      ),
    onSuccess: (job) => {
      toast.success('Job submitted again', `“${job.name}” is queued.`);
      return queryClient.invalidateQueries({ queryKey: [...jobsQueryKey(projectId), 'list'] });
    },
    onError: (error) => toast.error('Could not re-run the job', errorMessage(error)),
  });
}

export function useDeleteJob(projectId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      call(api.DELETE('/api/projects/{projectId}/jobs/{jobId}', { params: { path: { projectId, jobId } } })),
    onSuccess: () => {
      toast.success('Job deleted', 'Its files are gone.');
      queryClient.removeQueries({ queryKey: jobQueryKey(projectId, jobId) });
      return queryClient.invalidateQueries({ queryKey: [...jobsQueryKey(projectId), 'list'] });
    },
  });
}

/** Where a browser downloads one output file, or all of them. */
export function fileUrl(projectId: string, jobId: string, name: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/jobs/${encodeURIComponent(jobId)}/files/${encodeURIComponent(name)}`;
}

export function zipUrl(projectId: string, jobId: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/jobs/${encodeURIComponent(jobId)}/download.zip`;
}
