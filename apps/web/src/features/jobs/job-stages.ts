export type JobStage = { id: string; label: string };

/** What the stepper needs of a job: where it is, where it failed, and (on the detail) its config. */
export type StagedJob = {
  stage: string;
  error: { stage: string } | null;
  config?: { tables: { name: string; sample?: unknown }[] };
};

/**
 * The stages a job passes through: validating → (fitting) → generating → reporting → finalizing →
 * completed. Fitting is shown only for jobs that learn from a sample: a config with a sample table,
 * or, where the config is not at hand, a job that is or was fitting.
 */
export function jobStages(job: StagedJob): JobStage[] {
  const learns =
    job.config?.tables.some((table) => table.sample !== undefined && table.sample !== null) ||
    job.stage === 'fitting' ||
    job.error?.stage === 'fitting';
  return [
    { id: 'validating', label: 'Validating' },
    ...(learns ? [{ id: 'fitting', label: 'Fitting' }] : []),
    { id: 'generating', label: 'Generating' },
    { id: 'reporting', label: 'Reporting' },
    { id: 'finalizing', label: 'Finalizing' },
    { id: 'completed', label: 'Completed' },
  ];
}
