import type { JobReport } from './report-types';

/** The labels of every privacy check that failed, across the job's sample tables, each once. */
export function failedCheckLabels(report: JobReport): string[] {
  const labels = report.tables.flatMap(
    (table) => table.privacy?.checks.filter((check) => !check.passed).map((check) => check.label) ?? [],
  );
  return [...new Set(labels)];
}

/** A download url that says the person has seen the failed privacy checks and downloads anyway. */
export function acknowledgedUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}acknowledgePrivacy=true`;
}
