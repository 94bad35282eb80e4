import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CircleCheck, CircleX } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { type Me, meQueryKey, useMe } from '@/features/auth/use-me';
import { useResendVerification } from '@/features/auth/verify-email-banner';
import { api, call, errorMessage } from '@/lib/api';
import { useDocumentTitle } from '@/lib/use-document-title';

const invalidLink = 'This confirmation link is invalid, used or expired. Ask for a new one.';

export function VerifyEmailRoute() {
  useDocumentTitle('Confirm your email');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const resend = useResendVerification();
  const verify = useMutation({
    mutationFn: () => call(api.POST('/api/auth/verify-email', { body: { token } })),
    onSuccess: () => {
      queryClient.setQueryData<Me | null>(meQueryKey, (current) =>
        current ? { ...current, emailVerified: true } : current,
      );
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });

  // A link works once: post it once, even when React runs effects twice in development.
  const posted = useRef(false);
  useEffect(() => {
    if (posted.current || !token) return;
    posted.current = true;
    verify.mutate();
  }, [token, verify]);

  const failed = !token || verify.isError;
  const status = failed ? 'failed' : verify.isSuccess ? 'done' : 'pending';

  return (
    <Card className="shadow-md">
      <CardContent className="flex flex-col items-center gap-4 p-8 text-center" aria-live="polite">
        {status === 'pending' && (
          <>
            <Spinner className="size-8 text-muted-foreground" />
            <h1 className="text-xl font-semibold">Confirming your email address…</h1>
          </>
        )}
        {status === 'done' && (
          <>
            <CircleCheck aria-hidden="true" className="size-10 text-success" />
            <h1 className="text-xl font-semibold">Your email address is confirmed</h1>
            <p className="text-sm text-muted-foreground">Thank you. Your account is all set.</p>
            <Button asChild className="mt-2">
              <Link to={me ? '/' : '/login'}>{me ? 'Continue to Synoptic' : 'Sign in'}</Link>
            </Button>
          </>
        )}
        {status === 'failed' && (
          <>
            <CircleX aria-hidden="true" className="size-10 text-destructive" />
            <h1 className="text-xl font-semibold">This link does not work</h1>
            <p className="text-sm text-muted-foreground">
              {token ? errorMessage(verify.error, invalidLink) : invalidLink}
            </p>
            {me && !me.emailVerified && (
              <Button
                className="mt-2"
                pending={resend.isPending}
                disabled={resend.isSuccess}
                onClick={() => resend.mutate()}
              >
                {resend.isSuccess ? 'New link sent' : 'Send a new link'}
              </Button>
            )}
            {me?.emailVerified && (
              <Button asChild className="mt-2">
                <Link to="/">Your address is already confirmed: continue</Link>
              </Button>
            )}
            {me === null && (
              <Button asChild variant="outline" className="mt-2">
                <Link to="/login">Sign in to ask for a new link</Link>
              </Button>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
