import { Mail } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { RoleBadge } from '@/features/projects/role-badge';
import { formatDate } from '@/lib/format';
import { type Invitation, useAnswerInvitation, useMyInvitations } from './use-my-invitations';

/** Invitations to my address, to accept or decline right here; nothing shows when there are none. */
export function MyInvitations() {
  const invitations = useMyInvitations();
  const answer = useAnswerInvitation();
  const navigate = useNavigate();
  const [answering, setAnswering] = useState<{ id: string; accept: boolean }>();
  if (!invitations.data?.length) return null;

  const onAnswer = (invitation: Invitation, accept: boolean) => {
    setAnswering({ id: invitation.id, accept });
    answer.mutate(
      { invitation, accept },
      {
        onSuccess: (result) => {
          if (result.accepted) void navigate(`/projects/${result.project.id}`);
        },
        onSettled: () => setAnswering(undefined),
      },
    );
  };

  return (
    <section
      aria-labelledby="my-invitations-title"
      className="rounded-xl border border-primary/25 bg-primary/5"
    >
      <h2 id="my-invitations-title" className="flex items-center gap-2 px-5 pt-4 text-sm font-semibold">
        <Mail aria-hidden="true" className="size-4 text-primary" />
        {invitations.data.length === 1
          ? 'You have an invitation'
          : `You have ${invitations.data.length} invitations`}
      </h2>
      <ul className="divide-y divide-primary/15">
        {invitations.data.map((invitation) => (
          <li
            key={invitation.id}
            className="flex flex-col gap-3 px-5 py-3 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="grid gap-0.5 text-sm">
              <p>
                <span className="font-medium">{invitation.invitedBy ?? 'Someone'}</span> invited you to{' '}
                <span className="font-medium">{invitation.project.name}</span> as{' '}
                <RoleBadge role={invitation.role} className="align-middle" />
              </p>
              <p className="text-xs text-muted-foreground">Open until {formatDate(invitation.expiresAt)}</p>
            </div>
            <div className="flex shrink-0 gap-2">
              <Button
                variant="outline"
                size="sm"
                disabled={answer.isPending}
                pending={answering?.id === invitation.id && !answering.accept}
                onClick={() => onAnswer(invitation, false)}
                aria-label={`Decline the invitation to ${invitation.project.name}`}
              >
                Decline
              </Button>
              <Button
                size="sm"
                disabled={answer.isPending}
                pending={answering?.id === invitation.id && answering.accept}
                onClick={() => onAnswer(invitation, true)}
                aria-label={`Accept the invitation to ${invitation.project.name}`}
              >
                Accept
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
