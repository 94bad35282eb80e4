import { AppError, type Pool, uuidv7, withTransaction } from '@synoptic/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Mailer, MailMessage } from '../../platform/mailer.ts';
import type { PasswordHasher } from '../../platform/password-hasher.ts';
import { hashSecret, newSecretToken } from '../../platform/secret-token.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import { limits, type RateLimiter } from '../rate-limits/rate-limiter.ts';
import type { SessionsService } from '../sessions/sessions.service.ts';
import type { TwoFactorService } from '../two-factor/two-factor.service.ts';
import {
  alreadyRegisteredMail,
  passwordChangedMail,
  passwordResetMail,
  verificationMail,
} from './account-mails.ts';
import { presentMe } from './accounts.presenter.ts';
import {
  consumeEmailToken,
  type EmailTokenPurpose,
  insertEmailToken,
  voidEmailTokens,
} from './email-tokens.repository.ts';
import { checkPassword, normalizeEmail, normalizePassword } from './password-policy.ts';
import {
  deleteUser,
  findUserByEmail,
  findUserById,
  insertUser,
  markEmailVerified,
  type UserRow,
  updatePasswordHash,
  updateUserProfile,
} from './users.repository.ts';

export type AccountsDeps = {
  pool: Pool;
  clock: Clock;
  hasher: PasswordHasher;
  mailer: Mailer;
  limiter: RateLimiter;
  sessions: SessionsService;
  twoFactor: TwoFactorService;
  publicUrl: string;
  log: FastifyBaseLogger;
  projects: Pick<ProjectsService, 'findSolelyOwned' | 'deleteSolelyOwned'>;
};

export type Client = { ip: string; userAgent: string };

const verificationLifetimeMs = 24 * 3_600_000;
const resetLifetimeMs = 3_600_000;
const wrongCredentials = 'Wrong email or password.';

function rejectPassword(password: string, email: string, path = 'password'): void {
  const problems = checkPassword(password, email, path);
  if (problems.length > 0) {
    throw new AppError('validation_failed', problems[0]?.message ?? 'Choose another password.', {
      details: problems,
    });
  }
}

export function createAccountsService(deps: AccountsDeps) {
  const { pool, clock, hasher, limiter, sessions, twoFactor, log } = deps;
  // Verifying against this when an address is unknown makes a wrong email cost as long as a wrong password.
  const decoyHash = hasher.hash(newSecretToken());

  const link = (path: string, token?: string) => {
    const url = new URL(path, deps.publicUrl);
    if (token) url.searchParams.set('token', token);
    return url.toString();
  };

  // Mail goes out in the background: a slow mail server must not slow sign-up, and both the new-
  // and the known-address paths of registration then take the same time.
  const send = (message: MailMessage) => {
    deps.mailer
      .send(message)
      .catch((err: unknown) => log.error({ err, subject: message.subject }, 'mail not sent'));
  };

  const issueEmailToken = async (user: UserRow, purpose: EmailTokenPurpose, lifetimeMs: number) => {
    const token = newSecretToken();
    const now = clock.now();
    await withTransaction(pool, async (tx) => {
      await voidEmailTokens(tx, user.id, purpose, now);
      await insertEmailToken(tx, {
        id: uuidv7(),
        userId: user.id,
        purpose,
        tokenHash: hashSecret(token),
        expiresAt: new Date(now.getTime() + lifetimeMs),
      });
    });
    return token;
  };

  const verifyPassword = async (user: UserRow, password: string) => {
    const ok = await hasher.verify(user.password_hash, normalizePassword(password));
    if (ok && hasher.needsRehash(user.password_hash)) {
      await updatePasswordHash(pool, user.id, await hasher.hash(normalizePassword(password)));
    }
    return ok;
  };

  /** Checks the password of a signed-in user before a sensitive change. */
  const confirmPassword = async (user: UserRow, password: string, path = 'password') => {
    await limiter.hit(limits.loginPerAccount, normalizeEmail(user.email));
    if (!(await verifyPassword(user, password))) {
      throw new AppError('validation_failed', 'The password is not right.', {
        details: [{ path, message: 'The password is not right.' }],
      });
    }
  };

  const startSession = async (user: UserRow, client: Client) => {
    const session = await sessions.create(user.id, client);
    return { status: 'signed_in' as const, user: presentMe(user), session };
  };

  return {
    /** Answers the same whether or not the address is new, so it cannot reveal who has an account. */
    async register(
      input: { name: string; email: string; password: string; company: string },
      client: Client,
    ) {
      await limiter.hit(limits.registerPerIp, client.ip);
      const email = input.email.trim();
      rejectPassword(input.password, email);
      const passwordHash = await hasher.hash(normalizePassword(input.password));
      const user = await insertUser(pool, {
        id: uuidv7(),
        email,
        emailNormalized: normalizeEmail(email),
        name: input.name.trim(),
        company: input.company.trim(),
        passwordHash,
      });
      if (user) {
        const token = await issueEmailToken(user, 'verify_email', verificationLifetimeMs);
        send(verificationMail(user.email, user.name, link('/verify-email', token)));
        return;
      }
      const existing = await findUserByEmail(pool, normalizeEmail(email));
      if (existing)
        send(alreadyRegisteredMail(existing.email, existing.name, link('/login'), link('/forgot-password')));
    },

    async verifyEmail(token: string, client: Client) {
      await limiter.hit(limits.verifyPerIp, client.ip);
      const userId = await consumeEmailToken(pool, 'verify_email', hashSecret(token), clock.now());
      if (!userId) {
        throw new AppError(
          'unprocessable',
          'This confirmation link is invalid, used or expired. Ask for a new one.',
        );
      }
      await markEmailVerified(pool, userId, clock.now());
    },

    async resendVerification(user: UserRow) {
      if (user.email_verified_at) throw new AppError('conflict', 'Your email address is already confirmed.');
      await limiter.hit(limits.resendVerificationPerAccount, user.id);
      const token = await issueEmailToken(user, 'verify_email', verificationLifetimeMs);
      send(verificationMail(user.email, user.name, link('/verify-email', token)));
    },

    async login(input: { email: string; password: string }, client: Client) {
      const email = normalizeEmail(input.email);
      await limiter.hit(limits.loginPerIp, client.ip);
      await limiter.hit(limits.loginPerAccount, email);
      const user = await findUserByEmail(pool, email);
      if (!user) {
        await hasher.verify(await decoyHash, normalizePassword(input.password));
        throw new AppError('unauthenticated', wrongCredentials);
      }
      if (!(await verifyPassword(user, input.password)))
        throw new AppError('unauthenticated', wrongCredentials);
      await limiter.reset(limits.loginPerAccount, email);
      if (user.totp_enabled_at) {
        return {
          status: 'two_factor_required' as const,
          challengeToken: await twoFactor.createChallenge(user.id),
        };
      }
      return startSession(user, client);
    },

    async completeTwoFactorLogin(input: { challengeToken: string; code: string }, client: Client) {
      await limiter.hit(limits.loginPerIp, client.ip);
      const challenge = await twoFactor.attemptChallenge(input.challengeToken);
      if (!challenge) {
        throw new AppError(
          'unauthenticated',
          'This sign-in attempt has expired. Please enter your password again.',
        );
      }
      await limiter.hit(limits.twoFactorPerAccount, challenge.user_id);
      const user = await findUserById(pool, challenge.user_id);
      if (!user || !(await twoFactor.verify(user, input.code))) {
        throw new AppError(
          'unauthenticated',
          'That code is not right. Try the current code or a recovery code.',
        );
      }
      await twoFactor.finishChallenge(challenge.id);
      return startSession(user, client);
    },

    /** Answers the same whether or not the address has an account. */
    async requestPasswordReset(emailInput: string, client: Client) {
      const email = normalizeEmail(emailInput);
      await limiter.hit(limits.resetPerIp, client.ip);
      await limiter.hit(limits.resetPerAccount, email);
      const user = await findUserByEmail(pool, email);
      if (!user) return;
      const token = await issueEmailToken(user, 'reset_password', resetLifetimeMs);
      send(passwordResetMail(user.email, user.name, link('/reset-password', token)));
    },

    async resetPassword(input: { token: string; password: string }, client: Client) {
      await limiter.hit(limits.verifyPerIp, client.ip);
      const userId = await withTransaction(pool, async (tx) => {
        const id = await consumeEmailToken(tx, 'reset_password', hashSecret(input.token), clock.now());
        const user = id ? await findUserById(tx, id) : undefined;
        if (!user) {
          throw new AppError(
            'unprocessable',
            'This reset link is invalid, used or expired. Ask for a new one.',
          );
        }
        // A rejected password rolls back, so the link still works for a better one.
        rejectPassword(input.password, user.email);
        await updatePasswordHash(tx, user.id, await hasher.hash(normalizePassword(input.password)));
        // The link proved control of the mailbox.
        await markEmailVerified(tx, user.id, clock.now());
        return user.id;
      });
      await sessions.revokeAll(userId);
    },

    async updateProfile(
      userId: string,
      changes: { name?: string | undefined; company?: string | undefined },
    ) {
      const user = await updateUserProfile(pool, userId, {
        name: changes.name?.trim(),
        company: changes.company?.trim(),
      });
      if (!user) throw new AppError('not_found', 'Your account no longer exists.');
      return presentMe(user);
    },

    /** Needs the current password; ends every other session. */
    async changePassword(
      user: UserRow,
      input: { currentPassword: string; newPassword: string },
      keepSession?: string,
    ) {
      await confirmPassword(user, input.currentPassword, 'currentPassword');
      rejectPassword(input.newPassword, user.email, 'newPassword');
      await updatePasswordHash(pool, user.id, await hasher.hash(normalizePassword(input.newPassword)));
      const ended = await sessions.revokeAll(user.id, keepSession);
      send(passwordChangedMail(user.email, user.name));
      return { otherSessionsEnded: ended };
    },

    confirmPassword,

    /** What deleting the account would take with it: the projects nobody else owns. */
    async deletionImpact(user: UserRow) {
      const projects = await deps.projects.findSolelyOwned(user.id);
      return { projectsDeleted: projects.map((p) => ({ id: p.id, name: p.name })) };
    },

    /** Deletes the account and every project it alone owns (with their data); returns those projects. */
    async deleteAccount(user: UserRow, password: string) {
      await confirmPassword(user, password);
      const projects = await deps.projects.deleteSolelyOwned(user.id);
      await deleteUser(pool, user.id);
      return { projectsDeleted: projects.map((p) => ({ id: p.id, name: p.name })) };
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
