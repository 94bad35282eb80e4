import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { PasswordInput } from '@/components/ui/password-input';
import { AuthCard } from '@/features/auth/auth-card';
import { PasswordHint } from '@/features/auth/password-hint';
import { ApiError, api, call } from '@/lib/api';
import { fieldError, formError } from '@/lib/form-errors';
import { useDocumentTitle } from '@/lib/use-document-title';

export function ResetPasswordRoute() {
  useDocumentTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => call(api.POST('/api/auth/password-reset/confirm', { body: { token, password } })),
    onSuccess: (data) => {
      void navigate('/login', {
        replace: true,
        state: { notice: { tone: 'success', message: data.message } },
      });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate();
  };
  const linkDead = !token || (reset.error instanceof ApiError && reset.error.status === 422);

  if (linkDead) {
    return (
      <AuthCard title="This link does not work">
        <div className="grid gap-4">
          <Alert variant="destructive">
            <AlertTitle>The reset link is invalid, used or expired.</AlertTitle>
            <AlertDescription>Links work once, for one hour. Ask for a new one.</AlertDescription>
          </Alert>
          <Button asChild className="w-full">
            <Link to="/forgot-password">Send me a new link</Link>
          </Button>
        </div>
      </AuthCard>
    );
  }
  const problem = formError(reset.error, ['password']);
  return (
    <AuthCard
      title="Choose a new password"
      description="After the change you are signed out everywhere, and sign in again with the new password."
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-5">
        {problem && <Alert variant="destructive">{problem}</Alert>}
        <FormField
          label="New password"
          hint={<PasswordHint password={password} email="" />}
          error={fieldError(reset.error, 'password')}
        >
          {(control) => (
            <PasswordInput
              {...control}
              autoComplete="new-password"
              autoFocus
              required
              maxLength={128}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" className="w-full" pending={reset.isPending}>
          Change password
        </Button>
      </form>
    </AuthCard>
  );
}
