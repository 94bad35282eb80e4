import { Play } from 'lucide-react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { JobsList } from '@/features/jobs/jobs-list';
import { useCurrentProject } from '@/features/projects/project-context';
import { can } from '@/features/projects/project-permissions';
import { useDocumentTitle } from '@/lib/use-document-title';

/** Every job of the project, newest first, live. */
export function JobListRoute() {
  const project = useCurrentProject();
  useDocumentTitle(`Jobs · ${project.name}`);
  const canRun = can(project.role, 'jobs.create') && !project.archived;
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold tracking-tight">Jobs</h2>
        {canRun && (
          <Button size="sm" asChild>
            <Link to={`/projects/${project.id}/jobs/new`}>
              <Play /> New job
            </Link>
          </Button>
        )}
      </div>
      <JobsList
        projectId={project.id}
        emptyHint={
          canRun ? 'Start one with New job.' : 'Jobs your team runs in this project will be listed here.'
        }
      />
    </div>
  );
}
