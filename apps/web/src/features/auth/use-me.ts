import type { components } from '@synoptic/contract/api-types';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, call } from '@/lib/api';

export type Me = components['schemas']['Me'];

export const meQueryKey = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await call(api.GET('/api/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user; `null` when signed out, `undefined` while the first answer is on its way. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe });
}
