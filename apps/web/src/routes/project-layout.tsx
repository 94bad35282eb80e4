import { Archive, ChevronLeft, FolderX } from 'lucide-react';
import { Link, Outlet, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { ArchivedBanner } from '@/features/projects/archived-banner';
import type { ProjectContext } from '@/features/projects/project-context';
import { ProjectNav } from '@/features/projects/project-nav';
import { RoleBadge } from '@/features/projects/role-badge';
import { useProject } from '@/features/projects/use-projects';
import { ApiError, errorMessage } from '@/lib/api';
import { useDocumentTitle } from '@/lib/use-document-title';

/** One project: its header, the archived notice, the Overview / Team / Settings tabs and the page. */
export function ProjectLayout() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  useDocumentTitle(project.data?.name ?? (project.isError ? 'Project not found' : undefined));

  if (project.isError) {
    if (project.error instanceof ApiError && project.error.status === 404) {
      return (
        <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-24 text-center">
          <span className="flex size-12 items-center justify-center rounded-full bg-muted">
            <FolderX aria-hidden="true" className="size-6 text-muted-foreground" />
          </span>
          <h1 className="text-2xl font-semibold">Project not found</h1>
          <p className="text-muted-foreground">
            It may have been deleted, or you are not (or no longer) a member of it.
          </p>
          <Button asChild>
            <Link to="/projects">Back to your projects</Link>
          </Button>
        </div>
      );
    }
    return (
      <div className="mx-auto max-w-5xl">
        <Alert variant="destructive">{errorMessage(project.error)}</Alert>
      </div>
    );
  }

  const data = project.data;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div className="grid gap-4">
        <Link
          to="/projects"
          className="flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <ChevronLeft aria-hidden="true" className="size-4" /> Projects
        </Link>
        {data ? (
          <div className="grid gap-1.5">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
              <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight">{data.name}</h1>
              <span className="flex items-center gap-1.5">
                <span className="sr-only">Your role:</span>
                <RoleBadge role={data.role} />
                {data.archived && (
                  <Badge variant="warning">
                    <Archive aria-hidden="true" className="size-3" /> Archived
                  </Badge>
                )}
              </span>
            </div>
            {data.description && <p className="max-w-3xl text-muted-foreground">{data.description}</p>}
          </div>
        ) : (
          <div className="grid gap-2" aria-hidden="true">
            <Skeleton className="h-8 w-64" />
            <Skeleton className="h-5 w-96 max-w-full" />
          </div>
        )}
        <ProjectNav projectId={projectId} />
      </div>
      {data?.archived && <ArchivedBanner project={data} />}
      {data ? (
        <Outlet context={{ project: data } satisfies ProjectContext} />
      ) : (
        <div className="grid gap-4 md:grid-cols-3" aria-hidden="true">
          <Skeleton className="h-40 md:col-span-2" />
          <Skeleton className="h-40" />
        </div>
      )}
    </div>
  );
}
