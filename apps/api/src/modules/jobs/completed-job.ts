import { AppError, type Pool } from '@synoptic/service-kit';
import type { ProjectAccess } from '../projects/project-access.ts';
import { findJob, findJobFiles } from './jobs.repository.ts';

/** A job of the project whose outputs can be read now, with its files; 404 or 409 otherwise. */
export async function getCompletedJob(pool: Pool, access: ProjectAccess, jobId: string) {
  const job = await findJob(pool, access.project.id, jobId);
  if (!job) throw new AppError('not_found', 'No such job in this project.');
  if (job.status === 'expired') {
    throw new AppError('conflict', 'The outputs of this job were deleted by the project’s retention policy.');
  }
  if (job.status !== 'completed')
    throw new AppError('conflict', 'The job has no outputs until it completes.');
  return { job, files: await findJobFiles(pool, jobId) };
}
