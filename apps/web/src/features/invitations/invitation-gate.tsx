import { Navigate, useLocation } from 'react-router';
import { RequireSession } from '@/features/auth/require-session';
import type { AuthNotice } from '@/features/auth/session';
import { useMe } from '@/features/auth/use-me';
import { loginPathFor } from '@/lib/safe-next';

const notice: AuthNotice = {
  tone: 'info',
  message:
    'Sign in to answer your invitation. New to Synoptic? Create an account with the address the invitation was sent to.',
};

/**
 * Like the session guard, but a signed-out visitor is told why they must sign in: the sign-in page
 * (and its "Create an account" link) brings them back to the invitation afterwards.
 */
export function InvitationGate() {
  const location = useLocation();
  const { data: me } = useMe();
  if (me === null) return <Navigate to={loginPathFor(location)} replace state={{ notice }} />;
  return <RequireSession />;
}
