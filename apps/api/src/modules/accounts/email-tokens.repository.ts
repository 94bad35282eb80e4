import type { Queryable } from '@synoptic/service-kit';

export type EmailTokenPurpose = 'verify_email' | 'reset_password';

export async function insertEmailToken(
  db: Queryable,
  token: { id: string; userId: string; purpose: EmailTokenPurpose; tokenHash: Buffer; expiresAt: Date },
): Promise<void> {
  await db.query(
    `insert into app.email_tokens (id, user_id, purpose, token_hash, expires_at) values ($1, $2, $3, $4, $5)`,
    [token.id, token.userId, token.purpose, token.tokenHash, token.expiresAt],
  );
}

/** Uses a token once: returns its user when it was valid, unused and unexpired. */
export async function consumeEmailToken(
  db: Queryable,
  purpose: EmailTokenPurpose,
  tokenHash: Buffer,
  now: Date,
): Promise<string | undefined> {
  const { rows } = await db.query<{ user_id: string }>(
    `update app.email_tokens set used_at = $3
     where token_hash = $1 and purpose = $2 and used_at is null and expires_at > $3
     returning user_id`,
    [tokenHash, purpose, now],
  );
  return rows[0]?.user_id;
}

/** Voids a user's outstanding tokens of one purpose (a new link replaces the old ones). */
export async function voidEmailTokens(db: Queryable, userId: string, purpose: EmailTokenPurpose, now: Date) {
  await db.query(
    'update app.email_tokens set used_at = $3 where user_id = $1 and purpose = $2 and used_at is null',
    [userId, purpose, now],
  );
}
