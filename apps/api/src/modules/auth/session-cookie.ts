import type { FastifyReply } from 'fastify';

export const sessionCookie = 'synoptic_session';

/** httpOnly (no script can read it), SameSite=Lax (no cross-site sends on writes), Secure over https. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  void reply.setCookie(sessionCookie, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
