import type { Queryable } from '@synoptic/service-kit';

export type UserRow = {
  id: string;
  email: string;
  name: string;
  company: string;
  password_hash: string;
  email_verified_at: Date | null;
  totp_secret_sealed: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  created_at: Date;
};

export const userColumns = `id, email, name, company, password_hash, email_verified_at, totp_secret_sealed, totp_enabled_at,
  totp_last_step, created_at`;

/** Inserts a user unless the address is taken; undefined means it was. */
export async function insertUser(
  db: Queryable,
  user: {
    id: string;
    email: string;
    emailNormalized: string;
    name: string;
    company: string;
    passwordHash: string;
  },
): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `insert into app.users (id, email, email_normalized, name, company, password_hash)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (email_normalized) do nothing
     returning ${userColumns}`,
    [user.id, user.email, user.emailNormalized, user.name, user.company, user.passwordHash],
  );
  return rows[0];
}

export async function findUserByEmail(db: Queryable, emailNormalized: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `select ${userColumns} from app.users where email_normalized = $1`,
    [emailNormalized],
  );
  return rows[0];
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`select ${userColumns} from app.users where id = $1`, [id]);
  return rows[0];
}

export async function updateUserProfile(
  db: Queryable,
  id: string,
  changes: { name?: string | undefined; company?: string | undefined },
): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `update app.users set name = coalesce($2, name), company = coalesce($3, company), updated_at = now()
     where id = $1 returning ${userColumns}`,
    [id, changes.name ?? null, changes.company ?? null],
  );
  return rows[0];
}

export async function updatePasswordHash(db: Queryable, id: string, passwordHash: string): Promise<void> {
  await db.query('update app.users set password_hash = $2, updated_at = now() where id = $1', [
    id,
    passwordHash,
  ]);
}

export async function markEmailVerified(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('update app.users set email_verified_at = coalesce(email_verified_at, $2) where id = $1', [
    id,
    at,
  ]);
}

export async function deleteUser(db: Queryable, id: string): Promise<void> {
  await db.query('delete from app.users where id = $1', [id]);
}

/** A user row that came through JSON (timestamps as strings), typed again. */
export function reviveUserRow(json: UserRow): UserRow {
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    ...json,
    email_verified_at: date(json.email_verified_at),
    totp_enabled_at: date(json.totp_enabled_at),
    created_at: new Date(json.created_at),
  };
}
