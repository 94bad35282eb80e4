import { Play } from 'lucide-react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Tooltip } from '@/components/ui/tooltip';
import { JobsList } from '@/features/jobs/jobs-list';
import { formatBytes } from '@/features/projects/format-bytes';
import { useCurrentProject } from '@/features/projects/project-context';
import { can } from '@/features/projects/project-permissions';
import { StorageBar } from '@/features/projects/storage-bar';
import { outputFormats } from '@/features/projects/use-projects';
import { MembersSummary } from '@/features/teams/members-summary';
import { formatDate } from '@/lib/format';

/** The jobs area: the project's jobs, live, and the way to start one for those who may. */
function JobsCard({
  projectId,
  canRun,
  archived,
}: {
  projectId: string;
  canRun: boolean;
  archived: boolean;
}) {
  const reason = archived
    ? 'An archived project accepts no jobs.'
    : 'Viewers see jobs; members and above run them.';
  return (
    <Card className="flex min-w-0 flex-col md:col-span-2">
      <CardHeader className="flex-row items-start justify-between gap-4 pb-2">
        <div className="grid gap-1.5">
          <CardTitle>Generation jobs</CardTitle>
          <CardDescription>Runs of your schemas, with their progress and outputs.</CardDescription>
        </div>
        {canRun && !archived ? (
          <Button size="sm" asChild>
            <Link to={`/projects/${projectId}/jobs/new`}>
              <Play /> New job
            </Link>
          </Button>
        ) : (
          <Tooltip content={reason}>
            <Button size="sm" disabled>
              <Play /> New job
            </Button>
          </Tooltip>
        )}
      </CardHeader>
      <CardContent className="flex flex-1 flex-col">
        <JobsList
          projectId={projectId}
          emptyHint={
            canRun
              ? 'Jobs you and your team run in this project will be listed here, newest first.'
              : 'Jobs your team runs in this project will be listed here, and you can download their data.'
          }
        />
      </CardContent>
    </Card>
  );
}

export function ProjectOverviewRoute() {
  const project = useCurrentProject();
  const format = outputFormats.find((option) => option.value === project.settings.defaultOutputFormat);
  return (
    <div className="grid gap-6 md:grid-cols-3">
      <JobsCard
        projectId={project.id}
        canRun={can(project.role, 'jobs.create')}
        archived={project.archived}
      />
      <div className="grid content-start gap-6">
        <Card>
          <CardHeader className="pb-4">
            <CardTitle>Storage</CardTitle>
            <CardDescription>Outputs kept for {project.settings.retentionDays} days.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <StorageBar usedBytes={project.storage.usedBytes} quotaBytes={project.storage.quotaBytes} />
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
              <dt className="text-muted-foreground">Quota</dt>
              <dd className="text-right">{formatBytes(project.storage.quotaBytes)}</dd>
              <dt className="text-muted-foreground">Default format</dt>
              <dd className="text-right">{format?.label ?? project.settings.defaultOutputFormat}</dd>
              <dt className="text-muted-foreground">Created</dt>
              <dd className="text-right">{formatDate(project.createdAt)}</dd>
            </dl>
          </CardContent>
        </Card>
        <MembersSummary project={project} />
      </div>
    </div>
  );
}
