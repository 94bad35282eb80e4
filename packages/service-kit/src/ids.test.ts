import { expect, test } from 'vitest';
import { uuidv7 } from './ids.ts';

test('makes version-7 UUIDs that sort by creation time', () => {
  const a = uuidv7(1_700_000_000_000);
  const b = uuidv7(1_700_000_000_001);
  expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(a < b).toBe(true);
  expect(a.slice(0, 13)).toBe('018bcfe5-6800');
  expect(new Set(Array.from({ length: 1000 }, () => uuidv7())).size).toBe(1000);
});

test('ids made in the same millisecond sort in the order they were made', () => {
  const ids = Array.from({ length: 10_000 }, () => uuidv7(1_800_000_000_000));
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
});
