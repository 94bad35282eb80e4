import { z } from 'zod';
import { passwordLength } from './password-policy.ts';

export const emailSchema = z
  .string()
  .trim()
  .pipe(z.email({ error: 'Enter a valid email address.' }).max(254))
  .describe('Email address');

export const newPasswordSchema = z
  .string()
  .min(passwordLength.min, `Use at least ${passwordLength.min} characters.`)
  .max(passwordLength.max, `Use at most ${passwordLength.max} characters.`)
  .describe(
    `${passwordLength.min}–${passwordLength.max} characters; not a common password; not containing the email address`,
  );

export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    company: z.string(),
    emailVerified: z.boolean().describe('Whether the address was confirmed through the emailed link'),
    twoFactorEnabled: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Me', description: 'The signed-in user. Never carries secrets.' });

export const registerBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Enter your name.').max(100),
    email: emailSchema,
    password: newPasswordSchema,
    company: z.string().trim().max(200).default(''),
  })
  .meta({ id: 'RegisterRequest' });

export const messageSchema = z.object({ message: z.string() }).meta({ id: 'Message' });

export const loginBodySchema = z
  .object({
    email: z.string().trim().min(1, 'Enter your email address.').max(254),
    password: z.string().min(1).max(1000),
  })
  .meta({ id: 'LoginRequest' });

export const loginResultSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('signed_in'), user: meSchema }),
    z.object({
      status: z.literal('two_factor_required'),
      challengeToken: z
        .string()
        .describe('Send it with a code to /api/auth/login/two-factor within 5 minutes'),
    }),
  ])
  .meta({ id: 'LoginResult' });

export const twoFactorLoginBodySchema = z
  .object({
    challengeToken: z.string().min(1).max(200),
    code: z.string().trim().min(6).max(20).describe('A 6-digit authenticator code or a recovery code'),
  })
  .meta({ id: 'TwoFactorLoginRequest' });

export const tokenBodySchema = z.object({ token: z.string().min(1).max(200) }).meta({ id: 'EmailLinkToken' });

export const passwordResetRequestSchema = z
  .object({ email: emailSchema })
  .meta({ id: 'PasswordResetRequest' });

export const passwordResetBodySchema = z
  .object({ token: z.string().min(1).max(200), password: newPasswordSchema })
  .meta({ id: 'PasswordResetConfirm' });

export const updateMeBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Enter your name.').max(100).optional(),
    company: z.string().trim().max(200).optional(),
  })
  .meta({ id: 'UpdateMeRequest' });

export const changePasswordBodySchema = z
  .object({ currentPassword: z.string().min(1).max(1000), newPassword: newPasswordSchema })
  .meta({ id: 'ChangePasswordRequest' });

export const passwordConfirmationSchema = z
  .object({ password: z.string().min(1).max(1000) })
  .meta({ id: 'PasswordConfirmation' });
