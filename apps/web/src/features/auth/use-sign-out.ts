import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from '@/components/ui/toast';
import { api, call, errorMessage } from '@/lib/api';
import { endLocalSession } from './session';

/** Ends the session on the server, then in the app; the session guard takes the user to sign in. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/auth/logout')),
    onSuccess: () => endLocalSession(queryClient, 'signed-out'),
    onError: (error) => toast.error('Could not sign out', errorMessage(error)),
  });
}
