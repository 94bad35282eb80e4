import type { Queryable } from '@synoptic/service-kit';

export async function setPendingTotpSecret(db: Queryable, userId: string, sealed: string): Promise<void> {
  await db.query('update app.users set totp_secret_sealed = $2, totp_enabled_at = null where id = $1', [
    userId,
    sealed,
  ]);
}

export async function enableTotp(db: Queryable, userId: string, at: Date, step: number): Promise<void> {
  await db.query('update app.users set totp_enabled_at = $2, totp_last_step = $3 where id = $1', [
    userId,
    at,
    step,
  ]);
}

export async function disableTotp(db: Queryable, userId: string): Promise<void> {
  await db.query(
    'update app.users set totp_secret_sealed = null, totp_enabled_at = null, totp_last_step = null where id = $1',
    [userId],
  );
  await db.query('delete from app.recovery_codes where user_id = $1', [userId]);
}

/** Records a used time step; false when that step (or a later one) was already used: a replay. */
export async function claimTotpStep(db: Queryable, userId: string, step: number): Promise<boolean> {
  const { rowCount } = await db.query(
    'update app.users set totp_last_step = $2 where id = $1 and (totp_last_step is null or totp_last_step < $2)',
    [userId, step],
  );
  return (rowCount ?? 0) > 0;
}

export async function replaceRecoveryCodes(
  db: Queryable,
  userId: string,
  codes: Array<{ id: string; hash: Buffer }>,
): Promise<void> {
  await db.query('delete from app.recovery_codes where user_id = $1', [userId]);
  await db.query(
    `insert into app.recovery_codes (id, user_id, code_hash)
     select unnest($2::uuid[]), $1, unnest($3::bytea[])`,
    [userId, codes.map((c) => c.id), codes.map((c) => c.hash)],
  );
}

/** Uses a recovery code once; false when it is unknown or already used. */
export async function useRecoveryCode(
  db: Queryable,
  userId: string,
  hash: Buffer,
  now: Date,
): Promise<boolean> {
  const { rowCount } = await db.query(
    'update app.recovery_codes set used_at = $3 where user_id = $1 and code_hash = $2 and used_at is null',
    [userId, hash, now],
  );
  return (rowCount ?? 0) > 0;
}

export async function countUnusedRecoveryCodes(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'select count(*)::int as n from app.recovery_codes where user_id = $1 and used_at is null',
    [userId],
  );
  return rows[0]?.n ?? 0;
}

export async function insertLoginChallenge(
  db: Queryable,
  challenge: { id: string; userId: string; tokenHash: Buffer; expiresAt: Date },
): Promise<void> {
  await db.query(
    'insert into app.login_challenges (id, user_id, token_hash, expires_at) values ($1, $2, $3, $4)',
    [challenge.id, challenge.userId, challenge.tokenHash, challenge.expiresAt],
  );
}

/** Counts an attempt on a live challenge and returns it; undefined when unknown, expired or used up. */
export async function attemptLoginChallenge(
  db: Queryable,
  tokenHash: Buffer,
  now: Date,
  maxAttempts: number,
): Promise<{ id: string; user_id: string } | undefined> {
  const { rows } = await db.query<{ id: string; user_id: string }>(
    `update app.login_challenges set attempts = attempts + 1
     where token_hash = $1 and expires_at > $2 and attempts < $3
     returning id, user_id`,
    [tokenHash, now, maxAttempts],
  );
  return rows[0];
}

export async function deleteLoginChallenge(db: Queryable, id: string): Promise<void> {
  await db.query('delete from app.login_challenges where id = $1', [id]);
}
