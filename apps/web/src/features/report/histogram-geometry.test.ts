import { describe, expect, test } from 'vitest';
import { barAxis, formatEdge, groupedBars } from './histogram-geometry';

const plot = { left: 40, top: 10, width: 200, height: 100 };

describe('barAxis', () => {
  test('reaches at least the tallest bar of either series', () => {
    const axis = barAxis([0.1, 0.37], [0.42, 0.2]);
    expect(axis.top).toBeGreaterThanOrEqual(0.42);
    expect(axis.ticks[0]).toBe(0);
    expect(axis.ticks.at(-1)).toBeLessThanOrEqual(axis.top);
  });

  test('an empty histogram still has an axis', () => {
    expect(barAxis([], [])).toEqual({ top: 1, ticks: [0, 1] });
  });
});

describe('groupedBars', () => {
  test('each bin holds a real then a synthetic bar, heights in proportion, on one baseline', () => {
    const bars = groupedBars([0.5, 0.25], [0.25, 0.5], plot, 0.5);
    expect(bars.map((bar) => [bar.index, bar.series])).toEqual([
      [0, 'real'],
      [0, 'synthetic'],
      [1, 'real'],
      [1, 'synthetic'],
    ]);
    const [real0, synthetic0, real1] = bars;
    expect(real0?.height).toBe(100);
    expect(synthetic0?.height).toBe(50);
    for (const bar of bars) expect(bar.y + bar.height).toBe(plot.top + plot.height);
    // Side by side within the bin, and the next bin starts after a gap.
    expect(synthetic0?.x).toBeCloseTo((real0?.x ?? 0) + (real0?.width ?? 0));
    expect(real1?.x).toBeGreaterThan((synthetic0?.x ?? 0) + (synthetic0?.width ?? 0));
    // Every bar stays inside the plot.
    for (const bar of bars) {
      expect(bar.x).toBeGreaterThanOrEqual(plot.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(plot.left + plot.width);
    }
  });

  test('a rare value keeps a visible bar; an absent one has none', () => {
    const [rare, absent] = groupedBars([0.0001], [0], plot, 1);
    expect(rare?.height).toBe(1);
    expect(absent?.height).toBe(0);
  });
});

describe('formatEdge', () => {
  const day = 24 * 3600 * 1000;
  test('labels dates as dates, with the time only when bins are shorter than a day', () => {
    const edge = Date.UTC(2024, 2, 5, 13, 30);
    expect(formatEdge(edge, true, 30 * day)).toBe('2024-03-05');
    expect(formatEdge(edge, true, day / 4)).toBe('2024-03-05 13:30');
  });

  test('labels numbers compactly', () => {
    expect(formatEdge(120000, false, 20000)).toBe('120K');
    expect(formatEdge(18, false, 6)).toBe('18');
  });
});
