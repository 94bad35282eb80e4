import type { Queryable } from '@synoptic/service-kit';
import { reviveUserRow, type UserRow, userColumns } from '../accounts/users.repository.ts';

export type SessionRow = {
  id: string;
  user_id: string;
  user_agent: string;
  ip: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
};

const columns = 'id, user_id, user_agent, ip, created_at, last_seen_at, expires_at';

export async function insertSession(
  db: Queryable,
  session: {
    id: string;
    userId: string;
    tokenHash: Buffer;
    userAgent: string;
    ip: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db.query(
    `insert into app.sessions (id, user_id, token_hash, user_agent, ip, created_at, last_seen_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $6, $7)`,
    [
      session.id,
      session.userId,
      session.tokenHash,
      session.userAgent,
      session.ip,
      session.now,
      session.expiresAt,
    ],
  );
}

/** One indexed read per request: the session a cookie names, with its user. */
export async function findSessionWithUser(
  db: Queryable,
  tokenHash: Buffer,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const { rows } = await db.query<SessionRow & { user: UserRow }>(
    `select s.id, s.user_id, s.user_agent, s.ip, s.created_at, s.last_seen_at, s.expires_at,
       (select to_jsonb(x) from (select ${userColumns} from app.users where id = s.user_id) x) as "user"
     from app.sessions s where s.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { user, ...session } = row;
  return { session, user: reviveUserRow(user) };
}

export async function touchSession(db: Queryable, id: string, now: Date, ip: string): Promise<void> {
  await db.query('update app.sessions set last_seen_at = $2, ip = $3 where id = $1', [id, now, ip]);
}

export async function findSessionsOfUser(db: Queryable, userId: string): Promise<SessionRow[]> {
  const { rows } = await db.query<SessionRow>(
    `select ${columns} from app.sessions where user_id = $1 order by last_seen_at desc`,
    [userId],
  );
  return rows;
}

/** Deletes one of a user's sessions; false when the user has no such session. */
export async function deleteSession(db: Queryable, userId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from app.sessions where id = $1 and user_id = $2', [
    id,
    userId,
  ]);
  return (rowCount ?? 0) > 0;
}

/** Ends every session of a user, except one when given (the one making the change). */
export async function deleteSessionsOfUser(
  db: Queryable,
  userId: string,
  exceptId?: string,
): Promise<number> {
  const { rowCount } = await db.query(
    'delete from app.sessions where user_id = $1 and ($2::uuid is null or id <> $2::uuid)',
    [userId, exceptId ?? null],
  );
  return rowCount ?? 0;
}
