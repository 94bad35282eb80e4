import type { components } from '@synoptic/contract/api-types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from '@/components/ui/toast';
import { api, call, errorMessage } from '@/lib/api';

export type Invitation = components['schemas']['Invitation'];

export const myInvitationsQueryKey = ['invitations', 'mine'] as const;

/** Invitations waiting for my address. */
export function useMyInvitations() {
  return useQuery({
    queryKey: myInvitationsQueryKey,
    queryFn: () => call(api.GET('/api/invitations')).then((data) => data.invitations),
  });
}

/** Accepts or declines an invitation from my list. */
export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ invitation, accept }: { invitation: Invitation; accept: boolean }) => {
      const params = { params: { path: { invitationId: invitation.id } } };
      return call(
        accept
          ? api.POST('/api/invitations/{invitationId}/accept', params)
          : api.POST('/api/invitations/{invitationId}/decline', params),
      );
    },
    onSuccess: (answer) => {
      if (answer.accepted) toast.success(`You joined “${answer.project.name}”`);
      else toast.info('Invitation declined', `You did not join “${answer.project.name}”.`);
    },
    onError: (error) => toast.error('Could not answer the invitation', errorMessage(error)),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: myInvitationsQueryKey });
      await queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}

/** Answers through the mailed link's token (which also proves the address is mine). */
export function useAnswerInvitationByToken(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accept: boolean) =>
      call(
        accept
          ? api.POST('/api/invitations/accept', { body: { token } })
          : api.POST('/api/invitations/decline', { body: { token } }),
      ),
    onSuccess: async (answer) => {
      if (answer.accepted) toast.success(`Welcome to “${answer.project.name}”`);
      else toast.info('Invitation declined', `You did not join “${answer.project.name}”.`);
      // Accepting by link also confirms the address, so who I am has changed too.
      await queryClient.invalidateQueries({ queryKey: ['me'], exact: true });
      await queryClient.invalidateQueries({ queryKey: myInvitationsQueryKey });
      await queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}
