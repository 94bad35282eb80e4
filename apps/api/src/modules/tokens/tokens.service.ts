import { AppError, type Pool, uuidv7 } from '@synoptic/service-kit';
import type { Clock } from '../../platform/clock.ts';
import { hashSecret, newSecretToken } from '../../platform/secret-token.ts';
import { findUserById } from '../accounts/users.repository.ts';
import {
  findActiveTokenByHash,
  findTokensOfUser,
  insertToken,
  markTokenUsed,
  revokeToken,
  type TokenRow,
} from './tokens.repository.ts';

/** Recognisable in logs, config files and secret scanners. */
export const tokenPrefix = 'syn_pat_';

export type PersonalAccessToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
};

function present(row: TokenRow): PersonalAccessToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

const lastUsedIntervalMs = 60_000;

export function createTokensService(pool: Pool, clock: Clock) {
  return {
    /** Creates a token; the secret is in the answer once and never again. */
    async create(userId: string, input: { name: string; expiresInDays?: number | undefined }) {
      const secret = newSecretToken(tokenPrefix);
      const now = clock.now();
      const row = await insertToken(pool, {
        id: uuidv7(),
        userId,
        name: input.name,
        tokenHash: hashSecret(secret),
        tokenPrefix: secret.slice(0, tokenPrefix.length + 4),
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
      });
      return { ...present(row), token: secret };
    },

    list: async (userId: string) => (await findTokensOfUser(pool, userId)).map(present),

    async revoke(userId: string, id: string): Promise<void> {
      if (!(await revokeToken(pool, userId, id, clock.now())))
        throw new AppError('not_found', 'No such token.');
    },

    /** The user a bearer token acts for; undefined when the token is unknown, revoked or expired. */
    async authenticate(secret: string) {
      const now = clock.now();
      const token = await findActiveTokenByHash(pool, hashSecret(secret), now);
      if (!token) return undefined;
      const user = await findUserById(pool, token.user_id);
      if (!user) return undefined;
      if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() > lastUsedIntervalMs) {
        await markTokenUsed(pool, token.id, now);
      }
      return { user, tokenId: token.id };
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
