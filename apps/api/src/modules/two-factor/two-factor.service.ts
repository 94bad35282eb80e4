import { randomBytes } from 'node:crypto';
import { AppError, type Pool, type Queryable, uuidv7, withTransaction } from '@synoptic/service-kit';
import * as OTPAuth from 'otpauth';
import type { Clock } from '../../platform/clock.ts';
import type { SealedBox } from '../../platform/sealed-box.ts';
import { hashSecret, newSecretToken } from '../../platform/secret-token.ts';
import type { UserRow } from '../accounts/users.repository.ts';
import {
  attemptLoginChallenge,
  claimTotpStep,
  countUnusedRecoveryCodes,
  deleteLoginChallenge,
  disableTotp,
  enableTotp,
  insertLoginChallenge,
  replaceRecoveryCodes,
  setPendingTotpSecret,
  useRecoveryCode,
} from './two-factor.repository.ts';

const period = 30;
const challengeLifetimeMs = 5 * 60_000;
const challengeMaxAttempts = 5;
const recoveryCodeCount = 10;

function totpFor(email: string, secret: OTPAuth.Secret): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: 'Synoptic', label: email, algorithm: 'SHA1', digits: 6, period, secret });
}

/** `abcde-fghij`: easy to read aloud and type, 50 bits of entropy. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const normalizeRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');

/** TOTP (RFC 6238) with single-use recovery codes, as ASVS level 2 asks of a second factor. */
export function createTwoFactorService(pool: Pool, clock: Clock, box: SealedBox) {
  const readSecret = (user: UserRow) => {
    if (!user.totp_secret_sealed) return undefined;
    return OTPAuth.Secret.fromBase32(box.open(user.totp_secret_sealed));
  };

  /** The time step a code belongs to, when it is valid now (one step of clock drift either way). */
  const matchingStep = (user: UserRow, secret: OTPAuth.Secret, code: string): number | undefined => {
    const timestamp = clock.now().getTime();
    const delta = totpFor(user.email, secret).validate({
      token: code.replace(/\s/g, ''),
      timestamp,
      window: 1,
    });
    return delta === null ? undefined : Math.floor(timestamp / 1000 / period) + delta;
  };

  const issueRecoveryCodes = async (userId: string, db: Queryable) => {
    const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
    await replaceRecoveryCodes(
      db,
      userId,
      codes.map((code) => ({ id: uuidv7(), hash: hashSecret(normalizeRecoveryCode(code)) })),
    );
    return codes;
  };

  return {
    /** Starts enrolment: a new secret, stored sealed but not yet required. */
    async beginSetup(user: UserRow) {
      if (user.totp_enabled_at) throw new AppError('conflict', 'Two-factor sign-in is already on.');
      const secret = new OTPAuth.Secret({ size: 20 });
      await setPendingTotpSecret(pool, user.id, box.seal(secret.base32));
      return { secret: secret.base32, otpauthUri: totpFor(user.email, secret).toString() };
    },

    /** Finishes enrolment once the user proves their app makes the right codes; returns recovery codes. */
    async enable(user: UserRow, code: string) {
      if (user.totp_enabled_at) throw new AppError('conflict', 'Two-factor sign-in is already on.');
      const secret = readSecret(user);
      if (!secret) throw new AppError('conflict', 'Start the two-factor setup first.');
      const step = matchingStep(user, secret, code);
      if (step === undefined) {
        throw new AppError('validation_failed', 'That code is not right.', {
          details: [{ path: 'code', message: 'Enter the 6-digit code your authenticator app shows now.' }],
        });
      }
      return withTransaction(pool, async (tx) => {
        await enableTotp(tx, user.id, clock.now(), step);
        return issueRecoveryCodes(user.id, tx);
      });
    },

    /** Checks a second factor: a fresh TOTP code (never one used before) or an unused recovery code. */
    async verify(user: UserRow, code: string): Promise<boolean> {
      const secret = readSecret(user);
      if (!user.totp_enabled_at || !secret) return false;
      if (/^\s*\d{3}\s?\d{3}\s*$/.test(code)) {
        const step = matchingStep(user, secret, code);
        return step !== undefined && (await claimTotpStep(pool, user.id, step));
      }
      return useRecoveryCode(pool, user.id, hashSecret(normalizeRecoveryCode(code)), clock.now());
    },

    async disable(userId: string) {
      await disableTotp(pool, userId);
    },

    regenerateRecoveryCodes: (userId: string) => issueRecoveryCodes(userId, pool),

    remainingRecoveryCodes: (userId: string) => countUnusedRecoveryCodes(pool, userId),

    /** After a right password: a short-lived ticket to present with the second factor. */
    async createChallenge(userId: string): Promise<string> {
      const token = newSecretToken();
      await insertLoginChallenge(pool, {
        id: uuidv7(),
        userId,
        tokenHash: hashSecret(token),
        expiresAt: new Date(clock.now().getTime() + challengeLifetimeMs),
      });
      return token;
    },

    /** The user id behind a live challenge (counting the attempt), or undefined. */
    attemptChallenge: (token: string) =>
      attemptLoginChallenge(pool, hashSecret(token), clock.now(), challengeMaxAttempts),

    finishChallenge: (id: string) => deleteLoginChallenge(pool, id),
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
