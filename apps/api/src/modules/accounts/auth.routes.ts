import { errorResponses, type ZodServer } from '@synoptic/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.ts';
import type { SessionsService } from '../sessions/sessions.service.ts';
import {
  loginBodySchema,
  loginResultSchema,
  messageSchema,
  passwordResetBodySchema,
  passwordResetRequestSchema,
  registerBodySchema,
  tokenBodySchema,
  twoFactorLoginBodySchema,
} from './accounts.schemas.ts';
import type { AccountsService } from './accounts.service.ts';

export const clientOf = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? '',
});

/** Public routes: the ways in (and out) that need no session. */
export function registerAuthRoutes(
  app: ZodServer,
  deps: { accounts: AccountsService; sessions: SessionsService; secureCookies: boolean },
) {
  const { accounts, sessions, secureCookies } = deps;
  const tags = ['auth'];

  app.post(
    '/api/auth/register',
    {
      schema: {
        tags,
        operationId: 'register',
        summary: 'Create an account; a confirmation link is emailed',
        description:
          'Answers 202 the same way whether or not the address already has an account (the owner of an ' +
          'existing account is told by email instead), so the endpoint cannot reveal who is registered.',
        security: [],
        body: registerBodySchema,
        response: { 202: messageSchema, ...errorResponses(400, 403, 429) },
      },
    },
    async (request, reply) => {
      await accounts.register(request.body, clientOf(request));
      return reply
        .code(202)
        .send({ message: 'Check your inbox: we sent a link to confirm your email address.' });
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        operationId: 'login',
        summary: 'Sign in with email and password',
        description:
          'Sets the session cookie, or, when two-factor sign-in is on, answers with a challenge to complete at ' +
          '`/api/auth/login/two-factor`. A wrong email and a wrong password give the same answer.',
        security: [],
        body: loginBodySchema,
        response: { 200: loginResultSchema, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const result = await accounts.login(request.body, clientOf(request));
      if (result.status === 'two_factor_required') return result;
      setSessionCookie(reply, result.session.token, result.session.expiresAt, secureCookies);
      return { status: result.status, user: result.user };
    },
  );

  app.post(
    '/api/auth/login/two-factor',
    {
      schema: {
        tags,
        operationId: 'completeTwoFactorLogin',
        summary: 'Finish signing in with an authenticator code or a recovery code',
        security: [],
        body: twoFactorLoginBodySchema,
        response: { 200: loginResultSchema, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const result = await accounts.completeTwoFactorLogin(request.body, clientOf(request));
      setSessionCookie(reply, result.session.token, result.session.expiresAt, secureCookies);
      return { status: result.status, user: result.user };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags,
        operationId: 'logout',
        summary: 'Sign out: the session ends on the server at once',
        security: [],
        response: { 204: z.undefined(), ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      if (request.auth?.via === 'session')
        await sessions.revoke(request.auth.user.id, request.auth.sessionId);
      clearSessionCookie(reply, secureCookies);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/auth/verify-email',
    {
      schema: {
        tags,
        operationId: 'verifyEmail',
        summary: 'Confirm an email address with the token from the emailed link',
        security: [],
        body: tokenBodySchema,
        response: { 200: messageSchema, ...errorResponses(400, 403, 422, 429) },
      },
    },
    async (request) => {
      await accounts.verifyEmail(request.body.token, clientOf(request));
      return { message: 'Thank you: your email address is confirmed.' };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      schema: {
        tags,
        operationId: 'requestPasswordReset',
        summary: 'Email a password reset link',
        description: 'Answers 202 whether or not the address has an account.',
        security: [],
        body: passwordResetRequestSchema,
        response: { 202: messageSchema, ...errorResponses(400, 403, 429) },
      },
    },
    async (request, reply) => {
      await accounts.requestPasswordReset(request.body.email, clientOf(request));
      return reply
        .code(202)
        .send({ message: 'If an account uses this address, we have sent it a link to reset the password.' });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags,
        operationId: 'resetPassword',
        summary: 'Choose a new password with the token from the emailed link; ends every session',
        security: [],
        body: passwordResetBodySchema,
        response: { 200: messageSchema, ...errorResponses(400, 403, 422, 429) },
      },
    },
    async (request) => {
      await accounts.resetPassword(request.body, clientOf(request));
      return { message: 'Your password was changed. Please sign in with the new one.' };
    },
  );
}
