import type { Queryable } from '@synoptic/service-kit';
import { uuidv7 } from '@synoptic/service-kit';

export type AuditEventRow = {
  id: string;
  actor_id: string | null;
  actor_email: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  created_at: Date;
};

export type AuditEntry = {
  projectId: string;
  actor: { id: string; email: string };
  action: string;
  target?: string;
  details?: Record<string, unknown>;
};

/** Writes one audit event; pass the transaction of the change it records, so both happen or neither. */
export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `insert into app.audit_events (id, project_id, actor_id, actor_email, action, target, details)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      uuidv7(),
      entry.projectId,
      entry.actor.id,
      entry.actor.email,
      entry.action,
      entry.target ?? '',
      JSON.stringify(entry.details ?? {}),
    ],
  );
}

/** Newest first; ids are UUIDv7, so they order by time and serve as the cursor. */
export async function findAuditEvents(
  db: Queryable,
  projectId: string,
  page: { before?: string | undefined; limit: number },
): Promise<AuditEventRow[]> {
  const { rows } = await db.query<AuditEventRow>(
    `select id, actor_id, actor_email, action, target, details, created_at from app.audit_events
     where project_id = $1 and ($2::uuid is null or id < $2::uuid)
     order by id desc limit $3`,
    [projectId, page.before ?? null, page.limit],
  );
  return rows;
}
