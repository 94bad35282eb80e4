import { errorResponses, type ZodServer } from '@synoptic/service-kit';
import { z } from 'zod';
import { requireAuth } from '../auth/authenticate.ts';
import { clearSessionCookie } from '../auth/session-cookie.ts';
import { presentMe } from './accounts.presenter.ts';
import {
  changePasswordBodySchema,
  meSchema,
  messageSchema,
  passwordConfirmationSchema,
  updateMeBodySchema,
} from './accounts.schemas.ts';
import type { AccountsService } from './accounts.service.ts';

const deletionImpactSchema = z
  .object({
    projectsDeleted: z
      .array(z.object({ id: z.uuid(), name: z.string() }))
      .describe('Projects in which I am the only owner: they are deleted with the account'),
  })
  .meta({ id: 'AccountDeletion' });

/** The signed-in user's own account. */
export function registerMeRoutes(
  app: ZodServer,
  deps: { accounts: AccountsService; secureCookies: boolean },
) {
  const { accounts } = deps;
  const tags = ['me'];

  app.get(
    '/api/me',
    {
      schema: {
        tags,
        operationId: 'getMe',
        summary: 'The signed-in user',
        response: { 200: meSchema, ...errorResponses(401) },
      },
    },
    async (request) => presentMe(requireAuth(request).user),
  );

  app.patch(
    '/api/me',
    {
      schema: {
        tags,
        operationId: 'updateMe',
        summary: 'Change name or company',
        body: updateMeBodySchema,
        response: { 200: meSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => accounts.updateProfile(requireAuth(request).user.id, request.body),
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags,
        operationId: 'changePassword',
        summary: 'Change the password (needs the current one); ends every other session',
        body: changePasswordBodySchema,
        response: {
          200: z.object({ otherSessionsEnded: z.number().int() }).meta({ id: 'PasswordChanged' }),
          ...errorResponses(400, 401, 403, 429),
        },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return accounts.changePassword(
        auth.user,
        request.body,
        auth.via === 'session' ? auth.sessionId : undefined,
      );
    },
  );

  app.post(
    '/api/me/verify-email/resend',
    {
      schema: {
        tags,
        operationId: 'resendVerification',
        summary: 'Email a new confirmation link (a few per hour)',
        response: { 202: messageSchema, ...errorResponses(401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      await accounts.resendVerification(requireAuth(request).user);
      return reply.code(202).send({ message: 'We sent a new confirmation link. It works for 24 hours.' });
    },
  );

  app.get(
    '/api/me/deletion-impact',
    {
      schema: {
        tags,
        operationId: 'getDeletionImpact',
        summary: 'What deleting my account would delete with it',
        response: { 200: deletionImpactSchema, ...errorResponses(401) },
      },
    },
    async (request) => accounts.deletionImpact(requireAuth(request).user),
  );

  app.delete(
    '/api/me',
    {
      schema: {
        tags,
        operationId: 'deleteMe',
        summary: 'Delete my account (needs the password)',
        description:
          'Deletes the account, its sessions, API tokens and two-factor settings, and every project in which I ' +
          'am the only owner, with its data. Projects that have other owners go on without me. There is no undo.',
        body: passwordConfirmationSchema,
        response: { 200: deletionImpactSchema, ...errorResponses(400, 401, 403, 429, 503) },
      },
    },
    async (request, reply) => {
      const result = await accounts.deleteAccount(requireAuth(request).user, request.body.password);
      clearSessionCookie(reply, deps.secureCookies);
      return result;
    },
  );
}
