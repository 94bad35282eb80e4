import { describe, expect, test } from 'vitest';
import {
  formatCellCorrelation,
  formatCorrelation,
  formatFitTime,
  formatScore,
  formatShare,
  scoreWord,
} from './report-format';

describe('scoreWord', () => {
  test('names each band from its lower bound', () => {
    expect(scoreWord(1)).toBe('Excellent');
    expect(scoreWord(0.9)).toBe('Excellent');
    expect(scoreWord(0.8999)).toBe('Good');
    expect(scoreWord(0.8)).toBe('Good');
    expect(scoreWord(0.75)).toBe('Fair');
    expect(scoreWord(0.7)).toBe('Fair');
    expect(scoreWord(0.69)).toBe('Poor');
    expect(scoreWord(0)).toBe('Poor');
  });
});

describe('formatScore', () => {
  test('rounds down so the percentage never reads as the next word up', () => {
    expect(formatScore(0.899)).toBe('89%');
    expect(scoreWord(0.899)).toBe('Good');
    expect(formatScore(0.9)).toBe('90%');
    expect(formatScore(1)).toBe('100%');
  });

  test('is not thrown off by binary fractions', () => {
    expect(formatScore(0.29)).toBe('29%');
    expect(formatScore(0.57)).toBe('57%');
  });
});

describe('formatShare', () => {
  test('keeps small rates visible instead of rounding them to zero', () => {
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(0.0003)).toBe('0.03%');
    expect(formatShare(0.125)).toBe('12.5%');
    expect(formatShare(1)).toBe('100%');
  });
});

describe('formatCorrelation', () => {
  test('signs the value and marks an undefined one', () => {
    expect(formatCorrelation(0.618)).toBe('+0.62');
    expect(formatCorrelation(-0.18)).toBe('−0.18');
    expect(formatCorrelation(-0.001)).toBe('0.00');
    expect(formatCorrelation(null)).toBe('—');
  });
});

describe('formatCellCorrelation', () => {
  test('fits a heat-map cell: no leading zero, no plus sign, ±1 whole', () => {
    expect(formatCellCorrelation(0.4249)).toBe('.42');
    expect(formatCellCorrelation(-0.05)).toBe('−.05');
    expect(formatCellCorrelation(0)).toBe('.00');
    expect(formatCellCorrelation(1)).toBe('1');
    expect(formatCellCorrelation(-0.999)).toBe('−1');
  });
});

describe('formatFitTime', () => {
  test('keeps a decimal for quick fits and reads long ones in minutes', () => {
    expect(formatFitTime(0.42)).toBe('0.4 s');
    expect(formatFitTime(3.44)).toBe('3.4 s');
    expect(formatFitTime(125)).toBe('2 min 5 s');
  });
});
