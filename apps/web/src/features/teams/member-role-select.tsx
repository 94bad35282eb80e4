import { Select } from '@/components/ui/input';
import { Tooltip } from '@/components/ui/tooltip';
import {
  assignableRoles,
  canManage,
  type Role,
  roleLabels,
  roles,
  withArticle,
} from '@/features/projects/project-permissions';
import { RoleBadge } from '@/features/projects/role-badge';
import { type Member, useChangeRole } from './use-members';

/** Why I may not change this person's role, or undefined when I may. */
function lockedReason(
  myRole: Role,
  member: Member,
  isMe: boolean,
  archived: boolean,
  ownerCount: number,
): string | undefined {
  if (archived) return 'The project is archived. Unarchive it to change roles.';
  if (isMe && member.role === 'owner' && ownerCount <= 1)
    return 'You are the only owner. Make someone else owner (or transfer ownership) first.';
  if (myRole === 'member' || myRole === 'viewer') return 'Only admins and owners can change roles.';
  if (!isMe && !canManage(myRole, member.role))
    return `As an admin you cannot change the role of ${withArticle(member.role)}. Ask an owner.`;
  return undefined;
}

/** A member's role: a select where my role allows the change, else a badge that says why not. */
export function MemberRoleSelect({
  projectId,
  member,
  myRole,
  isMe,
  archived,
  ownerCount,
}: {
  projectId: string;
  member: Member;
  myRole: Role;
  isMe: boolean;
  archived: boolean;
  ownerCount: number;
}) {
  const changeRole = useChangeRole(projectId);
  const reason = lockedReason(myRole, member, isMe, archived, ownerCount);
  const label = `Role of ${member.name}`;
  // A viewer sees roles as badges: a row of disabled selects would only be noise.
  if (myRole === 'member' || myRole === 'viewer') {
    return <RoleBadge role={member.role} />;
  }
  const allowed = assignableRoles(myRole);
  const select = (
    <Select
      aria-label={label}
      className="h-8 w-32"
      value={changeRole.isPending && changeRole.variables ? changeRole.variables.role : member.role}
      disabled={reason !== undefined || changeRole.isPending}
      onChange={(event) => changeRole.mutate({ member, role: event.target.value as Role })}
    >
      {roles.map((role) => {
        const locked = role !== member.role && !allowed.includes(role);
        return (
          <option key={role} value={role} disabled={locked}>
            {locked ? `${roleLabels[role]} (owners only)` : roleLabels[role]}
          </option>
        );
      })}
    </Select>
  );
  if (reason) return <Tooltip content={reason}>{select}</Tooltip>;
  return select;
}
