import type { JobStage, JobStatus } from './job.schemas.ts';

/** Every legal status change, in one place; the repository refuses any other. */
export const statusTransitions: Record<JobStatus, readonly JobStatus[]> = {
  queued: ['running', 'cancelled', 'failed'],
  running: ['running', 'cancelling', 'completed', 'failed'],
  cancelling: ['cancelled'],
  completed: [],
  failed: [],
  cancelled: [],
};

/** The statuses a job may reach `to` from. */
export function statusesBefore(to: JobStatus): JobStatus[] {
  return (Object.keys(statusTransitions) as JobStatus[]).filter((from) =>
    statusTransitions[from].includes(to),
  );
}

export const isFinished = (status: JobStatus) =>
  status === 'completed' || status === 'failed' || status === 'cancelled';

export const stageOfStatus: Partial<Record<JobStatus, JobStage>> = {
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};
