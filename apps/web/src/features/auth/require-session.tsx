import { RefreshCw } from 'lucide-react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api';
import { loginPathFor } from '@/lib/safe-next';
import { signOutNotices, signOutReason } from './session';
import { useMe } from './use-me';

/** Lets its routes render only for a signed-in user; others go to sign in and come back after. */
export function RequireSession() {
  const location = useLocation();
  const { data: me, error, refetch, isFetching } = useMe();

  if (me) return <Outlet />;
  if (me === null) {
    const reason = signOutReason();
    const to = reason === 'signed-out' || reason === 'account-deleted' ? '/login' : loginPathFor(location);
    return <Navigate to={to} replace state={reason ? { notice: signOutNotices[reason] } : undefined} />;
  }
  if (error) {
    return (
      <div className="flex min-h-screen flex-col items-center justify-center gap-4 p-6 text-center">
        <img src="/favicon.svg" alt="" className="size-10" />
        <h1 className="text-xl font-semibold">Synoptic is not answering</h1>
        <p className="max-w-sm text-muted-foreground">{errorMessage(error)}</p>
        <Button variant="outline" pending={isFetching} onClick={() => void refetch()}>
          {!isFetching && <RefreshCw />} Try again
        </Button>
      </div>
    );
  }
  return (
    <div className="flex min-h-screen items-center justify-center" role="status" aria-live="polite">
      <Spinner className="size-6 text-muted-foreground" />
      <span className="sr-only">Loading your account…</span>
    </div>
  );
}
