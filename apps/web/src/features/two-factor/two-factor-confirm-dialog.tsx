import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PasswordInput } from '@/components/ui/password-input';
import { toast } from '@/components/ui/toast';
import { meQueryKey } from '@/features/auth/use-me';
import { api, call } from '@/lib/api';
import { fieldError, formError } from '@/lib/form-errors';
import { RecoveryCodes } from './recovery-codes';
import { twoFactorQueryKey } from './use-two-factor';

type Action = 'disable' | 'regenerate';

const copy: Record<Action, { title: string; description: string; submit: string }> = {
  disable: {
    title: 'Turn off two-factor sign-in?',
    description:
      'Signing in will only need your password. Confirm with your password and a code from your app (or a recovery code).',
    submit: 'Turn off',
  },
  regenerate: {
    title: 'New recovery codes',
    description:
      'Your current recovery codes stop working and ten new ones replace them. Confirm with your password and a code from your app.',
    submit: 'Create new codes',
  },
};

/** Disabling two-factor or replacing recovery codes: both need the password and a second factor. */
export function TwoFactorConfirmDialog({
  action,
  email,
  trigger,
}: {
  action: Action;
  email: string;
  trigger: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const run = useMutation({
    mutationFn: async () => {
      const body = { password, code: code.trim() };
      if (action === 'disable') {
        await call(api.POST('/api/me/two-factor/disable', { body }));
        return undefined;
      }
      return (await call(api.POST('/api/me/two-factor/recovery-codes', { body }))).recoveryCodes;
    },
    onSuccess: () => {
      setPassword('');
      setCode('');
      void queryClient.invalidateQueries({ queryKey: twoFactorQueryKey });
      if (action === 'disable') {
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
        toast.success('Two-factor sign-in is off');
        setOpen(false);
      }
    },
  });
  const onOpenChange = (next: boolean) => {
    if (run.isPending) return;
    setOpen(next);
    if (!next) {
      setPassword('');
      setCode('');
      run.reset();
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate();
  };
  const text = copy[action];
  const problem = formError(run.error, ['password', 'code']);
  const newCodes = run.data;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent
        onInteractOutside={(event) => {
          if (newCodes) event.preventDefault();
        }}
      >
        {newCodes ? (
          <div className="grid gap-5">
            <DialogHeader>
              <DialogTitle>Your new recovery codes</DialogTitle>
              <DialogDescription>The old codes no longer work.</DialogDescription>
            </DialogHeader>
            <RecoveryCodes codes={newCodes} email={email} onDone={() => onOpenChange(false)} />
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-5">
            <DialogHeader>
              <DialogTitle>{text.title}</DialogTitle>
              <DialogDescription>{text.description}</DialogDescription>
            </DialogHeader>
            {problem && <Alert variant="destructive">{problem}</Alert>}
            <FormField label="Password" error={fieldError(run.error, 'password')}>
              {(control) => (
                <PasswordInput
                  {...control}
                  autoComplete="current-password"
                  autoFocus
                  required
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                />
              )}
            </FormField>
            <FormField label="Authentication or recovery code" error={fieldError(run.error, 'code')}>
              {(control) => (
                <Input
                  {...control}
                  required
                  autoComplete="one-time-code"
                  maxLength={20}
                  className="font-mono tracking-widest"
                  value={code}
                  onChange={(event) => setCode(event.target.value)}
                />
              )}
            </FormField>
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  Cancel
                </Button>
              </DialogClose>
              <Button
                type="submit"
                variant={action === 'disable' ? 'destructive' : 'default'}
                pending={run.isPending}
                disabled={!password || code.trim().length < 6}
              >
                {text.submit}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
