import { expect, test } from 'vitest';
import { formatUploadProgress, uploadContentType, uploadPercent } from './upload-progress';

const MiB = 1024 ** 2;

test('reports whole percents and reaches 100 only with the last byte', () => {
  expect(uploadPercent({ loaded: 0, total: 100 * MiB })).toBe(0);
  expect(uploadPercent({ loaded: 12.5 * MiB, total: 100 * MiB })).toBe(12);
  expect(uploadPercent({ loaded: 100 * MiB - 1, total: 100 * MiB })).toBe(99);
  expect(uploadPercent({ loaded: 100 * MiB, total: 100 * MiB })).toBe(100);
  expect(uploadPercent({ loaded: 5, total: 0 })).toBe(0);
});

test('says how many bytes of how many have gone', () => {
  expect(formatUploadProgress({ loaded: 12.5 * MiB, total: 100 * MiB })).toBe('12.5 MiB of 100 MiB');
  expect(formatUploadProgress({ loaded: 0, total: 1024 ** 3 })).toBe('0 B of 1 GiB');
  // Browsers count request framing too: never more sent than the file holds.
  expect(formatUploadProgress({ loaded: 2049, total: 2048 })).toBe('2 KiB of 2 KiB');
  expect(formatUploadProgress({ loaded: 3 * MiB, total: 0 })).toBe('3 MiB');
});

test('declares the file’s type when the api knows it, and plain bytes otherwise', () => {
  expect(uploadContentType({ type: 'text/csv' })).toBe('text/csv');
  expect(uploadContentType({ type: 'application/vnd.apache.parquet' })).toBe(
    'application/vnd.apache.parquet',
  );
  expect(uploadContentType({ type: 'application/vnd.ms-excel' })).toBe('application/octet-stream');
  expect(uploadContentType({ type: '' })).toBe('application/octet-stream');
});
