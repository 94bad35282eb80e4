import { FolderPlus, Plus, Search, SearchX } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { MyInvitations } from '@/features/invitations/my-invitations';
import { ProjectCard } from '@/features/projects/project-card';
import { ProjectCreateDialog } from '@/features/projects/project-create-dialog';
import { type ProjectSort, useProjects } from '@/features/projects/use-projects';
import { errorMessage } from '@/lib/api';
import { useDocumentTitle } from '@/lib/use-document-title';
import { cn } from '@/lib/utils';

const sorts: { value: ProjectSort; label: string }[] = [
  { value: 'activity', label: 'Recent' },
  { value: 'name', label: 'Name' },
];

/** The search box's text, written to `?q=` once typing pauses, so a search can be shared and reloaded. */
function useDebouncedSearchParam(params: URLSearchParams, setParams: ReturnType<typeof useSearchParams>[1]) {
  const committed = params.get('q') ?? '';
  const [text, setText] = useState(committed);
  // Back and forward change the address under us: the box follows (keeping a space being typed).
  useEffect(() => setText((current) => (current.trim() === committed ? current : committed)), [committed]);
  useEffect(() => {
    if (text.trim() === committed) return;
    const timer = setTimeout(() => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (text.trim()) next.set('q', text.trim());
          else next.delete('q');
          return next;
        },
        { replace: true },
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [text, committed, setParams]);
  return [text, setText, committed] as const;
}

export function ProjectsRoute() {
  useDocumentTitle('Projects');
  const [params, setParams] = useSearchParams();
  const [text, setText, search] = useDebouncedSearchParam(params, setParams);
  const sort: ProjectSort = params.get('sort') === 'name' ? 'name' : 'activity';
  const projects = useProjects(search, sort);
  const list = projects.data?.pages.flatMap((page) => page.projects) ?? [];
  const searching = projects.isFetching && !projects.isFetchingNextPage;

  const setSort = (value: ProjectSort) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === 'activity') next.delete('sort');
        else next.set('sort', value);
        return next;
      },
      { replace: true },
    );

  const firstRun = projects.isSuccess && list.length === 0 && !search;

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Projects</h1>
          <p className="mt-1 text-muted-foreground">
            Each project keeps its schemas, jobs and outputs, shared with the people you invite.
          </p>
        </div>
        {!firstRun && <ProjectCreateDialog />}
      </div>

      <MyInvitations />

      {!firstRun && (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="relative w-full sm:max-w-sm">
            <Search
              aria-hidden="true"
              className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              type="search"
              aria-label="Search projects"
              placeholder="Search projects by name"
              maxLength={100}
              className="pl-9"
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </div>
          <fieldset className="flex items-center gap-2">
            <legend className="sr-only">Sort projects</legend>
            <span aria-hidden="true" className="text-sm text-muted-foreground">
              Sort
            </span>
            <div className="inline-flex rounded-md border bg-muted/40 p-0.5">
              {sorts.map((option) => (
                <button
                  key={option.value}
                  type="button"
                  aria-pressed={sort === option.value}
                  onClick={() => setSort(option.value)}
                  className={cn(
                    'rounded-[calc(var(--radius-md)-2px)] px-3 py-1 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring',
                    sort === option.value && 'bg-background text-foreground shadow-xs dark:bg-card',
                  )}
                >
                  {option.label}
                </button>
              ))}
            </div>
          </fieldset>
        </div>
      )}

      {projects.isPending && (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-hidden="true">
          {[0, 1, 2].map((key) => (
            <Skeleton key={key} className="h-48 rounded-xl" />
          ))}
        </div>
      )}
      {projects.isError && <Alert variant="destructive">{errorMessage(projects.error)}</Alert>}

      {firstRun && (
        <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed px-6 py-16 text-center">
          <span className="flex size-12 items-center justify-center rounded-full bg-primary/10">
            <FolderPlus aria-hidden="true" className="size-6 text-primary" />
          </span>
          <h2 className="text-lg font-semibold">Create your first project</h2>
          <p className="max-w-md text-sm text-muted-foreground">
            Projects hold the schemas you generate from, the jobs that run them and the data they produce.
            Invite your team once it exists.
          </p>
          <ProjectCreateDialog
            trigger={
              <Button className="mt-2">
                <Plus /> Create a project
              </Button>
            }
          />
        </div>
      )}

      {projects.isSuccess && list.length === 0 && search && (
        <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed px-6 py-12 text-center">
          <SearchX aria-hidden="true" className="size-6 text-muted-foreground" />
          <p className="font-medium">No project matches “{search}”</p>
          <Button variant="link" onClick={() => setText('')}>
            Clear the search
          </Button>
        </div>
      )}

      {list.length > 0 && (
        <ul
          aria-label="Your projects"
          aria-busy={searching || undefined}
          className={cn(
            'grid gap-4 sm:grid-cols-2 lg:grid-cols-3',
            searching && 'opacity-70 transition-opacity',
          )}
        >
          {list.map((project) => (
            <ProjectCard key={project.id} project={project} />
          ))}
        </ul>
      )}

      {projects.hasNextPage && (
        <div className="flex justify-center">
          <Button
            variant="outline"
            pending={projects.isFetchingNextPage}
            onClick={() => void projects.fetchNextPage()}
          >
            Load more
          </Button>
        </div>
      )}
    </div>
  );
}
