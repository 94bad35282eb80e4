import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from '@/components/ui/toast';
import { api, call, errorMessage } from '@/lib/api';

export const sessionsQueryKey = ['me', 'sessions'] as const;

export function useSessions() {
  return useQuery({
    queryKey: sessionsQueryKey,
    queryFn: () => call(api.GET('/api/me/sessions')).then((data) => data.sessions),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      call(api.DELETE('/api/me/sessions/{sessionId}', { params: { path: { sessionId } } })),
    onSuccess: () => toast.success('Session signed out'),
    onError: (error) => toast.error('Could not sign out that session', errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/me/sessions/revoke-others')),
    onSuccess: ({ ended }) =>
      toast.success(
        'Signed out everywhere else',
        ended === 1 ? '1 other session was ended.' : `${ended} other sessions were ended.`,
      ),
    onError: (error) => toast.error('Could not sign out the other sessions', errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
