import { useQuery } from '@tanstack/react-query';
import { type JobDetail, jobQueryKey } from '@/features/jobs/use-jobs';
import { api, call } from '@/lib/api';
import { failedCheckLabels } from './privacy-gate';

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

/**
 * The privacy checks a job failed, for its download buttons: null when downloads need no
 * confirmation, an empty list while the report (which holds the checks' labels) loads.
 */
export function useFailedPrivacyChecks(
  projectId: string,
  job: Pick<JobDetail, 'id' | 'status' | 'report'>,
): string[] | null {
  const gated = job.status === 'completed' && job.report?.privacyPassed === false;
  const report = useJobReport(projectId, job.id, gated);
  if (!gated) return null;
  return report.data ? failedCheckLabels(report.data) : [];
}
