import type { Queryable } from '@synoptic/service-kit';

export type TokenRow = {
  id: string;
  user_id: string;
  name: string;
  token_prefix: string;
  expires_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
};

const columns = 'id, user_id, name, token_prefix, expires_at, last_used_at, created_at';

export async function insertToken(
  db: Queryable,
  token: {
    id: string;
    userId: string;
    name: string;
    tokenHash: Buffer;
    tokenPrefix: string;
    expiresAt: Date | null;
  },
): Promise<TokenRow> {
  const { rows } = await db.query<TokenRow>(
    `insert into app.personal_access_tokens (id, user_id, name, token_hash, token_prefix, expires_at)
     values ($1, $2, $3, $4, $5, $6) returning ${columns}`,
    [token.id, token.userId, token.name, token.tokenHash, token.tokenPrefix, token.expiresAt],
  );
  return rows[0] as TokenRow;
}

/** A token that still works: not revoked, not expired. */
export async function findActiveTokenByHash(
  db: Queryable,
  tokenHash: Buffer,
  now: Date,
): Promise<TokenRow | undefined> {
  const { rows } = await db.query<TokenRow>(
    `select ${columns} from app.personal_access_tokens
     where token_hash = $1 and revoked_at is null and (expires_at is null or expires_at > $2)`,
    [tokenHash, now],
  );
  return rows[0];
}

export async function findTokensOfUser(db: Queryable, userId: string): Promise<TokenRow[]> {
  const { rows } = await db.query<TokenRow>(
    `select ${columns} from app.personal_access_tokens where user_id = $1 and revoked_at is null
     order by created_at desc`,
    [userId],
  );
  return rows;
}

export async function markTokenUsed(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query('update app.personal_access_tokens set last_used_at = $2 where id = $1', [id, now]);
}

/** Revokes one of a user's tokens; false when the user has no such active token. */
export async function revokeToken(db: Queryable, userId: string, id: string, now: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    'update app.personal_access_tokens set revoked_at = $3 where id = $1 and user_id = $2 and revoked_at is null',
    [id, userId, now],
  );
  return (rowCount ?? 0) > 0;
}
