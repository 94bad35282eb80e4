import { AppError, type Queryable } from '@synoptic/service-kit';
import type { Clock } from '../../platform/clock.ts';
import { deleteExpiredWindows, deleteWindow, incrementWindow } from './rate-limits.repository.ts';

export type RateLimit = { name: string; limit: number; windowSeconds: number };

/** The limits that protect sign-in and account recovery from brute force and abuse. */
export const limits = {
  loginPerIp: { name: 'login-ip', limit: 30, windowSeconds: 300 },
  loginPerAccount: { name: 'login-account', limit: 10, windowSeconds: 900 },
  twoFactorPerAccount: { name: 'two-factor-account', limit: 10, windowSeconds: 900 },
  registerPerIp: { name: 'register-ip', limit: 30, windowSeconds: 3600 },
  verifyPerIp: { name: 'verify-ip', limit: 30, windowSeconds: 3600 },
  resendVerificationPerAccount: { name: 'verify-resend-account', limit: 3, windowSeconds: 3600 },
  resetPerIp: { name: 'reset-ip', limit: 10, windowSeconds: 3600 },
  resetPerAccount: { name: 'reset-account', limit: 3, windowSeconds: 3600 },
} satisfies Record<string, RateLimit>;

export type RateLimiter = {
  /** Counts a hit; throws 429 with Retry-After once the limit is passed. */
  hit: (limit: RateLimit, subject: string) => Promise<void>;
  /** Forgets a subject's hits (a successful login clears its failures). */
  reset: (limit: RateLimit, subject: string) => Promise<void>;
};

/**
 * Fixed-window counters in PostgreSQL, so every api process shares them: limits hold behind a
 * load balancer, and a restart does not reset an attacker's count.
 */
export function createRateLimiter(db: Queryable, clock: Clock): RateLimiter {
  return {
    hit: async (limit, subject) => {
      const now = clock.now().getTime();
      const windowMs = limit.windowSeconds * 1000;
      const windowStart = Math.floor(now / windowMs) * windowMs;
      const count = await incrementWindow(db, `${limit.name}:${subject}`, new Date(windowStart));
      // Old windows are swept now and then rather than on every hit.
      if (count === 1 && Math.random() < 0.01) await deleteExpiredWindows(db, new Date(now - 86_400_000));
      if (count > limit.limit) {
        throw new AppError('rate_limited', 'Too many attempts. Please wait a little and try again.', {
          retryAfter: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)),
        });
      }
    },
    reset: (limit, subject) => deleteWindow(db, `${limit.name}:${subject}`),
  };
}
