import { AppError } from '@synoptic/service-kit';

export const jobStatuses = [
  'queued',
  'running',
  'cancelling',
  'completed',
  'failed',
  'cancelled',
  'expired',
] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** Every move a job's status may make; anything else is a bug or a stale event. */
const transitions: Record<JobStatus, readonly JobStatus[]> = {
  queued: ['running', 'cancelling', 'cancelled', 'failed', 'completed'],
  running: ['cancelling', 'completed', 'failed', 'cancelled'],
  cancelling: ['cancelled', 'completed', 'failed'],
  completed: ['expired'],
  failed: [],
  cancelled: [],
  expired: [],
};

export const finishedStatuses: ReadonlySet<JobStatus> = new Set([
  'completed',
  'failed',
  'cancelled',
  'expired',
]);

export function canMove(from: JobStatus, to: JobStatus): boolean {
  return from === to || transitions[from].includes(to);
}

/** Checks a transition in the one place that knows them all. */
export function assertTransition(from: JobStatus, to: JobStatus): void {
  if (!canMove(from, to)) {
    throw new AppError('conflict', `A ${from} job cannot become ${to}.`);
  }
}
