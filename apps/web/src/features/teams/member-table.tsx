import { UserMinus } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Tooltip } from '@/components/ui/tooltip';
import { ConfirmDialog } from '@/features/projects/confirm-dialog';
import { canManage, type Role, withArticle } from '@/features/projects/project-permissions';
import { formatDate, formatDateTime } from '@/lib/format';
import { MemberAvatar } from './member-avatar';
import { MemberRoleSelect } from './member-role-select';
import { type Member, useRemoveMember } from './use-members';

function RemoveMember({ projectId, member }: { projectId: string; member: Member }) {
  const remove = useRemoveMember(projectId);
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Remove ${member.name}`}>
          <UserMinus /> Remove
        </Button>
      }
      title={`Remove ${member.name}?`}
      description={`${member.name} (${member.email}) loses access to this project at once. You can invite them again later.`}
      confirmLabel="Remove member"
      destructive
      onConfirm={() => remove.mutateAsync(member)}
    />
  );
}

/** Why I may not remove this person, or undefined when I may. */
function removeLockedReason(myRole: Role, member: Member, archived: boolean): string | undefined {
  if (archived) return 'The project is archived. Unarchive it to change the team.';
  if (!canManage(myRole, member.role))
    return `As an admin you cannot remove ${withArticle(member.role)}. Ask an owner.`;
  return undefined;
}

export function MemberTable({
  projectId,
  members,
  myRole,
  myId,
  archived,
}: {
  projectId: string;
  members: Member[];
  myRole: Role;
  myId: string;
  archived: boolean;
}) {
  const manages = myRole === 'owner' || myRole === 'admin';
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Members of this project</caption>
        <thead className="border-b bg-muted/40 text-left text-xs font-medium text-muted-foreground">
          <tr>
            <th scope="col" className="px-6 py-2.5 font-medium">
              Person
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Role
            </th>
            <th scope="col" className="hidden px-3 py-2.5 font-medium sm:table-cell">
              Joined
            </th>
            {manages && (
              <th scope="col" className="px-6 py-2.5">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y">
          {members.map((member) => {
            const isMe = member.userId === myId;
            const removeReason = removeLockedReason(myRole, member, archived);
            return (
              <tr key={member.userId}>
                <td className="px-6 py-3">
                  <div className="flex items-center gap-3">
                    <MemberAvatar name={member.name} id={member.userId} />
                    <div className="grid min-w-0">
                      <span className="flex items-center gap-2 font-medium">
                        <span className="truncate">{member.name}</span>
                        {isMe && <Badge variant="secondary">You</Badge>}
                      </span>
                      <span className="truncate text-muted-foreground">{member.email}</span>
                    </div>
                  </div>
                </td>
                <td className="px-3 py-3">
                  <MemberRoleSelect
                    projectId={projectId}
                    member={member}
                    myRole={myRole}
                    isMe={isMe}
                    archived={archived}
                    ownerCount={members.filter((other) => other.role === 'owner').length}
                  />
                </td>
                <td className="hidden px-3 py-3 whitespace-nowrap text-muted-foreground sm:table-cell">
                  <time dateTime={member.joinedAt} title={formatDateTime(member.joinedAt)}>
                    {formatDate(member.joinedAt)}
                  </time>
                </td>
                {manages && (
                  <td className="px-6 py-3 text-right">
                    {isMe ? null : removeReason ? (
                      <Tooltip content={removeReason}>
                        <Button variant="ghost" size="sm" disabled aria-label={`Remove ${member.name}`}>
                          <UserMinus /> Remove
                        </Button>
                      </Tooltip>
                    ) : (
                      <RemoveMember projectId={projectId} member={member} />
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
