import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PasswordInput } from '@/components/ui/password-input';
import { toast } from '@/components/ui/toast';
import { meQueryKey } from '@/features/auth/use-me';
import { api, call } from '@/lib/api';
import { fieldError, formError } from '@/lib/form-errors';
import { QrCode } from './qr-code';
import { RecoveryCodes } from './recovery-codes';
import { twoFactorQueryKey } from './use-two-factor';

type Step =
  | { kind: 'password' }
  | { kind: 'scan'; secret: string; otpauthUri: string }
  | { kind: 'codes'; recoveryCodes: string[] };

const stepTitles = {
  password: 'Step 1 of 3: confirm it is you',
  scan: 'Step 2 of 3: connect your authenticator app',
  codes: 'Step 3 of 3: save your recovery codes',
};

/** "ABCD EFGH …": easier to read and type by hand than one long run of letters. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** Turning on two-factor sign-in: password → QR code and key → a code from the app → recovery codes. */
export function TwoFactorSetup({
  email,
  onCancel,
  onDone,
}: {
  email: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // Each step's heading mounts anew (keyed by step) and takes focus, so keyboard and
  // screen-reader users land on the new step.
  const focusOnMount = useCallback((heading: HTMLHeadingElement | null) => heading?.focus(), []);

  const begin = useMutation({
    mutationFn: () => call(api.POST('/api/me/two-factor/setup', { body: { password } })),
    onSuccess: (setup) => {
      setPassword('');
      setStep({ kind: 'scan', ...setup });
    },
  });
  const enable = useMutation({
    mutationFn: () => call(api.POST('/api/me/two-factor/enable', { body: { code: code.trim() } })),
    onSuccess: ({ recoveryCodes }) => {
      setStep({ kind: 'codes', recoveryCodes });
      toast.success('Two-factor sign-in is on');
    },
  });

  const finish = () => {
    void queryClient.invalidateQueries({ queryKey: twoFactorQueryKey });
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
    onDone();
  };

  return (
    <div className="grid gap-5">
      <h3 key={step.kind} ref={focusOnMount} tabIndex={-1} className="font-semibold outline-none">
        {stepTitles[step.kind]}
      </h3>
      {step.kind === 'password' && (
        <form
          noValidate
          className="grid gap-5"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            begin.mutate();
          }}
        >
          {formError(begin.error, ['password']) && (
            <Alert variant="destructive">{formError(begin.error, ['password'])}</Alert>
          )}
          <FormField
            label="Password"
            hint="We ask for it before changing how you sign in."
            error={fieldError(begin.error, 'password')}
            className="max-w-sm"
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
          <div className="flex gap-2">
            <Button type="submit" pending={begin.isPending} disabled={!password}>
              Continue
            </Button>
            <Button type="button" variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {step.kind === 'scan' && (
        <form
          noValidate
          className="grid gap-6"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            enable.mutate();
          }}
        >
          <div className="flex flex-col gap-6 sm:flex-row sm:items-start">
            <QrCode value={step.otpauthUri} />
            <ol className="grid flex-1 gap-4 text-sm">
              <li className="grid gap-1">
                <span className="font-medium">Scan the QR code</span>
                <span className="text-muted-foreground">
                  Use an authenticator app such as 1Password, Google Authenticator, Microsoft Authenticator or
                  Aegis.
                </span>
              </li>
              <li className="grid gap-2">
                <span className="font-medium">Cannot scan? Enter this key instead</span>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="sr-only">Setup key:</span>
                  <code className="rounded-md border bg-muted px-2.5 py-1.5 font-mono text-xs tracking-wider break-all">
                    {groupSecret(step.secret)}
                  </code>
                  <CopyButton value={step.secret} label="Copy key" />
                </div>
              </li>
            </ol>
          </div>
          <FormField
            label="Then enter the 6-digit code the app shows"
            error={fieldError(enable.error, 'code') ?? formError(enable.error, ['code'])}
            className="max-w-xs"
          >
            {(control) => (
              <Input
                {...control}
                required
                autoComplete="one-time-code"
                inputMode="numeric"
                placeholder="123 456"
                maxLength={7}
                className="font-mono tracking-widest"
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
            )}
          </FormField>
          <div className="flex gap-2">
            <Button type="submit" pending={enable.isPending} disabled={code.replace(/\s/g, '').length < 6}>
              Turn on two-factor sign-in
            </Button>
            <Button type="button" variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {step.kind === 'codes' && <RecoveryCodes codes={step.recoveryCodes} email={email} onDone={finish} />}
    </div>
  );
}
