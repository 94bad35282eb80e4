import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api';

export const twoFactorQueryKey = ['me', 'two-factor'] as const;

export function useTwoFactorStatus() {
  return useQuery({ queryKey: twoFactorQueryKey, queryFn: () => call(api.GET('/api/me/two-factor')) });
}
