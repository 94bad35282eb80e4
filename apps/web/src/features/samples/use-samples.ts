import type { SampleProfile } from '@synoptic/contract';
import type { components } from '@synoptic/contract/api-types';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from '@/components/ui/toast';
import { projectQueryKey } from '@/features/projects/use-projects';
import { api, call } from '@/lib/api';

export type Sample = components['schemas']['Sample'];
export type SampleStatus = components['schemas']['SampleStatus'];
export type SampleDetail = components['schemas']['SampleDetail'];

export const samplesQueryKey = (projectId: string) => ['projects', projectId, 'samples'] as const;
export const sampleQueryKey = (projectId: string, sampleId: string) =>
  [...samplesQueryKey(projectId), 'detail', sampleId] as const;

// Profiling takes seconds to minutes; the list and the detail ask again until it has finished.
const profilingPoll = 2000;

/** The project's samples, newest first; refreshed while any of them is being profiled. */
export function useSamples(projectId: string) {
  return useQuery({
    queryKey: samplesQueryKey(projectId),
    queryFn: () =>
      call(api.GET('/api/projects/{projectId}/samples', { params: { path: { projectId } } })).then(
        (data) => data.samples,
      ),
    refetchInterval: (query) =>
      query.state.data?.some((sample) => sample.status === 'profiling') ? profilingPoll : false,
  });
}

function sampleQuery(projectId: string, sampleId: string) {
  return {
    queryKey: sampleQueryKey(projectId, sampleId),
    queryFn: () =>
      call(
        api.GET('/api/projects/{projectId}/samples/{sampleId}', {
          params: { path: { projectId, sampleId } },
        }),
      ),
    refetchInterval: (query: { state: { data: SampleDetail | undefined } }) =>
      query.state.data?.status === 'profiling' ? profilingPoll : false,
  };
}

/** One sample with its profile (null until profiling has finished). */
export function useSample(projectId: string, sampleId: string) {
  return useQuery(sampleQuery(projectId, sampleId));
}

// Module-level, so TanStack Query recombines only when a result changes.
function profilesById(results: { data?: SampleDetail | undefined }[]): Map<string, SampleProfile> {
  const profiles = new Map<string, SampleProfile>();
  for (const result of results) if (result.data?.profile) profiles.set(result.data.id, result.data.profile);
  return profiles;
}

/** The profiles of the samples a configuration uses, by sample id; those still loading are absent. */
export function useSampleProfiles(projectId: string, sampleIds: string[]): Map<string, SampleProfile> {
  return useQueries({
    queries: sampleIds.map((sampleId) => sampleQuery(projectId, sampleId)),
    combine: profilesById,
  });
}

export function useDeleteSample(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sample: Sample) =>
      call(
        api.DELETE('/api/projects/{projectId}/samples/{sampleId}', {
          params: { path: { projectId, sampleId: sample.id } },
        }),
      ),
    onSuccess: (_, sample) => {
      toast.success('Sample deleted', `“${sample.name}” is gone from the project.`);
      queryClient.removeQueries({ queryKey: sampleQueryKey(projectId, sample.id) });
      void queryClient.invalidateQueries({ queryKey: projectQueryKey(projectId) });
      return queryClient.invalidateQueries({ queryKey: samplesQueryKey(projectId), exact: true });
    },
  });
}
