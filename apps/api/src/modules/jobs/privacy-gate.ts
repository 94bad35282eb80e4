import { AppError, type Pool } from '@synoptic/service-kit';
import type { UserRow } from '../accounts/users.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { ProjectAccess } from '../projects/project-access.ts';
import { actorOf } from '../projects/projects.service.ts';
import type { JobRow } from './jobs.repository.ts';

/** Who takes data out of which job, and whether they confirmed a failed privacy review. */
export type Download = { access: ProjectAccess; user: UserRow; jobId: string; acknowledgePrivacy: boolean };

/**
 * Data of a job whose privacy checks failed leaves the platform (a file, the zip, a view as CSV)
 * only for someone who says they reviewed its report; each such download is recorded. `what` names
 * the download in the audit log.
 */
export async function passPrivacyGate(
  pool: Pool,
  request: Download,
  job: Pick<JobRow, 'name' | 'report_privacy_passed'>,
  what: string,
): Promise<void> {
  if (job.report_privacy_passed !== false) return;
  if (!request.acknowledgePrivacy) {
    throw new AppError(
      'privacy_review_required',
      'This dataset failed its privacy checks; review the report, then download with acknowledgePrivacy=true',
    );
  }
  await recordAudit(pool, {
    projectId: request.access.project.id,
    actor: actorOf(request.user),
    action: 'job.privacy_acknowledged',
    target: job.name,
    details: { download: what },
  });
}
