import type { ObjectStore } from '@synoptic/object-store';
import { AppError, type Pool, uuidv7, withTransaction } from '@synoptic/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import type { UserRow } from '../accounts/users.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findJobIds } from '../jobs/jobs.repository.ts';
import { countMembersByRole, insertMember } from '../members/members.repository.ts';
import type { Role } from './policy.ts';
import type { ProjectAccess } from './project-access.ts';
import {
  deleteProjectRow,
  findProjectsOfUser,
  findProjectsSolelyOwnedBy,
  insertProject,
  markDeleting,
  type ProjectRow,
  type ProjectSettings,
  setArchived,
  updateProject,
} from './projects.repository.ts';

export type Project = {
  id: string;
  name: string;
  description: string;
  role: Role;
  archived: boolean;
  archivedAt: string | null;
  settings: ProjectSettings;
  storage: { usedBytes: number; quotaBytes: number };
  memberCount: number;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
};

export function presentProject(row: ProjectRow, role: Role, memberCount: number): Project {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    role,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at?.toISOString() ?? null,
    settings: {
      retentionDays: row.retention_days,
      storageQuotaBytes: row.storage_quota_bytes,
      defaultOutputFormat: row.default_output_format,
      deleteSamplesAfterFit: row.delete_samples_after_fit,
    },
    storage: { usedBytes: row.storage_used_bytes, quotaBytes: row.storage_quota_bytes },
    memberCount,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
  };
}

export const actorOf = (user: UserRow) => ({ id: user.id, email: user.email });

/** The fields a person edits, flat, for the audit log's before/after comparison. */
const editable = (row: ProjectRow) => ({
  name: row.name,
  description: row.description,
  retentionDays: row.retention_days,
  storageQuotaBytes: row.storage_quota_bytes,
  defaultOutputFormat: row.default_output_format,
  deleteSamplesAfterFit: row.delete_samples_after_fit,
});

export function createProjectsService(deps: {
  pool: Pool;
  store: ObjectStore;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Drops what was derived from a job's outputs (the viewer's copy) once they are deleted. */
  onJobOutputsDeleted?: (jobId: string) => Promise<void>;
}) {
  const { pool, store, clock, log } = deps;

  /** Removes a project for good: bucket first, then the rows; a failure part-way can be finished by retrying. */
  const removeProject = async (project: ProjectRow) => {
    await markDeleting(pool, project.id, clock.now());
    try {
      await store.deleteBucket(project.bucket);
    } catch (err) {
      log.error({ err, projectId: project.id }, 'project storage not removed');
      throw new AppError(
        'unavailable',
        'The project’s stored data could not be removed just now. Please try again.',
      );
    }
    for (const jobId of await findJobIds(pool, project.id)) await deps.onJobOutputsDeleted?.(jobId);
    await deleteProjectRow(pool, project.id);
  };

  /** One project as its member sees it, with how many people hold each role. */
  const get = async (access: ProjectAccess) => {
    const members = await countMembersByRole(pool, access.project.id);
    const total = members.owner + members.admin + members.member + members.viewer;
    return { ...presentProject(access.project, access.role, total), members };
  };

  return {
    /**
     * Creates a project with its own bucket. The bucket comes first; if storing the project then
     * fails, the bucket is removed again, so a failure leaves nothing behind.
     */
    async create(
      user: UserRow,
      input: { name: string; description: string } & ProjectSettings,
    ): Promise<Project> {
      const id = uuidv7();
      const bucket = `p${id.replaceAll('-', '')}`;
      try {
        await store.createBucket(bucket);
      } catch (err) {
        log.error({ err }, 'project bucket not created');
        throw new AppError(
          'unavailable',
          'Storage for the project could not be created. Nothing was saved; please try again.',
        );
      }
      try {
        const row = await withTransaction(pool, async (tx) => {
          const created = await insertProject(tx, { id, bucket, ...input });
          await insertMember(tx, id, user.id, 'owner');
          await recordAudit(tx, {
            projectId: id,
            actor: actorOf(user),
            action: 'project.created',
            target: input.name,
          });
          return created;
        });
        return presentProject(row, 'owner', 1);
      } catch (err) {
        await store
          .deleteBucket(bucket)
          .catch((cleanup: unknown) => log.error({ err: cleanup, bucket }, 'orphan bucket'));
        throw err;
      }
    },

    async list(
      user: UserRow,
      query: {
        search?: string | undefined;
        sort: 'name' | 'activity';
        cursor?: string | undefined;
        limit: number;
      },
    ) {
      const after = decodeCursor(query.cursor, 2);
      const rows = await findProjectsOfUser(pool, user.id, {
        search: query.search,
        sort: query.sort,
        after: after ? { key: after[0] ?? '', id: after[1] ?? '' } : undefined,
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const nextCursor =
        rows.length > query.limit && last
          ? encodeCursor([
              query.sort === 'name' ? last.name.toLowerCase() : last.last_activity_at.toISOString(),
              last.id,
            ])
          : null;
      return { projects: page.map((r) => presentProject(r, r.role, r.member_count)), nextCursor };
    },

    get,

    async update(
      access: ProjectAccess,
      actor: UserRow,
      changes: { name?: string | undefined; description?: string | undefined } & Partial<ProjectSettings>,
    ) {
      const before = editable(access.project);
      const row = await withTransaction(pool, async (tx) => {
        const updated = await updateProject(tx, access.project.id, changes);
        const changed = Object.fromEntries(
          Object.entries(editable(updated)).filter(
            ([key, value]) => value !== before[key as keyof typeof before],
          ),
        );
        if (Object.keys(changed).length > 0) {
          await recordAudit(tx, {
            projectId: access.project.id,
            actor: actorOf(actor),
            action: 'project.updated',
            target: updated.name,
            details: changed,
          });
        }
        return updated;
      });
      return get({ project: row, role: access.role });
    },

    async setArchived(access: ProjectAccess, actor: UserRow, archived: boolean) {
      const row = await withTransaction(pool, async (tx) => {
        const updated = await setArchived(tx, access.project.id, archived ? clock.now() : null);
        await recordAudit(tx, {
          projectId: access.project.id,
          actor: actorOf(actor),
          action: archived ? 'project.archived' : 'project.unarchived',
          target: updated.name,
        });
        return updated;
      });
      return get({ project: row, role: access.role });
    },

    /** Deletes the project, its outputs and its bucket, once the caller has typed its name. */
    async delete(access: ProjectAccess, confirmName: string) {
      if (confirmName !== access.project.name) {
        throw new AppError('validation_failed', 'Type the project’s name exactly to confirm.', {
          details: [{ path: 'confirmName', message: `Type “${access.project.name}” to confirm.` }],
        });
      }
      await removeProject(access.project);
    },

    /** What deleting this user's account would delete: projects nobody else owns. */
    findSolelyOwned: (userId: string) => findProjectsSolelyOwnedBy(pool, userId),

    async deleteSolelyOwned(userId: string) {
      const projects = await findProjectsSolelyOwnedBy(pool, userId);
      for (const project of projects) await removeProject(project);
      return projects;
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
