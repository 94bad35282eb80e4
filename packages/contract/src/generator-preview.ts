import { z } from 'zod';

/** A column of generated output and its logical type. */
export const outputColumnSchema = z.object({ name: z.string(), type: z.string() });

/**
 * The first rows of each table and a size estimate for a configuration: what the pipeline's
 * preview answers and the api passes on. Each service names it in its own OpenAPI document.
 */
export const generatorPreviewSchema = z.object({
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(outputColumnSchema),
      rows: z.array(z.record(z.string(), z.unknown())),
    }),
  ),
  estimate: z.object({
    rows: z.number(),
    bytes: z.number(),
    tables: z.array(z.object({ name: z.string(), rows: z.number(), bytes: z.number() })),
  }),
});
