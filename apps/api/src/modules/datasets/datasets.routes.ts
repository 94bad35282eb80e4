import { Readable } from 'node:stream';
import { errorResponses, type ZodServer } from '@synoptic/service-kit';
import { z } from 'zod';
import { requireAuth } from '../auth/authenticate.ts';
import { jobParams } from '../jobs/jobs.schemas.ts';
import { projectAccessOf } from '../projects/project-access.ts';
import {
  columnParams,
  columnStatsSchema,
  datasetSchema,
  exportQuerySchema,
  rowsPageSchema,
  rowsQueryBodySchema,
  statsBodySchema,
  tableParams,
} from './datasets.schemas.ts';
import { type DatasetsService, parseView } from './datasets.service.ts';

export function registerDatasetsRoutes(app: ZodServer, deps: { datasets: DatasetsService }) {
  const { datasets } = deps;
  const tags = ['datasets'];
  const base = '/api/projects/:projectId/jobs/:jobId/dataset';

  app.get(
    base,
    {
      config: { projectAction: 'data.view' },
      schema: {
        tags,
        operationId: 'getDataset',
        summary: 'The tables and columns of a completed job’s output (viewer and up)',
        description:
          'The first call for a job starts preparing its output for querying; a large output takes a while ' +
          '(about 30 s for ten million rows), and meanwhile the answer is 202 with `status: preparing`. Ask again ' +
          'until it is 200; later calls are immediate.',
        params: jobParams,
        response: { 200: datasetSchema, 202: datasetSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const dataset = await datasets.describe(projectAccessOf(request), request.params.jobId);
      return reply.code(dataset.status === 'ready' ? 200 : 202).send(dataset);
    },
  );

  app.post(
    `${base}/tables/:table/rows`,
    {
      config: { projectAction: 'data.view' },
      schema: {
        tags,
        operationId: 'queryDatasetRows',
        summary: 'A page of a table’s rows, filtered and sorted (viewer and up)',
        params: tableParams,
        body: rowsQueryBodySchema,
        response: { 200: rowsPageSchema, ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request) =>
      datasets.rows(projectAccessOf(request), request.params.jobId, request.params.table, request.body),
  );

  app.post(
    `${base}/tables/:table/columns/:column/stats`,
    {
      config: { projectAction: 'data.view' },
      schema: {
        tags,
        operationId: 'getColumnStats',
        summary: 'Figures, top values and a histogram of one column (viewer and up)',
        params: columnParams,
        body: statsBodySchema,
        response: { 200: columnStatsSchema, ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request) =>
      datasets.columnStats(
        projectAccessOf(request),
        request.params.jobId,
        request.params.table,
        request.params.column,
        request.body.filters,
      ),
  );

  app.get(
    `${base}/tables/:table/export.csv`,
    {
      config: { projectAction: 'data.download' },
      schema: {
        tags,
        operationId: 'exportDatasetView',
        summary: 'Download the filtered, sorted view of a table as CSV (viewer and up)',
        description:
          'A job whose privacy checks failed answers 409 `privacy_review_required` until `acknowledgePrivacy=true`.',
        params: tableParams,
        querystring: exportQuerySchema,
        response: {
          200: { description: 'The rows as CSV', content: { 'text/csv': { schema: z.string() } } },
          ...errorResponses(400, 401, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const view = parseView(request.query.view);
      const file = await datasets.exportCsv(
        {
          access: projectAccessOf(request),
          user: requireAuth(request).user,
          jobId: request.params.jobId,
          acknowledgePrivacy: request.query.acknowledgePrivacy,
        },
        request.params.table,
        view,
      );
      void reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.downloadName}"`)
        .header('cache-control', 'private, no-store');
      return reply.send(Readable.from(file.chunks) as never);
    },
  );
}
