// Plain JavaScript over the generated rows: how the chat benchmark computes the answers it
// checks the engine's against, shared by the main question list and the held-out one.

export type Row = Record<string, unknown>;

export const TODAY = new Date();
export const num = (v: unknown) => Number(v);
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
export const mean = (xs: number[]) => sum(xs) / xs.length;
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
export function pearson(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
export function groupBy<T>(rows: Row[], key: (r: Row) => string, value: (rs: Row[]) => T): Map<string, T> {
  const buckets = new Map<string, Row[]>();
  for (const r of rows) {
    const k = key(r);
    const list = buckets.get(k) ?? [];
    list.push(r);
    buckets.set(k, list);
  }
  return new Map([...buckets].map(([k, rs]) => [k, value(rs)]));
}
export const count = (rows: Row[], where: (r: Row) => boolean = () => true) => rows.filter(where).length;
/** Whole years from a birth date to today (UTC), as a person counts them. */
export function ageOf(birth: unknown): number {
  const [y, m, d] = String(birth).split('-').map(Number) as [number, number, number];
  const ty = TODAY.getUTCFullYear();
  const tm = TODAY.getUTCMonth() + 1;
  const td = TODAY.getUTCDate();
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}
/** An instant from the generated JSON ("…Z") or from DuckDB ("2024-01-02 03:04:05+00"). */
export const ms = (v: unknown) =>
  Date.parse(
    String(v)
      .replace(' ', 'T')
      .replace(/\+00(:00)?$/, 'Z'),
  );
export const month = (v: unknown) => `${new Date(ms(v)).toISOString().slice(0, 7)}-01`;
export const year = (v: unknown) => `${new Date(ms(v)).toISOString().slice(0, 4)}-01-01`;
export const dayOf = (v: unknown) => new Date(ms(v)).toISOString().slice(0, 10);
export const inRange = (v: unknown, from: string, to: string) =>
  ms(v) >= Date.parse(`${from}T00:00:00Z`) && ms(v) < Date.parse(`${to}T00:00:00Z`);

export function byId(rows: Row[]): Map<unknown, Row> {
  return new Map(rows.map((r) => [r.id, r]));
}

/** Name → id for the names that only one row carries (an answer may key people by either). */
export function uniqueNames(rows: Row[]): Map<string, string> {
  const seen = groupBy(
    rows,
    (r) => String(r.name),
    (rs) => rs.map((r) => String(r.id)),
  );
  return new Map([...seen].filter(([, ids]) => ids.length === 1).map(([name, ids]) => [name, ids[0]!]));
}
