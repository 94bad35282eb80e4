const levels: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const colours: Record<string, string> = { WARN: '\x1b[33m', ERROR: '\x1b[31m', FATAL: '\x1b[31m' };
const reset = '\x1b[0m';
const dim = '\x1b[2m';

/**
 * One pino JSON line as a short human line: time, service, level, message and the few fields a
 * person scans for. Anything that is not JSON passes through unchanged.
 */
export function formatLogLine(service: string, line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `${dim}[${service}]${reset} ${line}`;
  }
  const level = levels[Number(entry.level)] ?? 'INFO';
  const time = new Date(typeof entry.time === 'number' ? entry.time : Date.now()).toISOString().slice(11, 19);
  const req = entry.req as { method?: string; url?: string } | undefined;
  const res = entry.res as { statusCode?: number } | undefined;
  const parts = [String(entry.msg ?? '')];
  if (req?.method) parts.push(`${req.method} ${req.url}`);
  if (res?.statusCode) parts.push(`→ ${res.statusCode}`);
  if (typeof entry.responseTime === 'number') parts.push(`${entry.responseTime.toFixed(0)} ms`);
  const err = entry.err as { message?: string; stack?: string } | undefined;
  if (err?.stack) parts.push(`\n${err.stack}`);
  else if (err?.message) parts.push(`: ${err.message}`);
  const colour = colours[level] ?? '';
  return `${dim}${time} [${service}]${reset} ${colour}${level.padEnd(5)}${colour ? reset : ''} ${parts.join(' ')}`;
}
