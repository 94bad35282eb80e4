import { AppError, type Pool, withTransaction } from '@synoptic/service-kit';
import type { UserRow } from '../accounts/users.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { canAssign, canManage, type Role } from '../projects/policy.ts';
import type { ProjectAccess } from '../projects/project-access.ts';
import { actorOf } from '../projects/projects.service.ts';
import {
  countOwnersForUpdate,
  deleteMember,
  findMemberForUpdate,
  findMembers,
  type MemberRow,
  setMemberRole,
} from './members.repository.ts';

export type Member = { userId: string; name: string; email: string; role: Role; joinedAt: string };

const present = (row: MemberRow): Member => ({
  userId: row.user_id,
  name: row.name,
  email: row.email,
  role: row.role,
  joinedAt: row.created_at.toISOString(),
});

const lastOwner = () =>
  new AppError('conflict', 'A project always keeps at least one owner. Make someone else owner first.');

export function createMembersService(pool: Pool) {
  return {
    list: async (access: ProjectAccess) => (await findMembers(pool, access.project.id)).map(present),

    /** Changes a member's role within what the actor's own role allows; the last owner stays owner. */
    async changeRole(access: ProjectAccess, actor: UserRow, userId: string, role: Role) {
      return withTransaction(pool, async (tx) => {
        const target = await findMemberForUpdate(tx, access.project.id, userId);
        if (!target) throw new AppError('not_found', 'No such member in this project.');
        if (userId !== actor.id && !canManage(access.role, target.role)) {
          throw new AppError(
            'forbidden',
            `As ${access.role} you cannot change the role of an ${target.role}.`,
          );
        }
        if (!canAssign(access.role, role))
          throw new AppError('forbidden', `As ${access.role} you cannot make someone ${role}.`);
        if (
          target.role === 'owner' &&
          role !== 'owner' &&
          (await countOwnersForUpdate(tx, access.project.id)) <= 1
        ) {
          throw lastOwner();
        }
        if (target.role === role) return present(target);
        await setMemberRole(tx, access.project.id, userId, role);
        await recordAudit(tx, {
          projectId: access.project.id,
          actor: actorOf(actor),
          action: 'member.role_changed',
          target: target.email,
          details: { from: target.role, to: role },
        });
        return present({ ...target, role });
      });
    },

    /** Removes someone (admins: those below admin), or the caller themselves when leaving. */
    async remove(access: ProjectAccess, actor: UserRow, userId: string) {
      await withTransaction(pool, async (tx) => {
        const target = await findMemberForUpdate(tx, access.project.id, userId);
        if (!target) throw new AppError('not_found', 'No such member in this project.');
        const leaving = userId === actor.id;
        if (!leaving && !canManage(access.role, target.role)) {
          throw new AppError('forbidden', `As ${access.role} you cannot remove an ${target.role}.`);
        }
        if (target.role === 'owner' && (await countOwnersForUpdate(tx, access.project.id)) <= 1)
          throw lastOwner();
        await deleteMember(tx, access.project.id, userId);
        await recordAudit(tx, {
          projectId: access.project.id,
          actor: actorOf(actor),
          action: leaving ? 'member.left' : 'member.removed',
          target: target.email,
          details: { role: target.role },
        });
      });
    },

    /** Hands ownership to another member; the caller stays on as admin. */
    async transferOwnership(access: ProjectAccess, actor: UserRow, userId: string) {
      if (userId === actor.id) throw new AppError('conflict', 'You already own this project.');
      await withTransaction(pool, async (tx) => {
        const target = await findMemberForUpdate(tx, access.project.id, userId);
        if (!target) throw new AppError('not_found', 'No such member in this project.');
        await setMemberRole(tx, access.project.id, userId, 'owner');
        await setMemberRole(tx, access.project.id, actor.id, 'admin');
        await recordAudit(tx, {
          projectId: access.project.id,
          actor: actorOf(actor),
          action: 'project.ownership_transferred',
          target: target.email,
        });
      });
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
