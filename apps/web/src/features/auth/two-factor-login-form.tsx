import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { ApiError, api, call } from '@/lib/api';
import type { Me } from './use-me';

/** The second sign-in step: a code from the authenticator app, or one of the recovery codes. */
export function TwoFactorLoginForm({
  challengeToken,
  onSignedIn,
  onStartOver,
}: {
  challengeToken: string;
  onSignedIn: (me: Me) => void;
  onStartOver: () => void;
}) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: () =>
      call(api.POST('/api/auth/login/two-factor', { body: { challengeToken, code: code.trim() } })),
    onSuccess: (result) => {
      if (result.status === 'signed_in') onSignedIn(result.user);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };
  const error = verify.error;
  // The challenge lives five minutes and five tries; after that only the password step helps.
  const expired = error instanceof ApiError && error.status === 401 && /expired/i.test(error.message);

  if (expired) {
    return (
      <div className="grid gap-4">
        <Alert variant="warning">{error.message}</Alert>
        <Button onClick={onStartOver} className="w-full">
          Sign in again
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      <FormField
        key={useRecovery ? 'recovery' : 'totp'}
        label={useRecovery ? 'Recovery code' : 'Authentication code'}
        hint={
          useRecovery
            ? 'One of the ten codes you saved when you turned on two-factor sign-in, like abcde-fghij.'
            : 'The 6-digit code your authenticator app shows now.'
        }
        error={error ? error.message : undefined}
      >
        {(control) => (
          <Input
            {...control}
            autoFocus
            required
            autoComplete="one-time-code"
            inputMode={useRecovery ? 'text' : 'numeric'}
            placeholder={useRecovery ? 'abcde-fghij' : '123 456'}
            maxLength={20}
            className="font-mono tracking-widest"
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        )}
      </FormField>
      <Button type="submit" className="w-full" pending={verify.isPending}>
        Verify and sign in
      </Button>
      <div className="flex items-center justify-between text-sm">
        <button
          type="button"
          className="text-primary underline-offset-4 hover:underline"
          onClick={() => {
            setUseRecovery((v) => !v);
            setCode('');
            verify.reset();
          }}
        >
          {useRecovery ? 'Use the authenticator app' : 'Use a recovery code'}
        </button>
        <button
          type="button"
          className="text-muted-foreground underline-offset-4 hover:underline"
          onClick={onStartOver}
        >
          Back
        </button>
      </div>
    </form>
  );
}
