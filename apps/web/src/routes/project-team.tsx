import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useMe } from '@/features/auth/use-me';
import { useCurrentProject } from '@/features/projects/project-context';
import { can } from '@/features/projects/project-permissions';
import { InviteForm } from '@/features/teams/invite-form';
import { LeaveProjectDialog } from '@/features/teams/leave-project-dialog';
import { MemberTable } from '@/features/teams/member-table';
import { PendingInvitations } from '@/features/teams/pending-invitations';
import { TransferOwnershipDialog } from '@/features/teams/transfer-ownership-dialog';
import { useMembers, useProjectInvitations } from '@/features/teams/use-members';
import { errorMessage } from '@/lib/api';
import { useDocumentTitle } from '@/lib/use-document-title';

export function ProjectTeamRoute() {
  const project = useCurrentProject();
  useDocumentTitle(`Team · ${project.name}`);
  const { data: me } = useMe();
  const members = useMembers(project.id);
  const managesInvitations = can(project.role, 'invitations.manage');
  const invitations = useProjectInvitations(project.id, managesInvitations);
  const isOwner = project.role === 'owner';
  const transferCandidates = (members.data ?? []).filter((member) => member.userId !== me?.id);

  return (
    <div className="grid gap-6">
      {managesInvitations && !project.archived && (
        <Card>
          <CardHeader className="pb-4">
            <CardTitle>Invite someone</CardTitle>
            <CardDescription>
              They get an email with a link that works for 7 days. Without an account, they create one with
              that address.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <InviteForm projectId={project.id} myRole={project.role} />
          </CardContent>
        </Card>
      )}

      <Card className="overflow-hidden">
        <CardHeader className="pb-4">
          <CardTitle>Members</CardTitle>
          <CardDescription>
            Owners do everything; admins manage settings and people below admin; members run jobs; viewers
            read.
          </CardDescription>
        </CardHeader>
        <div className="border-t">
          {members.isPending && (
            <div className="grid gap-3 p-6">
              <Skeleton className="h-10" />
              <Skeleton className="h-10" />
            </div>
          )}
          {members.isError && (
            <div className="p-6">
              <Alert variant="destructive">{errorMessage(members.error)}</Alert>
            </div>
          )}
          {members.data && me && (
            <MemberTable
              projectId={project.id}
              members={members.data}
              myRole={project.role}
              myId={me.id}
              archived={project.archived}
            />
          )}
        </div>
      </Card>

      {managesInvitations && (
        <Card className="overflow-hidden">
          <CardHeader className="pb-4">
            <CardTitle>Pending invitations</CardTitle>
            <CardDescription>Invitations that have not been accepted or declined yet.</CardDescription>
          </CardHeader>
          <div className="border-t">
            {invitations.isPending && (
              <div className="p-6">
                <Skeleton className="h-10" />
              </div>
            )}
            {invitations.isError && (
              <div className="p-6">
                <Alert variant="destructive">{errorMessage(invitations.error)}</Alert>
              </div>
            )}
            {invitations.data && (
              <PendingInvitations
                projectId={project.id}
                invitations={invitations.data}
                archived={project.archived}
              />
            )}
          </div>
        </Card>
      )}

      <Card>
        <CardHeader className="pb-4">
          <CardTitle>Your membership</CardTitle>
          <CardDescription>
            {isOwner
              ? 'A project always keeps an owner: hand it over before you leave, or make someone else owner too.'
              : 'Leave when you no longer need this project. Someone has to invite you again to come back.'}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-3">
          {isOwner && !project.archived && (
            <TransferOwnershipDialog projectId={project.id} candidates={transferCandidates} />
          )}
          <LeaveProjectDialog projectId={project.id} projectName={project.name} />
        </CardContent>
      </Card>
    </div>
  );
}
