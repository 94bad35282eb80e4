import { formatDuration } from '../jobs/job-format';

export type ScoreWord = 'Excellent' | 'Good' | 'Fair' | 'Poor';

/** How a quality score reads in a word: ≥ 0.9 Excellent, ≥ 0.8 Good, ≥ 0.7 Fair, else Poor. */
export function scoreWord(score: number): ScoreWord {
  if (score >= 0.9) return 'Excellent';
  if (score >= 0.8) return 'Good';
  if (score >= 0.7) return 'Fair';
  return 'Poor';
}

/**
 * "89%": rounded down, so the figure never reads as the next word up (0.899 is Good, not "90% Good").
 * The epsilon absorbs binary noise such as 0.29 × 100 = 28.999….
 */
export function formatScore(score: number): string {
  return `${Math.floor(score * 100 + 1e-9)}%`;
}

/** "12.5%", "0.03%", "0%": shares that are often tiny, such as exact-match rates. */
export function formatShare(share: number): string {
  if (share === 0) return '0%';
  const percent = share * 100;
  return `${percent.toLocaleString('en-US', { maximumSignificantDigits: percent < 1 ? 2 : 3 })}%`;
}

/** A correlation or association as "+0.62", "−0.18", "—" when it is undefined (a constant column). */
export function formatCorrelation(value: number | null): string {
  if (value === null) return '—';
  const fixed = Math.abs(value).toFixed(2);
  if (fixed === '0.00') return '0.00';
  return `${value < 0 ? '−' : '+'}${fixed}`;
}

/** "3.4 s" for quick fits, "2 min 5 s" for long ones. */
export function formatFitTime(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  return formatDuration(seconds);
}

/** A correlation short enough for a heat-map cell: ".42", "−.05", "1". */
export function formatCellCorrelation(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  if (Math.abs(rounded) === 1) return rounded < 0 ? '−1' : '1';
  const digits = Math.abs(rounded).toFixed(2).slice(1);
  return rounded < 0 ? `−${digits}` : digits;
}
