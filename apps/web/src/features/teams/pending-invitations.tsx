import { MailX } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/features/projects/confirm-dialog';
import { RoleBadge } from '@/features/projects/role-badge';
import { formatDate, formatDateTime, relativeTime } from '@/lib/format';
import { type ProjectInvitation, useRevokeInvitation } from './use-members';

function RevokeInvitation({ projectId, invitation }: { projectId: string; invitation: ProjectInvitation }) {
  const revoke = useRevokeInvitation(projectId);
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Revoke the invitation to ${invitation.email}`}>
          <MailX /> Revoke
        </Button>
      }
      title="Revoke this invitation?"
      description={`The link sent to ${invitation.email} stops working. You can invite them again later.`}
      confirmLabel="Revoke invitation"
      destructive
      onConfirm={() => revoke.mutateAsync(invitation)}
    />
  );
}

/** Invitations nobody has answered yet, newest first, each revocable unless the project is archived. */
export function PendingInvitations({
  projectId,
  invitations,
  archived,
}: {
  projectId: string;
  invitations: ProjectInvitation[];
  archived: boolean;
}) {
  if (invitations.length === 0) {
    return (
      <p className="px-6 py-5 text-sm text-muted-foreground">No invitations are waiting for an answer.</p>
    );
  }
  return (
    <ul aria-label="Pending invitations" className="divide-y">
      {invitations.map((invitation) => (
        <li
          key={invitation.id}
          className="flex flex-wrap items-center justify-between gap-3 px-6 py-3 text-sm"
        >
          <div className="grid min-w-0 gap-0.5">
            <span className="flex items-center gap-2">
              <span className="truncate font-medium">{invitation.email}</span>
              <RoleBadge role={invitation.role} />
            </span>
            <span className="text-xs text-muted-foreground">
              Invited{invitation.invitedBy ? ` by ${invitation.invitedBy}` : ''}{' '}
              <time dateTime={invitation.createdAt} title={formatDateTime(invitation.createdAt)}>
                {relativeTime(invitation.createdAt)}
              </time>
              {' · '}expires{' '}
              <time dateTime={invitation.expiresAt} title={formatDateTime(invitation.expiresAt)}>
                {formatDate(invitation.expiresAt)}
              </time>
            </span>
          </div>
          {!archived && <RevokeInvitation projectId={projectId} invitation={invitation} />}
        </li>
      ))}
    </ul>
  );
}
