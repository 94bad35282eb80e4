import type { Queryable } from '@synoptic/service-kit';
import type { Role } from './policy.ts';

export type ProjectRow = {
  id: string;
  name: string;
  description: string;
  retention_days: number;
  storage_quota_bytes: number;
  default_output_format: 'csv' | 'jsonl' | 'parquet' | 'sql';
  delete_samples_after_fit: boolean;
  bucket: string;
  storage_used_bytes: number;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  last_activity_at: Date;
};

export type ProjectListRow = ProjectRow & { role: Role; member_count: number };

const columns = `p.id, p.name, p.description, p.retention_days, p.storage_quota_bytes, p.default_output_format,
  p.delete_samples_after_fit, p.bucket, p.storage_used_bytes, p.archived_at, p.created_at, p.updated_at, p.last_activity_at`;

export type ProjectSettings = {
  retentionDays: number;
  storageQuotaBytes: number;
  defaultOutputFormat: ProjectRow['default_output_format'];
  deleteSamplesAfterFit: boolean;
};

export async function insertProject(
  db: Queryable,
  project: { id: string; name: string; description: string; bucket: string } & ProjectSettings,
): Promise<ProjectRow> {
  const { rows } = await db.query<ProjectRow>(
    `insert into app.projects as p (id, name, description, bucket, retention_days, storage_quota_bytes, default_output_format,
       delete_samples_after_fit)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${columns}`,
    [
      project.id,
      project.name,
      project.description,
      project.bucket,
      project.retentionDays,
      project.storageQuotaBytes,
      project.defaultOutputFormat,
      project.deleteSamplesAfterFit,
    ],
  );
  return rows[0] as ProjectRow;
}

/** A project with the caller's role in it; undefined for a stranger, as for a project that does not exist. */
export async function findAccess(
  db: Queryable,
  projectId: string,
  userId: string,
): Promise<{ project: ProjectRow; role: Role } | undefined> {
  const { rows } = await db.query<ProjectRow & { role: Role }>(
    `select ${columns}, m.role from app.projects p
     join app.project_members m on m.project_id = p.id and m.user_id = $2
     where p.id = $1 and p.deleting_at is null`,
    [projectId, userId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { role, ...project } = row;
  return { project, role };
}

export type ProjectListQuery = {
  search?: string | undefined;
  sort: 'name' | 'activity';
  after?: { key: string; id: string } | undefined;
  limit: number;
};

/** The projects a user belongs to, one keyset page at a time. */
export async function findProjectsOfUser(db: Queryable, userId: string, query: ProjectListQuery) {
  const byName = query.sort === 'name';
  const order = byName ? 'lower(p.name), p.id' : 'p.last_activity_at desc, p.id desc';
  const after = byName
    ? '(lower(p.name), p.id) > ($3, $4::uuid)'
    : '(p.last_activity_at, p.id) < ($3::timestamptz, $4::uuid)';
  const { rows } = await db.query<ProjectListRow>(
    `select ${columns}, m.role,
       (select count(*)::int from app.project_members c where c.project_id = p.id) as member_count
     from app.projects p join app.project_members m on m.project_id = p.id and m.user_id = $1
     where p.deleting_at is null
       and ($2::text is null or p.name ilike '%' || $2 || '%' escape '\\')
       and ($3::text is null or ${after})
     order by ${order} limit $5`,
    [
      userId,
      query.search ? query.search.replace(/[\\%_]/g, (c) => `\\${c}`) : null,
      query.after?.key ?? null,
      query.after?.id ?? null,
      query.limit,
    ],
  );
  return rows;
}

export async function updateProject(
  db: Queryable,
  id: string,
  changes: { name?: string | undefined; description?: string | undefined } & Partial<ProjectSettings>,
): Promise<ProjectRow> {
  const { rows } = await db.query<ProjectRow>(
    `update app.projects p set
       name = coalesce($2, name),
       description = coalesce($3, description),
       retention_days = coalesce($4, retention_days),
       storage_quota_bytes = coalesce($5, storage_quota_bytes),
       default_output_format = coalesce($6, default_output_format),
       delete_samples_after_fit = coalesce($7, delete_samples_after_fit),
       updated_at = now(), last_activity_at = now()
     where id = $1 returning ${columns}`,
    [
      id,
      changes.name ?? null,
      changes.description ?? null,
      changes.retentionDays ?? null,
      changes.storageQuotaBytes ?? null,
      changes.defaultOutputFormat ?? null,
      changes.deleteSamplesAfterFit ?? null,
    ],
  );
  return rows[0] as ProjectRow;
}

export async function setArchived(db: Queryable, id: string, at: Date | null): Promise<ProjectRow> {
  const { rows } = await db.query<ProjectRow>(
    `update app.projects p set archived_at = $2, updated_at = now() where id = $1 returning ${columns}`,
    [id, at],
  );
  return rows[0] as ProjectRow;
}

export async function markDeleting(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('update app.projects set deleting_at = coalesce(deleting_at, $2) where id = $1', [id, at]);
}

export async function deleteProjectRow(db: Queryable, id: string): Promise<void> {
  await db.query('delete from app.projects where id = $1', [id]);
}

/** Projects in which the user is the only owner: they go when the user's account goes. */
export async function findProjectsSolelyOwnedBy(db: Queryable, userId: string): Promise<ProjectRow[]> {
  const { rows } = await db.query<ProjectRow>(
    `select ${columns} from app.projects p
     join app.project_members m on m.project_id = p.id and m.user_id = $1 and m.role = 'owner'
     where not exists (
       select 1 from app.project_members o where o.project_id = p.id and o.role = 'owner' and o.user_id <> $1)
     order by lower(p.name)`,
    [userId],
  );
  return rows;
}

export type StorageUse = { used: number; quota: number; reserved: number };

/**
 * What a project stores and may store, with the bytes queued and running jobs are expected to
 * write (`exceptJobId` leaves one out). `forUpdate` locks the project row, so two writers checking
 * the quota at once cannot both take the last free bytes.
 */
export async function findStorageUse(
  db: Queryable,
  projectId: string,
  options: { exceptJobId?: string | undefined; forUpdate?: boolean } = {},
): Promise<StorageUse | undefined> {
  const { rows } = await db.query<StorageUse>(
    `select p.storage_used_bytes as used, p.storage_quota_bytes as quota,
       coalesce((select sum(j.estimated_bytes) from app.jobs j where j.project_id = p.id
         and j.status in ('queued', 'running') and j.id is distinct from $2::uuid), 0)::bigint as reserved
     from app.projects p where p.id = $1 ${options.forUpdate ? 'for update of p' : ''}`,
    [projectId, options.exceptJobId ?? null],
  );
  return rows[0];
}

export async function addStorageUsed(db: Queryable, projectId: string, bytes: number): Promise<void> {
  await db.query(
    'update app.projects set storage_used_bytes = greatest(0, storage_used_bytes + $2), last_activity_at = now() where id = $1',
    [projectId, bytes],
  );
}
