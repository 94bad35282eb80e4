const integer = new Intl.NumberFormat('en-US');

/** "1,000,000". */
export function formatCount(value: number): string {
  return integer.format(Math.round(value));
}

/** "42 s", "3 min 5 s", "1 h 20 min": for durations and ETAs. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return total % 60 ? `${minutes} min ${total % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** Seconds between two timestamps, or undefined while one is missing. */
export function secondsBetween(from: string | null, to: string | null): number | undefined {
  if (!from || !to) return undefined;
  return (new Date(to).getTime() - new Date(from).getTime()) / 1000;
}
