import type { Queryable } from '@synoptic/service-kit';
import type { Role } from '../projects/policy.ts';

export type MemberRow = { user_id: string; name: string; email: string; role: Role; created_at: Date };

export async function insertMember(
  db: Queryable,
  projectId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await db.query('insert into app.project_members (project_id, user_id, role) values ($1, $2, $3)', [
    projectId,
    userId,
    role,
  ]);
}

export async function findMembers(db: Queryable, projectId: string): Promise<MemberRow[]> {
  const { rows } = await db.query<MemberRow>(
    `select m.user_id, u.name, u.email, m.role, m.created_at
     from app.project_members m join app.users u on u.id = m.user_id
     where m.project_id = $1
     order by case m.role when 'owner' then 1 when 'admin' then 2 when 'member' then 3 else 4 end, lower(u.name)`,
    [projectId],
  );
  return rows;
}

/** The member's row, locked until the transaction ends so concurrent role changes cannot race. */
export async function findMemberForUpdate(db: Queryable, projectId: string, userId: string) {
  const { rows } = await db.query<MemberRow>(
    `select m.user_id, u.name, u.email, m.role, m.created_at
     from app.project_members m join app.users u on u.id = m.user_id
     where m.project_id = $1 and m.user_id = $2 for update of m`,
    [projectId, userId],
  );
  return rows[0];
}

/** Counts the owners, locking them, so two owners cannot both step down at once. */
export async function countOwnersForUpdate(db: Queryable, projectId: string): Promise<number> {
  const { rows } = await db.query<{ user_id: string }>(
    `select user_id from app.project_members where project_id = $1 and role = 'owner' for update`,
    [projectId],
  );
  return rows.length;
}

export async function setMemberRole(
  db: Queryable,
  projectId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await db.query('update app.project_members set role = $3 where project_id = $1 and user_id = $2', [
    projectId,
    userId,
    role,
  ]);
}

export async function deleteMember(db: Queryable, projectId: string, userId: string): Promise<void> {
  await db.query('delete from app.project_members where project_id = $1 and user_id = $2', [
    projectId,
    userId,
  ]);
}

export async function countMembersByRole(db: Queryable, projectId: string): Promise<Record<Role, number>> {
  const { rows } = await db.query<{ role: Role; n: number }>(
    'select role, count(*)::int as n from app.project_members where project_id = $1 group by role',
    [projectId],
  );
  const counts: Record<Role, number> = { owner: 0, admin: 0, member: 0, viewer: 0 };
  for (const row of rows) counts[row.role] = row.n;
  return counts;
}
