import { Play, Workflow } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Tooltip } from '@/components/ui/tooltip';
import { formatBytes } from '@/features/projects/format-bytes';
import { useCurrentProject } from '@/features/projects/project-context';
import { can } from '@/features/projects/project-permissions';
import { StorageBar } from '@/features/projects/storage-bar';
import { outputFormats } from '@/features/projects/use-projects';
import { MembersSummary } from '@/features/teams/members-summary';
import { formatDate } from '@/lib/format';

/** The jobs area: empty until the jobs work lands; it says who will be able to run them. */
function JobsPlaceholder({ canRun, archived }: { canRun: boolean; archived: boolean }) {
  const reason = archived
    ? 'An archived project accepts no jobs.'
    : canRun
      ? 'Running jobs from here is coming soon.'
      : 'Viewers see jobs; members and above run them.';
  return (
    <Card className="flex flex-col md:col-span-2">
      <CardHeader className="flex-row items-start justify-between gap-4 pb-2">
        <div className="grid gap-1.5">
          <CardTitle>Generation jobs</CardTitle>
          <CardDescription>Runs of your schemas, with their progress and outputs.</CardDescription>
        </div>
        <Tooltip content={reason}>
          <Button size="sm" disabled>
            <Play /> New job
          </Button>
        </Tooltip>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col">
        <section
          aria-label="Jobs"
          className="flex flex-1 flex-col items-center justify-center gap-2 rounded-lg border border-dashed px-6 py-10 text-center"
        >
          <span className="flex size-10 items-center justify-center rounded-full bg-muted">
            <Workflow aria-hidden="true" className="size-5 text-muted-foreground" />
          </span>
          <p className="font-medium">No jobs yet</p>
          <p className="max-w-sm text-sm text-muted-foreground">
            {canRun
              ? 'Jobs you and your team run in this project will be listed here, newest first.'
              : 'Jobs your team runs in this project will be listed here, and you can download their data.'}
          </p>
        </section>
      </CardContent>
    </Card>
  );
}

export function ProjectOverviewRoute() {
  const project = useCurrentProject();
  const format = outputFormats.find((option) => option.value === project.settings.defaultOutputFormat);
  return (
    <div className="grid gap-6 md:grid-cols-3">
      <JobsPlaceholder canRun={can(project.role, 'jobs.create')} archived={project.archived} />
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
