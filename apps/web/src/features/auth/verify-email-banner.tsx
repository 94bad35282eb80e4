import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MailWarning } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { ApiError, api, call, errorMessage, waitPhrase } from '@/lib/api';
import { type Me, meQueryKey } from './use-me';

export function useResendVerification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/me/verify-email/resend')),
    onSuccess: (data) => toast.success('Confirmation link sent', data.message),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        // Confirmed in another tab or device meanwhile: the banner can go.
        toast.info('Your email address is already confirmed.');
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
      } else if (error instanceof ApiError && error.status === 429) {
        toast.error(
          'We already sent a few links',
          `Check your inbox and spam folder, or try again in ${waitPhrase(error.retryAfterSeconds ?? 3600)}.`,
        );
      } else {
        toast.error('Could not send the link', errorMessage(error));
      }
    },
  });
}

/** Shown across the app until the user opens the link we emailed them. */
export function VerifyEmailBanner({ me }: { me: Me }) {
  const resend = useResendVerification();
  if (me.emailVerified) return null;
  return (
    <section
      aria-label="Email confirmation"
      className="flex flex-col gap-3 border-b border-warning/30 bg-warning/10 px-4 py-3 text-sm sm:flex-row sm:items-center md:px-6 print:hidden"
    >
      <MailWarning aria-hidden="true" className="size-4 shrink-0 text-warning" />
      <p className="flex-1">
        <span className="font-medium">Confirm your email address.</span>{' '}
        <span className="text-muted-foreground">
          We sent a link to <span className="font-medium text-foreground">{me.email}</span>. Open it to finish
          setting up your account.
        </span>
      </p>
      <Button
        variant="outline"
        size="sm"
        className="self-start bg-card sm:self-auto"
        pending={resend.isPending}
        onClick={() => resend.mutate()}
      >
        Resend link
      </Button>
    </section>
  );
}
