import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { startLocalSession } from './session';
import type { Me } from './use-me';

/** After a successful sign-in: a fresh cache for this user, then on to where they were going. */
export function useFinishSignIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (me: Me, to: string) => {
    startLocalSession(queryClient, me);
    void navigate(to, { replace: true });
  };
}
