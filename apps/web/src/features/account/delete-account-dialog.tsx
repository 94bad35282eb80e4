import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { PasswordInput } from '@/components/ui/password-input';
import { endLocalSession } from '@/features/auth/session';
import { api, call } from '@/lib/api';
import { fieldError, formError } from '@/lib/form-errors';

/** Asks for the password, deletes the account, and leaves the app for the sign-in page. */
export function DeleteAccountDialog() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const remove = useMutation({
    mutationFn: () => call(api.DELETE('/api/me', { body: { password } })),
    onSuccess: () => endLocalSession(queryClient, 'account-deleted'),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    remove.mutate();
  };
  const problem = formError(remove.error, ['password']);

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (remove.isPending) return;
        setOpen(next);
        if (!next) {
          setPassword('');
          remove.reset();
        }
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant="destructive">
          <Trash2 /> Delete my account…
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-5">
          <AlertDialogHeader>
            <AlertDialogTitle>Delete your account?</AlertDialogTitle>
            <AlertDialogDescription>
              Your account, sessions, API tokens and two-factor settings are deleted at once. There is no
              undo. Enter your password to confirm.
            </AlertDialogDescription>
          </AlertDialogHeader>
          {problem && <Alert variant="destructive">{problem}</Alert>}
          <FormField label="Password" error={fieldError(remove.error, 'password')}>
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
          <AlertDialogFooter>
            <AlertDialogCancel asChild>
              <Button variant="outline" disabled={remove.isPending}>
                Cancel
              </Button>
            </AlertDialogCancel>
            <Button type="submit" variant="destructive" pending={remove.isPending} disabled={!password}>
              Delete account permanently
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
