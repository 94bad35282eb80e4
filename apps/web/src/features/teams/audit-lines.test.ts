import { describe, expect, test } from 'vitest';
import { type AuditEvent, describeAuditEvent } from './audit-lines';

const people = { byId: new Map([['u1', 'Ada']]), byEmail: new Map<string, string>() };
const event = (action: string, target: string, details: Record<string, unknown> = {}): AuditEvent => ({
  id: '1',
  action,
  target,
  details,
  actor: { id: 'u1', email: 'ada@example.test' },
  createdAt: '2026-12-01T10:00:00Z',
});

describe('audit lines', () => {
  test('say what happened to jobs and samples in words', () => {
    expect(describeAuditEvent(event('job.created', 'Nightly'), people)).toBe('Ada started the job “Nightly”');
    expect(describeAuditEvent(event('job.deleted', 'Nightly'), people)).toBe(
      'Ada deleted the job “Nightly” and its files',
    );
    expect(
      describeAuditEvent(event('job.privacy_acknowledged', 'Twin', { download: 'download.zip' }), people),
    ).toBe('Ada downloaded download.zip of “Twin” despite its failed privacy checks');
    expect(describeAuditEvent(event('sample.uploaded', 'sales.csv', { bytes: 2048 }), people)).toBe(
      'Ada uploaded the sample “sales.csv” (2 KiB)',
    );
    expect(describeAuditEvent(event('sample.deleted', 'sales.csv'), people)).toBe(
      'Ada deleted the sample “sales.csv”',
    );
  });

  test('name the setting that deletes samples after fitting', () => {
    expect(describeAuditEvent(event('project.updated', 'P', { deleteSamplesAfterFit: true }), people)).toBe(
      'Ada changed samples to be deleted after fitting',
    );
  });
});
