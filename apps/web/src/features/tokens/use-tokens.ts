import type { components } from '@synoptic/contract/api-types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from '@/components/ui/toast';
import { api, call, errorMessage } from '@/lib/api';

export type PersonalAccessToken = components['schemas']['PersonalAccessToken'];

export const tokensQueryKey = ['me', 'tokens'] as const;

export function useTokens() {
  return useQuery({
    queryKey: tokensQueryKey,
    queryFn: () => call(api.GET('/api/me/tokens')).then((data) => data.tokens),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays?: number }) =>
      call(api.POST('/api/me/tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: PersonalAccessToken) =>
      call(api.DELETE('/api/me/tokens/{tokenId}', { params: { path: { tokenId: token.id } } })),
    onSuccess: (_, token) => toast.success('Token revoked', `“${token.name}” no longer works.`),
    onError: (error) => toast.error('Could not revoke the token', errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}
