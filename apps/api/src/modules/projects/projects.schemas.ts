import { outputFormatSchema } from '@synoptic/contract';
import { z } from 'zod';
import { roles } from './policy.ts';

const GiB = 1024 ** 3;

export const roleSchema = z.enum(roles).meta({
  id: 'Role',
  description:
    'owner > admin > member > viewer. Viewers read; members also run jobs; admins also manage settings and members below admin; owners do everything.',
});

export const projectIdParams = z.object({ projectId: z.string().describe('Project id') });

const name = z.string().trim().min(1, 'Name the project.').max(100, 'Use at most 100 characters.');
const description = z.string().trim().max(2000, 'Use at most 2,000 characters.');
const retentionDays = z
  .number()
  .int()
  .min(1, 'Keep outputs at least 1 day.')
  .max(3650, 'Keep outputs at most 3,650 days.')
  .describe('Days generated outputs are kept before the retention sweep deletes them');
const storageQuotaBytes = z
  .number()
  .int()
  .min(1024 ** 2, 'The quota must be at least 1 MiB.')
  .max(1024 ** 5, 'The quota must be at most 1 PiB.')
  .describe('Most bytes of outputs and samples the project may store');
const deleteSamplesAfterFit = z
  .boolean()
  .describe(
    'Delete an uploaded sample’s file once a job that learned from it has finished (its profile stays)',
  );

export const projectSettingsSchema = z
  .object({
    retentionDays,
    storageQuotaBytes,
    defaultOutputFormat: outputFormatSchema,
    deleteSamplesAfterFit,
  })
  .meta({ id: 'ProjectSettings' });

export const createProjectBodySchema = z
  .object({
    name,
    description: description.default(''),
    retentionDays: retentionDays.default(30),
    storageQuotaBytes: storageQuotaBytes.default(10 * GiB),
    defaultOutputFormat: outputFormatSchema.default('csv'),
    deleteSamplesAfterFit: deleteSamplesAfterFit.default(false),
  })
  .meta({ id: 'CreateProjectRequest' });

export const updateProjectBodySchema = z
  .object({
    name: name.optional(),
    description: description.optional(),
    retentionDays: retentionDays.optional(),
    storageQuotaBytes: storageQuotaBytes.optional(),
    defaultOutputFormat: outputFormatSchema.optional(),
    deleteSamplesAfterFit: deleteSamplesAfterFit.optional(),
  })
  .meta({ id: 'UpdateProjectRequest' });

export const projectSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    role: roleSchema.describe('The caller’s role in the project'),
    archived: z.boolean().describe('Archived projects are read-only and accept no jobs'),
    archivedAt: z.iso.datetime().nullable(),
    settings: projectSettingsSchema,
    storage: z.object({ usedBytes: z.number().int(), quotaBytes: z.number().int() }),
    memberCount: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    lastActivityAt: z.iso.datetime(),
  })
  .meta({ id: 'Project' });

export const projectDetailSchema = projectSchema
  .extend({
    members: z
      .object({
        owner: z.number().int(),
        admin: z.number().int(),
        member: z.number().int(),
        viewer: z.number().int(),
      })
      .describe('How many people hold each role'),
  })
  .meta({ id: 'ProjectDetail' });

export const projectListQuerySchema = z.object({
  search: z.string().trim().max(100).optional().describe('Part of the project name, any case'),
  sort: z.enum(['name', 'activity']).default('activity').describe('`activity`: most recently active first'),
  cursor: z.string().max(500).optional().describe('From `nextCursor` of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const projectPageSchema = z
  .object({ projects: z.array(projectSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ProjectPage' });

export const deleteProjectBodySchema = z
  .object({ confirmName: z.string().describe('The project’s exact name, typed by the person deleting it') })
  .meta({ id: 'DeleteProjectRequest' });
