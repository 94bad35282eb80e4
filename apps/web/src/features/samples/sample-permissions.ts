import { can } from '@/features/projects/project-permissions';
import type { ProjectDetail } from '@/features/projects/use-projects';

/**
 * Whether the screens offer uploading and deleting samples: members and up, as for jobs (the api's
 * policy for samples), and never in an archived, read-only project. The api still decides.
 */
export function canManageSamples(project: ProjectDetail): boolean {
  return can(project.role, 'jobs.create') && !project.archived;
}
