import type { GeneratorConfig, JobReport, SampleFormat, TableReport, TableSpec } from '@synoptic/contract';
import { generateTableData } from '../engine/generate.ts';
import {
  type FittedSample,
  fitSample,
  fittedSummary,
  learnedColumnsOf,
  splitHoldout,
} from '../learn/index.ts';
import type { JobPlan } from '../relations/plan.ts';
import { conformanceReport, privacyReport, qualityReport } from '../report/index.ts';
import { profileSample, readSample } from '../sample/index.ts';
import type { DataTable } from '../tabular/data-table.ts';

// The two halves of a job around its shards: fitting the sample tables before the plan, and
// report.json after the output is written. The pipeline runs them in a thread of their own; the
// fit-sample command and the fidelity benchmark run them as they are.

/** Rows a model is fitted on: a seeded reservoir of a larger sample, which keeps fitting under a minute. */
export const FIT_MAX_ROWS = 1_000_000;
/** Output rows a report compares: enough for stable scores (SDMetrics' own reports subsample too). */
export const REPORT_ROWS = 100_000;
/** A reference is checked against its parent's whole key column up to this many parent rows. */
const KEY_CHECK_MAX_PARENT_ROWS = 1_000_000;

export type SampleFile = { id: string; path: string; format: SampleFormat };
export type TableFit = { seconds: number; trainingRows: number; holdoutRows: number };
export type FitResult = { models: Record<string, FittedSample>; fits: Record<string, TableFit> };

const sampleTables = (config: GeneratorConfig) =>
  config.tables.filter((t): t is TableSpec & { sample: NonNullable<TableSpec['sample']> } => !!t.sample);

/**
 * The sample a table learns from, split as fitting split it: the same seed gives the same reservoir
 * and the same holdout, so the report compares against exactly the rows the model never saw.
 */
async function trainingAndHoldout(file: SampleFile, seed: string) {
  const { table, totalRows } = await readSample(file.path, file.format, { maxRows: FIT_MAX_ROWS, seed });
  return { ...splitHoldout(table, { seed }), totalRows };
}

function fileOf(files: SampleFile[], id: string): SampleFile {
  const file = files.find((f) => f.id === id);
  // The service refuses a job without a location for every sample, so this is a bug, not bad input.
  if (!file) throw new Error(`no location was given for sample ${id}`);
  return file;
}

export async function fitSamples(input: {
  config: GeneratorConfig;
  files: SampleFile[];
  seed: string;
}): Promise<FitResult> {
  const models: Record<string, FittedSample> = {};
  const fits: Record<string, TableFit> = {};
  for (const table of sampleTables(input.config)) {
    const started = performance.now();
    const { training, holdout, totalRows } = await trainingAndHoldout(
      fileOf(input.files, table.sample.id),
      input.seed,
    );
    models[table.name] = fitSample(training, learnedColumnsOf(table), {
      quality: table.sample.quality ?? 'balanced',
      seed: input.seed,
      sourceRows: totalRows,
    });
    fits[table.name] = {
      seconds: Math.round((performance.now() - started) / 10) / 100,
      trainingRows: training.rows,
      holdoutRows: holdout.rows,
    };
  }
  return { models, fits };
}

/**
 * The referenced key columns of a table's reference fields, from each parent regenerated whole; one
 * regeneration per parent for the whole report (`parents` keeps them), however many fields refer to it.
 */
function keyColumns(
  config: GeneratorConfig,
  plan: JobPlan,
  table: TableSpec,
  parents: Map<string, DataTable | null>,
) {
  const parentKeys: Record<string, DataTable['columns'][number] | null> = {};
  for (const field of table.fields) {
    if (field.type !== 'reference') continue;
    if (!parents.has(field.table)) {
      const rows = plan.tables.find((t) => t.name === field.table)?.rows ?? 0;
      parents.set(
        field.table,
        rows > KEY_CHECK_MAX_PARENT_ROWS ? null : generateTableData(config, plan, field.table, rows),
      );
    }
    const parent = parents.get(field.table);
    parentKeys[`${field.table}.${field.field}`] = parent?.columns.find((c) => c.name === field.field) ?? null;
  }
  return parentKeys;
}

async function tableReport(
  input: {
    config: GeneratorConfig;
    plan: JobPlan;
    files: SampleFile[];
    fits: Record<string, TableFit>;
    seed: string;
  },
  table: TableSpec,
  parents: Map<string, DataTable | null>,
): Promise<TableReport> {
  const { config, plan } = input;
  const rows = Math.min(plan.tables.find((t) => t.name === table.name)?.rows ?? 0, REPORT_ROWS);
  const data = generateTableData(config, plan, table.name, rows);
  const ruleFields = table.fields.some((f) => f.type !== 'learned');
  const conformance =
    rows > 0 && ruleFields
      ? conformanceReport({ table, data, parentKeys: keyColumns(config, plan, table, parents) })
      : null;
  if (!table.sample)
    return { table: table.name, source: 'rules', fit: null, quality: null, privacy: null, conformance };

  const model = plan.samples?.[table.name];
  const fit = input.fits[table.name];
  const summary = model ? fittedSummary(model) : undefined;
  const base = {
    table: table.name,
    source: 'sample' as const,
    fit: summary && fit ? { quality: summary.quality, ...fit, conditionedOn: summary.conditionedOn } : null,
    conformance,
  };
  if (rows === 0) return { ...base, quality: null, privacy: null };
  const { training, holdout } = await trainingAndHoldout(fileOf(input.files, table.sample.id), input.seed);
  const compared = table.fields
    .filter((f) => f.type === 'learned')
    .map((f) => ({ sample: f.column ?? f.name, synthetic: f.name }));
  // Which sample columns hold personal data is judged the way the upload's profile judged it.
  const profile = profileSample(training, {
    format: fileOf(input.files, table.sample.id).format,
    totalRows: training.rows,
  });
  const personal = profile.columns.flatMap((c) =>
    c.personalData ? [{ column: c.name, kind: c.personalData }] : [],
  );
  return {
    ...base,
    quality: compared.length ? qualityReport(training, data, compared) : null,
    privacy: privacyReport({ training, holdout, synthetic: data, compared, personal }),
  };
}

/** report.json of a job whose shards are all written. */
export async function buildJobReport(input: {
  jobId: string;
  config: GeneratorConfig;
  plan: JobPlan;
  files: SampleFile[];
  fits: Record<string, TableFit>;
  seed: string;
}): Promise<JobReport> {
  const tables: TableReport[] = [];
  const parents = new Map<string, DataTable | null>();
  for (const table of input.config.tables) tables.push(await tableReport(input, table, parents));
  const scores = tables.flatMap((t) => (t.quality ? [t.quality.score] : []));
  const privacy = tables.flatMap((t) => (t.privacy ? [t.privacy.passed] : []));
  const conformance = tables.flatMap((t) => (t.conformance ? [t.conformance.passed] : []));
  return {
    version: 1,
    jobId: input.jobId,
    createdAt: new Date().toISOString(),
    summary: {
      quality: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      privacyPassed: privacy.length ? privacy.every(Boolean) : null,
      conformancePassed: conformance.length ? conformance.every(Boolean) : null,
    },
    tables,
  };
}
