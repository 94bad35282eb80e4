import { CircleAlert, MailOpen } from 'lucide-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useMe } from '@/features/auth/use-me';
import { useSignOut } from '@/features/auth/use-sign-out';
import { useInvitationPreview } from '@/features/invitations/use-invitation-preview';
import { useAnswerInvitationByToken } from '@/features/invitations/use-my-invitations';
import { roleDescriptions } from '@/features/projects/project-permissions';
import { RoleBadge } from '@/features/projects/role-badge';
import { ApiError, errorMessage } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';

/** The api's refusal in plain words: whose address it was for, or that it is no longer open. */
function problemOf(error: unknown, email: string | undefined): { title: string; body: string } {
  if (error instanceof ApiError && error.status === 403) {
    return {
      title: 'This invitation is for another address',
      body: `You are signed in as ${email ?? 'someone else'}. Sign in with the invited address to answer it.`,
    };
  }
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return {
      title: 'This invitation is no longer open',
      body: 'It was answered, revoked or has expired. Ask the person who invited you to send a new one.',
    };
  }
  return { title: 'We could not open this invitation', body: errorMessage(error) };
}

function Problem({ error, email }: { error: unknown; email: string | undefined }) {
  const signOut = useSignOut();
  const problem = problemOf(error, email);
  const wrongAddress = error instanceof ApiError && error.status === 403;
  return (
    <div className="grid gap-5">
      <div className="flex flex-col items-center gap-3 text-center">
        <span className="flex size-12 items-center justify-center rounded-full bg-destructive/10">
          <CircleAlert aria-hidden="true" className="size-6 text-destructive" />
        </span>
        <h1 className="text-xl font-semibold">{problem.title}</h1>
        <p className="max-w-sm text-sm text-muted-foreground">{problem.body}</p>
      </div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-center">
        <Button variant="outline" asChild>
          <Link to="/projects">Go to your projects</Link>
        </Button>
        {wrongAddress && (
          <Button pending={signOut.isPending} onClick={() => signOut.mutate()}>
            Sign out and switch account
          </Button>
        )}
      </div>
    </div>
  );
}

export function InvitationAcceptRoute() {
  useDocumentTitle('Invitation');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { data: me } = useMe();
  const preview = useInvitationPreview(token);
  const answer = useAnswerInvitationByToken(token);

  const onAnswer = (accept: boolean) =>
    answer.mutate(accept, {
      onSuccess: (result) =>
        void navigate(result.accepted ? `/projects/${result.project.id}` : '/projects', { replace: true }),
    });

  let content: React.ReactNode;
  if (!token) {
    content = (
      <Problem
        error={new ApiError({ status: 404, code: 'not_found', message: 'No invitation token' })}
        email={me?.email}
      />
    );
  } else if (preview.isPending) {
    content = (
      <div className="grid gap-3" aria-busy="true">
        <Skeleton className="mx-auto size-12 rounded-full" />
        <Skeleton className="mx-auto h-6 w-64" />
        <Skeleton className="mx-auto h-4 w-48" />
      </div>
    );
  } else if (preview.isError) {
    content = <Problem error={preview.error} email={me?.email} />;
  } else {
    const invitation = preview.data;
    content = (
      <div className="grid gap-6">
        <div className="flex flex-col items-center gap-3 text-center">
          <span className="flex size-12 items-center justify-center rounded-full bg-primary/10">
            <MailOpen aria-hidden="true" className="size-6 text-primary" />
          </span>
          <h1 className="text-xl font-semibold text-balance">Join “{invitation.project.name}”</h1>
          <p className="max-w-sm text-sm text-muted-foreground">
            <span className="font-medium text-foreground">{invitation.invitedBy ?? 'Someone'}</span> invited
            you to work on this project.
          </p>
        </div>
        <dl className="grid gap-3 rounded-lg border bg-muted/40 p-4 text-sm">
          <div className="flex items-center justify-between gap-3">
            <dt className="text-muted-foreground">Your role</dt>
            <dd>
              <RoleBadge role={invitation.role} />
            </dd>
          </div>
          <div className="flex items-center justify-between gap-3">
            <dt className="text-muted-foreground">Invited address</dt>
            <dd className="truncate">{invitation.email}</dd>
          </div>
          <div className="flex items-center justify-between gap-3">
            <dt className="text-muted-foreground">Open until</dt>
            <dd>{formatDate(invitation.expiresAt)}</dd>
          </div>
          <p className="border-t pt-3 text-xs text-muted-foreground">
            As {invitation.role}: {roleDescriptions[invitation.role].toLowerCase()}.
          </p>
        </dl>
        {answer.isError && <Alert variant="destructive">{problemOf(answer.error, me?.email).body}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button
            variant="outline"
            disabled={answer.isPending}
            pending={answer.isPending && answer.variables === false}
            onClick={() => onAnswer(false)}
          >
            Decline
          </Button>
          <Button
            disabled={answer.isPending}
            pending={answer.isPending && answer.variables === true}
            onClick={() => onAnswer(true)}
          >
            Accept invitation
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-lg py-8 md:py-16">
      <Card>
        <CardContent className="p-6 sm:p-8">{content}</CardContent>
      </Card>
    </div>
  );
}
