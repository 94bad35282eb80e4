const exact = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const precise = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A figure for people: "1,234", "12.35", "0.00123"; whole numbers keep every digit. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) || Math.abs(value) >= 1) return exact.format(value);
  return precise.format(value);
}

/** A short figure for an axis or a bar's end: "950", "12.3K", "4.5M". */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) < 10_000) return formatNumber(value);
  return compact.format(value);
}

/** Any cell as short text: numbers compact, timestamps without seconds' fractions. */
export function formatAxisValue(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'number') return formatCompact(value);
  const text = String(value);
  // 2024-05-01T13:45:12.000Z → 2024-05-01 13:45
  const timestamp = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(text);
  if (timestamp)
    return text.endsWith('T00:00:00') || /T00:00:00(\.0+)?Z?$/.test(text)
      ? (timestamp[1] ?? text)
      : `${timestamp[1]} ${timestamp[2]}`;
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

/** Round steps for an axis from 0 (or min) to max: 0, 25, 50, 75, 100. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const span = max - min;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step =
    [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? raw;
  const first = Math.ceil(min / step) * step;
  const ticks: number[] = [];
  for (let tick = first; tick <= max + step * 1e-9; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}
