import { useMutation } from '@tanstack/react-query';
import { MailCheck } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { AuthCard } from '@/features/auth/auth-card';
import { api, call } from '@/lib/api';
import { fieldError, formError } from '@/lib/form-errors';
import { useDocumentTitle } from '@/lib/use-document-title';

export function ForgotPasswordRoute() {
  useDocumentTitle('Reset your password');
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: () => call(api.POST('/api/auth/password-reset', { body: { email } })),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  const backToLogin = (
    <Link to="/login" className="font-medium text-primary underline-offset-4 hover:underline">
      Back to sign in
    </Link>
  );

  if (request.isSuccess) {
    return (
      <AuthCard title="Check your inbox" footer={backToLogin}>
        <div className="flex flex-col items-center gap-3 text-center" role="status">
          <MailCheck aria-hidden="true" className="size-10 text-primary" />
          <p className="text-sm">{request.data.message}</p>
          <p className="text-sm text-muted-foreground">
            The link works for one hour. Nothing arrived? Check the spam folder, or{' '}
            <button
              type="button"
              className="text-primary underline-offset-4 hover:underline"
              onClick={() => request.reset()}
            >
              try another address
            </button>
            .
          </p>
        </div>
      </AuthCard>
    );
  }
  const problem = formError(request.error, ['email']);
  return (
    <AuthCard
      title="Reset your password"
      description="Enter the email address of your account and we will send you a link to choose a new password."
      footer={backToLogin}
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-5">
        {problem && <Alert variant="destructive">{problem}</Alert>}
        <FormField label="Email" error={fieldError(request.error, 'email')}>
          {(control) => (
            <Input
              {...control}
              type="email"
              autoComplete="email"
              autoFocus
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" className="w-full" pending={request.isPending}>
          Send reset link
        </Button>
      </form>
    </AuthCard>
  );
}
