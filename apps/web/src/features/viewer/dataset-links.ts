import type { JobDetail } from '@/features/jobs/use-jobs';

// Kept apart from the screens so the job page links here without loading them.

/** Output formats the viewer and chat read in place. */
export const explorableFormats = new Set(['csv', 'jsonl', 'parquet']);

export function isExplorable(job: Pick<JobDetail, 'status' | 'outputFormat'>): boolean {
  return job.status === 'completed' && explorableFormats.has(job.outputFormat);
}

export function viewerPath(projectId: string, jobId: string): string {
  return `/projects/${projectId}/jobs/${jobId}/viewer`;
}

export function chatPath(projectId: string, jobId: string): string {
  return `/projects/${projectId}/jobs/${jobId}/chat`;
}
