import { AppError, errorResponses, type ZodServer } from '@synoptic/service-kit';
import {
  estimateOutput,
  type FittedSample,
  GenerationError,
  type GeneratorConfig,
  previewConfig,
  validateGeneratorConfig,
} from '../engine.ts';
import { previewBodySchema, previewSchema } from './job.schemas.ts';

// Cells as JSON can carry them: big integers as strings, dates as ISO strings.
function jsonCell(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

/** The models of the config's sample tables, by table name, from the request's models by sample id. */
function modelsByTable(
  config: GeneratorConfig,
  byId: Record<string, Record<string, unknown>> | undefined,
): Record<string, FittedSample> {
  const models: Record<string, FittedSample> = {};
  for (const table of config.tables) {
    const model = table.sample && byId?.[table.sample.id];
    // Made by the engine's own fitSample in the control plane, a signed caller: not user input.
    if (model) models[table.name] = model as unknown as FittedSample;
  }
  return models;
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
        const samples = modelsByTable(checked.config, request.body.sampleModels);
        const preview = previewConfig(checked.config, { seed, rows, samples });
        const estimate = estimateOutput(checked.config, output, { samples });
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
