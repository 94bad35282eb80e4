import { AppError, type Pool, uuidv7 } from '@synoptic/service-kit';
import type { Clock } from '../../platform/clock.ts';
import { hashSecret, newSecretToken } from '../../platform/secret-token.ts';
import { describeDevice } from './device.ts';
import {
  deleteSession,
  deleteSessionsOfUser,
  findSessionsOfUser,
  findSessionWithUser,
  insertSession,
  type SessionRow,
  touchSession,
} from './sessions.repository.ts';

export type SessionPolicy = { idleTimeoutMinutes: number; maxAgeDays: number };

export type Session = {
  id: string;
  device: string;
  ip: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
};

// Writing last-seen on every request would turn reads into writes; once a minute is plenty.
const touchIntervalMs = 60_000;

export function createSessionsService(pool: Pool, clock: Clock, policy: SessionPolicy) {
  const isLive = (session: SessionRow, now: Date) =>
    session.expires_at > now &&
    now.getTime() - session.last_seen_at.getTime() < policy.idleTimeoutMinutes * 60_000;

  return {
    /** Starts a session and returns the secret for the cookie; only its hash is stored. */
    async create(userId: string, client: { userAgent: string; ip: string }) {
      const token = newSecretToken();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + policy.maxAgeDays * 86_400_000);
      const id = uuidv7();
      await insertSession(pool, {
        id,
        userId,
        tokenHash: hashSecret(token),
        userAgent: client.userAgent.slice(0, 512),
        ip: client.ip,
        now,
        expiresAt,
      });
      return { id, token, expiresAt };
    },

    /** The live session a cookie names, with its user; undefined when unknown, idle too long or too old. */
    async resolve(token: string, ip: string) {
      const found = await findSessionWithUser(pool, hashSecret(token));
      const now = clock.now();
      if (!found) return undefined;
      const { session } = found;
      if (!isLive(session, now)) {
        await deleteSession(pool, session.user_id, session.id);
        return undefined;
      }
      if (now.getTime() - session.last_seen_at.getTime() > touchIntervalMs)
        await touchSession(pool, session.id, now, ip);
      return found;
    },

    async list(userId: string, currentId: string | undefined): Promise<Session[]> {
      const now = clock.now();
      return (await findSessionsOfUser(pool, userId))
        .filter((s) => isLive(s, now))
        .map((s) => ({
          id: s.id,
          device: describeDevice(s.user_agent),
          ip: s.ip,
          createdAt: s.created_at.toISOString(),
          lastSeenAt: s.last_seen_at.toISOString(),
          current: s.id === currentId,
        }));
    },

    async revoke(userId: string, sessionId: string): Promise<void> {
      if (!(await deleteSession(pool, userId, sessionId)))
        throw new AppError('not_found', 'No such session.');
    },

    /** Ends every session of the user but `exceptId`; returns how many ended. */
    revokeAll: (userId: string, exceptId?: string) => deleteSessionsOfUser(pool, userId, exceptId),
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
