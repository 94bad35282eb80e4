import { AppError, errorResponses, type ZodServer } from '@synoptic/service-kit';
import { estimateOutput, GenerationError, previewConfig, validateGeneratorConfig } from '../engine.ts';
import { previewBodySchema, previewSchema } from './job.schemas.ts';

// Cells as JSON can carry them: big integers as strings, dates as ISO strings.
function jsonCell(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

export function registerPreviewRoutes(app: ZodServer): void {
  app.post(
    '/v1/preview',
    {
      schema: {
        tags: ['preview'],
        operationId: 'previewConfig',
        summary: 'The first rows of each table and a size estimate, for live editing',
        body: previewBodySchema,
        response: { 200: previewSchema, ...errorResponses(400, 401, 422) },
      },
    },
    async (request) => {
      const { config: raw, rows, seed } = request.body;
      const output = request.body.output ?? { format: 'csv' as const };
      const checked = validateGeneratorConfig(raw);
      if (!checked.ok)
        throw new AppError('validation_failed', 'The configuration is invalid.', {
          details: checked.errors.map((e) => ({
            path: e.path ? `config.${e.path}` : 'config',
            message: e.message,
          })),
        });
      try {
        const preview = previewConfig(checked.config, { seed, rows });
        const estimate = estimateOutput(checked.config, output);
        return {
          tables: preview.tables.map((t) => ({
            name: t.name,
            columns: t.columns,
            rows: t.rows.map((row) =>
              Object.fromEntries(Object.entries(row).map(([k, v]) => [k, jsonCell(v)])),
            ),
          })),
          estimate,
        };
      } catch (err) {
        if (err instanceof GenerationError) throw new AppError('unprocessable', err.message);
        throw err;
      }
    },
  );
}
