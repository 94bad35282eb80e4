// Diverging colours for associations in −1..1: negative orange, positive indigo, 0 transparent so the
// card shows through in either theme. Both heat maps use this one scale, so equal colours mean equal
// values side by side.
const negative = 'oklch(0.68 0.17 45)';
const positive = 'oklch(0.55 0.19 275)';

/** How strongly a cell is coloured: |value| clamped to 0..1; undefined associations get none. */
export function correlationStrength(value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0;
  return Math.min(1, Math.abs(value));
}

/** A cell's fill for `value` in −1..1; null (a constant column) is left to the caller's hatch. */
export function correlationFill(value: number | null): string | undefined {
  if (value === null || !Number.isFinite(value)) return undefined;
  const percent = Math.round(correlationStrength(value) * 100);
  return `color-mix(in oklch, ${value < 0 ? negative : positive} ${percent}%, transparent)`;
}

/** The legend's gradient from −1 to +1, drawn with the same colours as the cells. */
export const correlationGradient = `linear-gradient(to right, ${negative}, transparent, ${positive})`;

/** Text on a cell stays readable: light on strong colours, the card's own colour on faint ones. */
export function isStrongCell(value: number | null): boolean {
  return correlationStrength(value) >= 0.6;
}
