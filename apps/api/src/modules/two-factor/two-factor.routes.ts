import { AppError, errorResponses, type ZodServer } from '@synoptic/service-kit';
import { z } from 'zod';
import type { AccountsService } from '../accounts/accounts.service.ts';
import { requireAuth } from '../auth/authenticate.ts';
import type { TwoFactorService } from './two-factor.service.ts';

const codeSchema = z.string().trim().min(6, 'Enter the 6-digit code.').max(20);
const recoveryCodesSchema = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .describe('Single-use codes for when the authenticator is lost: shown once'),
  })
  .meta({ id: 'RecoveryCodes' });
const passwordAndCodeSchema = z
  .object({
    password: z.string().min(1).max(1000),
    code: codeSchema.describe('An authenticator code or a recovery code'),
  })
  .meta({ id: 'PasswordAndCode' });

/** Two-factor sign-in with an authenticator app (TOTP). */
export function registerTwoFactorRoutes(
  app: ZodServer,
  deps: { twoFactor: TwoFactorService; accounts: AccountsService },
) {
  const { twoFactor, accounts } = deps;
  const tags = ['me'];

  const confirmBoth = async (
    user: Parameters<TwoFactorService['verify']>[0],
    body: { password: string; code: string },
  ) => {
    await accounts.confirmPassword(user, body.password);
    if (!(await twoFactor.verify(user, body.code))) {
      throw new AppError('validation_failed', 'That code is not right.', {
        details: [{ path: 'code', message: 'Enter the current code from your app, or a recovery code.' }],
      });
    }
  };

  app.get(
    '/api/me/two-factor',
    {
      schema: {
        tags,
        operationId: 'getTwoFactor',
        summary: 'Whether two-factor sign-in is on, and how many recovery codes are left',
        response: {
          200: z
            .object({ enabled: z.boolean(), recoveryCodesRemaining: z.number().int() })
            .meta({ id: 'TwoFactorStatus' }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      return {
        enabled: user.totp_enabled_at !== null,
        recoveryCodesRemaining: user.totp_enabled_at ? await twoFactor.remainingRecoveryCodes(user.id) : 0,
      };
    },
  );

  app.post(
    '/api/me/two-factor/setup',
    {
      schema: {
        tags,
        operationId: 'beginTwoFactorSetup',
        summary: 'Start enrolment (needs the password): a secret and an otpauth:// URI for a QR code',
        body: z.object({ password: z.string().min(1).max(1000) }),
        response: {
          200: z
            .object({ secret: z.string().describe('Base32, for typing in by hand'), otpauthUri: z.string() })
            .meta({ id: 'TwoFactorSetup' }),
          ...errorResponses(400, 401, 403, 409, 429),
        },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      await accounts.confirmPassword(user, request.body.password);
      return twoFactor.beginSetup(user);
    },
  );

  app.post(
    '/api/me/two-factor/enable',
    {
      schema: {
        tags,
        operationId: 'enableTwoFactor',
        summary: 'Finish enrolment with a code from the app; answers with ten recovery codes',
        body: z.object({ code: codeSchema }),
        response: { 200: recoveryCodesSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => ({
      recoveryCodes: await twoFactor.enable(requireAuth(request).user, request.body.code),
    }),
  );

  app.post(
    '/api/me/two-factor/disable',
    {
      schema: {
        tags,
        operationId: 'disableTwoFactor',
        summary: 'Turn two-factor sign-in off (needs the password and a code)',
        body: passwordAndCodeSchema,
        response: { 204: z.undefined(), ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      await confirmBoth(user, request.body);
      await twoFactor.disable(user.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/me/two-factor/recovery-codes',
    {
      schema: {
        tags,
        operationId: 'regenerateRecoveryCodes',
        summary: 'Replace the recovery codes (needs the password and a code)',
        body: passwordAndCodeSchema,
        response: { 200: recoveryCodesSchema, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      await confirmBoth(user, request.body);
      return { recoveryCodes: await twoFactor.regenerateRecoveryCodes(user.id) };
    },
  );
}
