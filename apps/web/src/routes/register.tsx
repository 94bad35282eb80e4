import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PasswordInput } from '@/components/ui/password-input';
import { toast } from '@/components/ui/toast';
import { AuthCard } from '@/features/auth/auth-card';
import { PasswordHint } from '@/features/auth/password-hint';
import { useFinishSignIn } from '@/features/auth/use-finish-sign-in';
import { ApiError, api, call } from '@/lib/api';
import { fieldError, formError } from '@/lib/form-errors';
import { safeNext } from '@/lib/safe-next';
import { useDocumentTitle } from '@/lib/use-document-title';

const fields = ['name', 'email', 'password', 'company'];

export function RegisterRoute() {
  useDocumentTitle('Create an account');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const finishSignIn = useFinishSignIn();
  const [form, setForm] = useState({ name: '', email: '', password: '', company: '' });
  const set = (field: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  const register = useMutation({
    mutationFn: async () => {
      await call(api.POST('/api/auth/register', { body: form }));
      // The api never signs in on registration (it answers alike for known addresses); we do.
      try {
        return await call(
          api.POST('/api/auth/login', { body: { email: form.email, password: form.password } }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return undefined;
        throw error;
      }
    },
    onSuccess: (result) => {
      if (result?.status === 'signed_in') {
        toast.success('Welcome to Synoptic', 'We sent you a link to confirm your email address.');
        finishSignIn(result.user, next);
        return;
      }
      // The address already had an account: its owner was emailed, and signs in as usual.
      void navigate(`/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`, {
        state: {
          notice: {
            tone: 'info',
            message: 'Check your inbox to continue, then sign in with your email and password.',
          },
        },
      });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  const problem = formError(register.error, fields);

  return (
    <AuthCard
      title="Create your account"
      description="Generate realistic synthetic data in minutes."
      footer={
        <>
          Already have an account?{' '}
          <Link
            to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-5">
        {problem && <Alert variant="destructive">{problem}</Alert>}
        <FormField label="Name" error={fieldError(register.error, 'name')}>
          {(control) => (
            <Input
              {...control}
              autoComplete="name"
              autoFocus
              required
              maxLength={100}
              value={form.name}
              onChange={set('name')}
            />
          )}
        </FormField>
        <FormField label="Work email" error={fieldError(register.error, 'email')}>
          {(control) => (
            <Input
              {...control}
              type="email"
              autoComplete="email"
              required
              value={form.email}
              onChange={set('email')}
            />
          )}
        </FormField>
        <FormField
          label="Password"
          hint={<PasswordHint password={form.password} email={form.email} />}
          error={fieldError(register.error, 'password')}
        >
          {(control) => (
            <PasswordInput
              {...control}
              autoComplete="new-password"
              required
              maxLength={128}
              value={form.password}
              onChange={set('password')}
            />
          )}
        </FormField>
        <FormField
          label={
            <>
              Company <span className="font-normal text-muted-foreground">(optional)</span>
            </>
          }
          error={fieldError(register.error, 'company')}
        >
          {(control) => (
            <Input
              {...control}
              autoComplete="organization"
              maxLength={200}
              value={form.company}
              onChange={set('company')}
            />
          )}
        </FormField>
        <Button type="submit" className="w-full" pending={register.isPending}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
