import { describe, expect, test } from 'vitest';
import { correlationFill, correlationStrength, isStrongCell } from './heat-map-scale';

describe('correlation colour scale', () => {
  test('is symmetric in strength around zero and clamps to −1..1', () => {
    expect(correlationStrength(0.4)).toBe(correlationStrength(-0.4));
    expect(correlationStrength(1)).toBe(1);
    expect(correlationStrength(-1.2)).toBe(1);
    expect(correlationStrength(0)).toBe(0);
    expect(correlationStrength(null)).toBe(0);
  });

  test('negative and positive values take different hues at the same strength', () => {
    const negative = correlationFill(-0.5);
    const positive = correlationFill(0.5);
    expect(negative).not.toBe(positive);
    expect(negative).toContain('50%');
    expect(positive).toContain('50%');
  });

  test('zero is transparent, ±1 is the full colour, undefined has no fill', () => {
    expect(correlationFill(0)).toMatch(/ 0%, transparent\)$/);
    expect(correlationFill(1)).toMatch(/ 100%, transparent\)$/);
    expect(correlationFill(-1)).toMatch(/ 100%, transparent\)$/);
    expect(correlationFill(null)).toBeUndefined();
  });

  test('the same value gets the same colour in the real and the synthetic map', () => {
    expect(correlationFill(0.42)).toBe(correlationFill(0.42));
  });

  test('cells of strong associations get light text, faint ones the card’s text colour', () => {
    expect(isStrongCell(1)).toBe(true);
    expect(isStrongCell(-0.75)).toBe(true);
    expect(isStrongCell(0.3)).toBe(false);
    expect(isStrongCell(null)).toBe(false);
  });
});
