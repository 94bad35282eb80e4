import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PasswordInput } from '@/components/ui/password-input';
import { api, call } from '@/lib/api';
import { fieldError, formError } from '@/lib/form-errors';
import type { Me } from './use-me';

export function LoginForm({
  onSignedIn,
  onTwoFactorRequired,
}: {
  onSignedIn: (me: Me) => void;
  onTwoFactorRequired: (challengeToken: string) => void;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => call(api.POST('/api/auth/login', { body: { email, password } })),
    onSuccess: (result) => {
      if (result.status === 'signed_in') onSignedIn(result.user);
      else onTwoFactorRequired(result.challengeToken);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  const problem = formError(login.error, ['email', 'password']);

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {problem && <Alert variant="destructive">{problem}</Alert>}
      <FormField label="Email" error={fieldError(login.error, 'email')}>
        {(control) => (
          <Input
            {...control}
            type="email"
            autoComplete="username"
            autoFocus
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </FormField>
      <FormField
        label="Password"
        error={fieldError(login.error, 'password')}
        labelAside={
          <Link to="/forgot-password" className="text-sm text-primary underline-offset-4 hover:underline">
            Forgot password?
          </Link>
        }
      >
        {(control) => (
          <PasswordInput
            {...control}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </FormField>
      <Button type="submit" className="w-full" pending={login.isPending}>
        Sign in
      </Button>
    </form>
  );
}
