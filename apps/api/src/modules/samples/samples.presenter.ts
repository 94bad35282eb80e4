import type { SampleRow } from './samples.repository.ts';

export function presentSample(row: SampleRow) {
  return {
    id: row.id,
    name: row.name,
    format: row.format,
    bytes: row.bytes,
    status: row.status,
    rows: row.rows,
    columns: row.columns,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    removedAt: row.removed_at?.toISOString() ?? null,
  };
}

export type Sample = ReturnType<typeof presentSample>;

export function presentSampleDetail(row: SampleRow) {
  return { ...presentSample(row), profile: row.profile };
}
