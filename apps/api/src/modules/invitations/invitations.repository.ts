import type { Queryable } from '@synoptic/service-kit';
import type { Role } from '../projects/policy.ts';

export type InvitationRow = {
  id: string;
  project_id: string;
  project_name: string;
  email: string;
  email_normalized: string;
  role: Role;
  invited_by_name: string | null;
  expires_at: Date;
  created_at: Date;
};

const select = `select i.id, i.project_id, p.name as project_name, i.email, i.email_normalized, i.role,
  u.name as invited_by_name, i.expires_at, i.created_at
  from app.project_invitations i
  join app.projects p on p.id = i.project_id and p.deleting_at is null
  left join app.users u on u.id = i.invited_by`;

const open = 'i.accepted_at is null and i.declined_at is null and i.revoked_at is null';

/** Replaces any open invitation of the same person to the same project. */
export async function insertInvitation(
  db: Queryable,
  invitation: {
    id: string;
    projectId: string;
    email: string;
    emailNormalized: string;
    role: Role;
    tokenHash: Buffer;
    invitedBy: string;
    expiresAt: Date;
    now: Date;
  },
): Promise<void> {
  await db.query(
    `update app.project_invitations i set revoked_at = $3
     where i.project_id = $1 and i.email_normalized = $2 and ${open}`,
    [invitation.projectId, invitation.emailNormalized, invitation.now],
  );
  await db.query(
    `insert into app.project_invitations (id, project_id, email, email_normalized, role, token_hash, invited_by, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      invitation.id,
      invitation.projectId,
      invitation.email,
      invitation.emailNormalized,
      invitation.role,
      invitation.tokenHash,
      invitation.invitedBy,
      invitation.expiresAt,
    ],
  );
}

export async function findPendingOfProject(
  db: Queryable,
  projectId: string,
  now: Date,
): Promise<InvitationRow[]> {
  const { rows } = await db.query<InvitationRow>(
    `${select} where i.project_id = $1 and ${open} and i.expires_at > $2 order by i.created_at desc`,
    [projectId, now],
  );
  return rows;
}

export async function findPendingForEmail(
  db: Queryable,
  emailNormalized: string,
  now: Date,
): Promise<InvitationRow[]> {
  const { rows } = await db.query<InvitationRow>(
    `${select} where i.email_normalized = $1 and ${open} and i.expires_at > $2 order by i.created_at desc`,
    [emailNormalized, now],
  );
  return rows;
}

export async function findPendingById(
  db: Queryable,
  id: string,
  now: Date,
): Promise<InvitationRow | undefined> {
  const { rows } = await db.query<InvitationRow>(
    `${select} where i.id = $1 and ${open} and i.expires_at > $2`,
    [id, now],
  );
  return rows[0];
}

export async function findPendingByTokenHash(
  db: Queryable,
  tokenHash: Buffer,
  now: Date,
): Promise<InvitationRow | undefined> {
  const { rows } = await db.query<InvitationRow>(
    `${select} where i.token_hash = $1 and ${open} and i.expires_at > $2`,
    [tokenHash, now],
  );
  return rows[0];
}

/** Closes an open invitation; false when it was no longer open (answered or revoked meanwhile). */
export async function closeInvitation(
  db: Queryable,
  id: string,
  outcome: 'accepted' | 'declined' | 'revoked',
  now: Date,
): Promise<boolean> {
  const column = { accepted: 'accepted_at', declined: 'declined_at', revoked: 'revoked_at' }[outcome];
  const { rowCount } = await db.query(
    `update app.project_invitations i set ${column} = $2 where i.id = $1 and ${open}`,
    [id, now],
  );
  return (rowCount ?? 0) > 0;
}
