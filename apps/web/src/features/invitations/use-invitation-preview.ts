import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api';

/** What a mailed invitation link is for; the api answers only to the invited address. */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitations', 'preview', token],
    queryFn: () => call(api.POST('/api/invitations/preview', { body: { token } })),
    enabled: token !== '',
    retry: false,
    // Answering closes the invitation; asking again afterwards would only say it is gone.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}
