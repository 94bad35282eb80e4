import type { components } from '@synoptic/contract/api-types';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from '@/components/ui/toast';
import { api, call, errorMessage } from '@/lib/api';

export type Project = components['schemas']['Project'];
export type ProjectDetail = components['schemas']['ProjectDetail'];
export type OutputFormat = components['schemas']['OutputFormatInput'];
export type ProjectSort = 'activity' | 'name';
export type CreateProjectInput = components['schemas']['CreateProjectRequestInput'];
export type UpdateProjectInput = components['schemas']['UpdateProjectRequestInput'];

export const outputFormats: { value: OutputFormat; label: string }[] = [
  { value: 'csv', label: 'CSV' },
  { value: 'jsonl', label: 'JSON Lines' },
  { value: 'parquet', label: 'Parquet' },
  { value: 'sql', label: 'SQL inserts' },
];

export const projectsQueryKey = ['projects'] as const;
export const projectQueryKey = (projectId: string) => ['projects', 'detail', projectId] as const;

const pageSize = 20;

/** My projects, a page at a time, matching `search`, in `sort` order. */
export function useProjects(search: string, sort: ProjectSort) {
  return useInfiniteQuery({
    queryKey: [...projectsQueryKey, 'list', { search, sort }],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/projects', {
          params: {
            query: {
              sort,
              limit: pageSize,
              ...(search ? { search } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useProject(projectId: string) {
  return useQuery({
    queryKey: projectQueryKey(projectId),
    queryFn: () => call(api.GET('/api/projects/{projectId}', { params: { path: { projectId } } })),
  });
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProjectInput) => call(api.POST('/api/projects', { body })),
    onSuccess: (project) => {
      queryClient.setQueryData(projectQueryKey(project.id), project);
      toast.success('Project created', `“${project.name}” is ready.`);
      return queryClient.invalidateQueries({ queryKey: projectsQueryKey });
    },
  });
}

function useProjectUpdated() {
  const queryClient = useQueryClient();
  return (project: ProjectDetail) => {
    queryClient.setQueryData(projectQueryKey(project.id), project);
    void queryClient.invalidateQueries({ queryKey: [...projectsQueryKey, 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['projects', 'audit', project.id] });
  };
}

/** Saves name, description or settings; the form shows field errors, a toast says it worked. */
export function useUpdateProject(projectId: string) {
  const updated = useProjectUpdated();
  return useMutation({
    mutationFn: (body: UpdateProjectInput) =>
      call(api.PATCH('/api/projects/{projectId}', { params: { path: { projectId } }, body })),
    onSuccess: (project) => {
      updated(project);
      toast.success('Project saved');
    },
  });
}

export function useSetArchived(projectId: string) {
  const updated = useProjectUpdated();
  return useMutation({
    mutationFn: (archived: boolean) =>
      call(
        archived
          ? api.POST('/api/projects/{projectId}/archive', { params: { path: { projectId } } })
          : api.POST('/api/projects/{projectId}/unarchive', { params: { path: { projectId } } }),
      ),
    onSuccess: (project) => {
      updated(project);
      if (project.archived) toast.success('Project archived', 'It is read-only until you unarchive it.');
      else toast.success('Project unarchived', 'Its members can make changes again.');
    },
    onError: (error, archived) =>
      toast.error(
        archived ? 'Could not archive the project' : 'Could not unarchive the project',
        errorMessage(error),
      ),
  });
}

export function useDeleteProject(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmName: string) =>
      call(
        api.DELETE('/api/projects/{projectId}', { params: { path: { projectId } }, body: { confirmName } }),
      ),
    // Only the list is refreshed: asking for the deleted project again would answer 404.
    onSuccess: (_, name) => {
      toast.success('Project deleted', `“${name}” and its data are gone.`);
      return queryClient.invalidateQueries({ queryKey: [...projectsQueryKey, 'list'] });
    },
  });
}
