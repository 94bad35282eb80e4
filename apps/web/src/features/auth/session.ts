import type { QueryClient } from '@tanstack/react-query';
import { type Me, meQueryKey } from './use-me';

export type SignOutReason = 'session-ended' | 'signed-out' | 'account-deleted';

/** A message for the sign-in page, passed in the router's location state. */
export type AuthNotice = { message: string; tone: 'success' | 'info' | 'warning' };

export const signOutNotices: Record<SignOutReason, AuthNotice> = {
  'session-ended': { message: 'Your session ended. Please sign in again.', tone: 'warning' },
  'signed-out': { message: 'You are signed out.', tone: 'info' },
  'account-deleted': { message: 'Your account and everything in it were deleted.', tone: 'info' },
};

// Why the user is no longer signed in; the session guard reads it to word the sign-in page.
let reason: SignOutReason | undefined;

export function signOutReason(): SignOutReason | undefined {
  return reason;
}

/** Signed in: forget whatever a previous user left in the cache, then remember who this is. */
export function startLocalSession(queryClient: QueryClient, me: Me): void {
  reason = undefined;
  queryClient.clear();
  queryClient.setQueryData(meQueryKey, me);
}

/**
 * Signed out (by choice, elsewhere, or by deleting the account): the user becomes `null` first so
 * the session guard leaves the app, then every cached answer is dropped.
 */
export function endLocalSession(queryClient: QueryClient, why: SignOutReason): void {
  reason = why;
  queryClient.setQueryData(meQueryKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

/** For the api client's 401 watch: only a user who was signed in can have lost the session. */
export function onSessionLost(queryClient: QueryClient): void {
  if (queryClient.getQueryData(meQueryKey)) endLocalSession(queryClient, 'session-ended');
}

export function noticeFrom(state: unknown): AuthNotice | undefined {
  const notice = (state as { notice?: Partial<AuthNotice> } | null)?.notice;
  return typeof notice?.message === 'string' && notice.tone ? (notice as AuthNotice) : undefined;
}
