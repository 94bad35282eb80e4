import { AppError, type Pool, type Queryable, uuidv7, withTransaction } from '@synoptic/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Mailer } from '../../platform/mailer.ts';
import { hashSecret, newSecretToken } from '../../platform/secret-token.ts';
import { normalizeEmail } from '../accounts/password-policy.ts';
import { markEmailVerified, type UserRow } from '../accounts/users.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findMembers, insertMember } from '../members/members.repository.ts';
import { canAssign, type Role } from '../projects/policy.ts';
import type { ProjectAccess } from '../projects/project-access.ts';
import { actorOf } from '../projects/projects.service.ts';
import { invitationMail } from './invitation-mails.ts';
import {
  closeInvitation,
  findPendingById,
  findPendingByTokenHash,
  findPendingForEmail,
  findPendingOfProject,
  type InvitationRow,
  insertInvitation,
} from './invitations.repository.ts';

const lifetimeMs = 7 * 86_400_000;

export type Invitation = {
  id: string;
  project: { id: string; name: string };
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
};

const present = (row: InvitationRow): Invitation => ({
  id: row.id,
  project: { id: row.project_id, name: row.project_name },
  email: row.email,
  role: row.role,
  invitedBy: row.invited_by_name,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
});

const gone = () =>
  new AppError('not_found', 'This invitation is no longer valid: it was answered, revoked or has expired.');

export function createInvitationsService(deps: {
  pool: Pool;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  log: FastifyBaseLogger;
}) {
  const { pool, clock, log } = deps;

  const assertAddressedTo = (invitation: InvitationRow, user: UserRow) => {
    if (invitation.email_normalized !== normalizeEmail(user.email)) {
      throw new AppError(
        'forbidden',
        `This invitation was sent to another email address. Sign in with that address to answer it.`,
      );
    }
  };

  const respond = async (invitation: InvitationRow, user: UserRow, accept: boolean, db: Queryable) => {
    const now = clock.now();
    if (!(await closeInvitation(db, invitation.id, accept ? 'accepted' : 'declined', now))) throw gone();
    if (accept) {
      const alreadyMember = (await findMembers(db, invitation.project_id)).some((m) => m.user_id === user.id);
      if (!alreadyMember) await insertMember(db, invitation.project_id, user.id, invitation.role);
    }
    await recordAudit(db, {
      projectId: invitation.project_id,
      actor: actorOf(user),
      action: accept ? 'invitation.accepted' : 'invitation.declined',
      target: user.email,
      details: { role: invitation.role },
    });
    return { project: { id: invitation.project_id, name: invitation.project_name }, accepted: accept };
  };

  return {
    listPending: async (access: ProjectAccess) =>
      (await findPendingOfProject(pool, access.project.id, clock.now())).map(present),

    /** Invites someone by address with a role the inviter may grant; the mail carries a 7-day link. */
    async invite(access: ProjectAccess, actor: UserRow, input: { email: string; role: Role }) {
      if (!canAssign(access.role, input.role)) {
        throw new AppError('forbidden', `As ${access.role} you cannot invite someone as ${input.role}.`);
      }
      const email = input.email.trim();
      const emailNormalized = normalizeEmail(email);
      const members = await findMembers(pool, access.project.id);
      if (members.some((m) => normalizeEmail(m.email) === emailNormalized)) {
        throw new AppError('conflict', `${email} is already a member of this project.`);
      }
      const token = newSecretToken();
      const now = clock.now();
      const id = uuidv7();
      await withTransaction(pool, async (tx) => {
        await insertInvitation(tx, {
          id,
          projectId: access.project.id,
          email,
          emailNormalized,
          role: input.role,
          tokenHash: hashSecret(token),
          invitedBy: actor.id,
          expiresAt: new Date(now.getTime() + lifetimeMs),
          now,
        });
        await recordAudit(tx, {
          projectId: access.project.id,
          actor: actorOf(actor),
          action: 'invitation.sent',
          target: email,
          details: { role: input.role },
        });
      });
      const link = new URL('/invitations/accept', deps.publicUrl);
      link.searchParams.set('token', token);
      deps.mailer
        .send(invitationMail(email, actor.name, access.project.name, input.role, link.toString()))
        .catch((err: unknown) => log.error({ err }, 'invitation mail not sent'));
      const created = await findPendingById(pool, id, now);
      if (!created) throw gone();
      return present(created);
    },

    async revoke(access: ProjectAccess, actor: UserRow, id: string) {
      await withTransaction(pool, async (tx) => {
        const invitation = await findPendingById(tx, id, clock.now());
        if (!invitation || invitation.project_id !== access.project.id) throw gone();
        await closeInvitation(tx, id, 'revoked', clock.now());
        await recordAudit(tx, {
          projectId: access.project.id,
          actor: actorOf(actor),
          action: 'invitation.revoked',
          target: invitation.email,
        });
      });
    },

    /** Open invitations to my address. */
    mine: async (user: UserRow) =>
      (await findPendingForEmail(pool, normalizeEmail(user.email), clock.now())).map(present),

    async preview(user: UserRow, token: string) {
      const invitation = await findPendingByTokenHash(pool, hashSecret(token), clock.now());
      if (!invitation) throw gone();
      assertAddressedTo(invitation, user);
      return present(invitation);
    },

    /** Answers through the mailed link, which also proves the address is the user's. */
    async respondByToken(user: UserRow, token: string, accept: boolean) {
      return withTransaction(pool, async (tx) => {
        const invitation = await findPendingByTokenHash(tx, hashSecret(token), clock.now());
        if (!invitation) throw gone();
        assertAddressedTo(invitation, user);
        await markEmailVerified(tx, user.id, clock.now());
        return respond(invitation, user, accept, tx);
      });
    },

    /** Answers from the in-app list; accepting this way needs a confirmed address. */
    async respondById(user: UserRow, id: string, accept: boolean) {
      return withTransaction(pool, async (tx) => {
        const invitation = await findPendingById(tx, id, clock.now());
        if (!invitation) throw gone();
        assertAddressedTo(invitation, user);
        if (accept && !user.email_verified_at) {
          throw new AppError(
            'forbidden',
            'Confirm your email address first, or use the link in the invitation mail.',
          );
        }
        return respond(invitation, user, accept, tx);
      });
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
