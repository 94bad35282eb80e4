import { Send } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input, Select } from '@/components/ui/input';
import {
  assignableRoles,
  type Role,
  roleDescriptions,
  roleLabels,
} from '@/features/projects/project-permissions';
import { fieldError, formError } from '@/lib/form-errors';
import { useInvite } from './use-members';

/** Invites someone by address, with a role I may grant; the api mails them a 7-day link. */
export function InviteForm({ projectId, myRole }: { projectId: string; myRole: Role }) {
  const allowed = assignableRoles(myRole);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(
    allowed.includes('member') ? 'member' : (allowed.at(-1) ?? 'viewer'),
  );
  const invite = useInvite(projectId);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ email, role }, { onSuccess: () => setEmail('') });
  };
  const problem = formError(invite.error, ['email', 'role']);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Invite someone" className="grid gap-4">
      {problem && <Alert variant="destructive">{problem}</Alert>}
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem_auto] sm:items-start">
        <FormField label="Email address" error={fieldError(invite.error, 'email')}>
          {(control) => (
            <Input
              {...control}
              type="email"
              autoComplete="off"
              required
              placeholder="name@company.com"
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
                if (invite.error) invite.reset();
              }}
            />
          )}
        </FormField>
        <FormField label="Role" error={fieldError(invite.error, 'role')}>
          {(control) => (
            <Select {...control} value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {allowed.map((option) => (
                <option key={option} value={option}>
                  {roleLabels[option]}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <Button
          type="submit"
          className="sm:mt-[1.375rem]"
          pending={invite.isPending}
          disabled={!email.trim()}
        >
          {!invite.isPending && <Send />} Send invitation
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">
        {roleLabels[role]}: {roleDescriptions[role].toLowerCase()}.
        {myRole === 'admin' && ' As an admin you can invite members and viewers.'}
      </p>
    </form>
  );
}
