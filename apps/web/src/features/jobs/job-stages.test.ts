import { describe, expect, test } from 'vitest';
import { jobStages } from './job-stages';

const ids = (job: Parameters<typeof jobStages>[0]) => jobStages(job).map((stage) => stage.id);

describe('jobStages', () => {
  test('a rule-based job reports but does not fit', () => {
    const config = { tables: [{ name: 'customers' }] };
    expect(ids({ stage: 'generating', error: null, config })).toEqual([
      'validating',
      'generating',
      'reporting',
      'finalizing',
      'completed',
    ]);
  });

  test('a job whose config has a sample table fits after validating', () => {
    const config = { tables: [{ name: 'orders' }, { name: 'customers', sample: { id: 'abc' } }] };
    expect(ids({ stage: 'queued', error: null, config })).toEqual([
      'validating',
      'fitting',
      'generating',
      'reporting',
      'finalizing',
      'completed',
    ]);
  });

  test('without the config, a job that is fitting or failed while fitting still shows the stage', () => {
    expect(ids({ stage: 'fitting', error: null })).toContain('fitting');
    expect(ids({ stage: 'fitting', error: { stage: 'fitting' } })).toContain('fitting');
    expect(ids({ stage: 'generating', error: null })).not.toContain('fitting');
  });
});
