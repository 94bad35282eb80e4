import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { PasswordInput } from '@/components/ui/password-input';
import { toast } from '@/components/ui/toast';
import { PasswordHint } from '@/features/auth/password-hint';
import { api, call } from '@/lib/api';
import { fieldError, formError } from '@/lib/form-errors';

function endedSentence(count: number): string {
  if (count === 0) return 'You were not signed in anywhere else.';
  return count === 1
    ? 'We signed you out of 1 other session.'
    : `We signed you out of ${count} other sessions.`;
}

export function ChangePasswordForm({ email }: { email: string }) {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useMutation({
    mutationFn: () => call(api.POST('/api/me/password', { body: { currentPassword, newPassword } })),
    onSuccess: (result) => {
      setCurrentPassword('');
      setNewPassword('');
      toast.success('Password changed', endedSentence(result.otherSessionsEnded));
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  const problem = formError(change.error, ['currentPassword', 'newPassword']);

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {change.isSuccess && (
        <Alert variant="success">
          Your password was changed. {endedSentence(change.data.otherSessionsEnded)}
        </Alert>
      )}
      {problem && <Alert variant="destructive">{problem}</Alert>}
      <FormField label="Current password" error={fieldError(change.error, 'currentPassword')}>
        {(control) => (
          <PasswordInput
            {...control}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.target.value)}
          />
        )}
      </FormField>
      <FormField
        label="New password"
        hint={<PasswordHint password={newPassword} email={email} />}
        error={fieldError(change.error, 'newPassword')}
      >
        {(control) => (
          <PasswordInput
            {...control}
            autoComplete="new-password"
            required
            maxLength={128}
            value={newPassword}
            onChange={(event) => setNewPassword(event.target.value)}
          />
        )}
      </FormField>
      <div className="flex justify-end border-t pt-5">
        <Button type="submit" pending={change.isPending} disabled={!currentPassword || !newPassword}>
          Change password
        </Button>
      </div>
    </form>
  );
}
