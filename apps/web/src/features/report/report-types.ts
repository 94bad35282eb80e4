import type { useJobReport } from './use-job-report';

// The report as the typed client hands it over. Taken from the client rather than from the schema
// components because openapi-fetch reads a tuple (a pair's [column, column]) as an array.
export type JobReport = NonNullable<ReturnType<typeof useJobReport>['data']>;
export type TableReport = JobReport['tables'][number];
export type QualityReport = NonNullable<TableReport['quality']>;
export type PrivacyReport = NonNullable<TableReport['privacy']>;
export type ConformanceReport = NonNullable<TableReport['conformance']>;
export type ColumnShape = QualityReport['columns'][number];
export type PairTrend = QualityReport['pairs'][number];
