import { useQuery } from '@tanstack/react-query';
import { jobQueryKey } from '@/features/jobs/use-jobs';
import { api, call } from '@/lib/api';

export function reportPath(projectId: string, jobId: string): string {
  return `/projects/${projectId}/jobs/${jobId}/report`;
}

/** A completed job's report.json; it never changes once written, so it is fetched once. */
export function useJobReport(projectId: string, jobId: string, enabled = true) {
  return useQuery({
    queryKey: [...jobQueryKey(projectId, jobId), 'report'],
    queryFn: () =>
      call(
        api.GET('/api/projects/{projectId}/jobs/{jobId}/report', { params: { path: { projectId, jobId } } }),
      ),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
