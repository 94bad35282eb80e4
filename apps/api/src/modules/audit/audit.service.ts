import type { Pool } from '@synoptic/service-kit';
import { findAuditEvents } from './audit.repository.ts';

export function createAuditService(pool: Pool) {
  return {
    /** One page of a project's audit log, newest first. */
    async page(projectId: string, query: { cursor?: string | undefined; limit: number }) {
      const rows = await findAuditEvents(pool, projectId, { before: query.cursor, limit: query.limit + 1 });
      const page = rows.slice(0, query.limit);
      return {
        events: page.map((r) => ({
          id: r.id,
          actor: { id: r.actor_id, email: r.actor_email },
          action: r.action,
          target: r.target,
          details: r.details,
          createdAt: r.created_at.toISOString(),
        })),
        nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
