const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export const GiB = 1024 ** 3;

/** "0 B", "512 KiB", "1.5 GiB": binary units, as quotas are set in GiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 || Number.isInteger(value) ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** Quota bytes as GiB for a form field, keeping fractions such as 0.5. */
export function bytesToGiB(bytes: number): string {
  return String(Math.round((bytes / GiB) * 1000) / 1000);
}

export function giBToBytes(value: string): number {
  return Math.round(Number(value) * GiB);
}
