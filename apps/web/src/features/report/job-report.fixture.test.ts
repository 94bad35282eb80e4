import { jobReportSchema } from '@synoptic/contract';
import { describe, expect, test } from 'vitest';
import { jobReportFixture } from './job-report.fixture';
import { acknowledgedUrl, failedCheckLabels } from './privacy-gate';

describe('the report fixture', () => {
  test('is a valid report.json', () => {
    expect(jobReportSchema.parse(jobReportFixture)).toEqual(jobReportFixture);
  });
});

describe('privacy gate', () => {
  test('names only the checks that failed, each once across tables', () => {
    expect(failedCheckLabels(jobReportFixture)).toEqual(['No personal data reproduced']);
    const twice = { ...jobReportFixture, tables: [...jobReportFixture.tables, ...jobReportFixture.tables] };
    expect(failedCheckLabels(twice)).toEqual(['No personal data reproduced']);
  });

  test('a report with no failed check names none', () => {
    const passed = {
      ...jobReportFixture,
      tables: jobReportFixture.tables.map((table) => ({
        ...table,
        privacy: table.privacy && {
          ...table.privacy,
          passed: true,
          checks: table.privacy.checks.map((check) => ({ ...check, passed: true })),
        },
      })),
    };
    expect(failedCheckLabels(passed)).toEqual([]);
  });

  test('adds the acknowledgement to a download url, with or without a query', () => {
    expect(acknowledgedUrl('/api/projects/p/jobs/j/download.zip')).toBe(
      '/api/projects/p/jobs/j/download.zip?acknowledgePrivacy=true',
    );
    expect(acknowledgedUrl('/x?a=1')).toBe('/x?a=1&acknowledgePrivacy=true');
  });
});
