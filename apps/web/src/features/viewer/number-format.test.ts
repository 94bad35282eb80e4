import { expect, test } from 'vitest';
import { formatAxisValue, formatCompact, formatNumber, niceTicks } from './number-format';

test('formats figures for people and axes', () => {
  expect(formatNumber(1234567)).toBe('1,234,567');
  expect(formatNumber(53.6789)).toBe('53.68');
  expect(formatNumber(0.001234)).toBe('0.00123');
  expect(formatCompact(950)).toBe('950');
  expect(formatCompact(12_345)).toBe('12.3K');
  expect(formatCompact(4_500_000)).toBe('4.5M');
  expect(formatAxisValue('2024-05-01T13:45:12.000Z')).toBe('2024-05-01 13:45');
  expect(formatAxisValue('2024-05-01T00:00:00')).toBe('2024-05-01');
  expect(formatAxisValue(null)).toBe('∅');
});

test('puts axis ticks on round numbers', () => {
  expect(niceTicks(0, 100, 4)).toEqual([0, 25, 50, 75, 100]);
  expect(niceTicks(0, 4189, 5)).toEqual([0, 1000, 2000, 3000, 4000]);
  expect(niceTicks(18, 90, 4)).toEqual([20, 40, 60, 80]);
  expect(niceTicks(5, 5)).toEqual([5]);
});
