import { normal } from '../random/distributions.ts';
import { Rng, streamKey } from '../random/prng.ts';
import type { DataColumn, DataTable } from '../tabular/data-table.ts';

// Samples for tests, built in memory from a seeded stream: what a sample reader would produce.

export const rngFor = (name: string) => new Rng(streamKey('test', 'samples', name), 0, 0);

export { normal };

type Cell<T> = T | null;

const nullsOf = (values: Array<Cell<unknown>>) => Uint8Array.from(values, (v) => (v === null ? 1 : 0));

export function numberColumn(name: string, values: Array<Cell<number>>, integer = false): DataColumn {
  return {
    name,
    type: 'number',
    integer,
    values: Float64Array.from(values, (v) => v ?? 0),
    nulls: nullsOf(values),
  };
}

export function dateColumn(
  name: string,
  values: Array<Cell<string>>,
  type: 'date' | 'datetime' = 'date',
): DataColumn {
  return {
    name,
    type,
    values: Float64Array.from(values, (v) => (v === null ? 0 : Date.parse(v))),
    nulls: nullsOf(values),
  };
}

export function booleanColumn(name: string, values: Array<Cell<boolean>>): DataColumn {
  return {
    name,
    type: 'boolean',
    values: Uint8Array.from(values, (v) => (v ? 1 : 0)),
    nulls: nullsOf(values),
  };
}

export function textColumn(name: string, values: Array<Cell<string>>): DataColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return 0;
    let c = index.get(v);
    if (c === undefined) {
      c = dictionary.length;
      dictionary.push(v);
      index.set(v, c);
    }
    return c;
  });
  return { name, type: 'text', codes, dictionary, nulls: nullsOf(values) };
}

export function dataTable(...columns: DataColumn[]): DataTable {
  const rows = columns[0]?.nulls.length ?? 0;
  return { rows, columns };
}

/** Values of a DataTable column as plain JS values (null for empty cells). */
export function cells(table: DataTable, name: string): Array<number | string | boolean | null> {
  const c = table.columns.find((col) => col.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return Array.from(c.nulls, (isNull, i) => {
    if (isNull) return null;
    if (c.type === 'text') return c.dictionary[c.codes[i]!]!;
    if (c.type === 'boolean') return c.values[i] === 1;
    return c.values[i]!;
  });
}

/** Pearson correlation over rows where both are numbers. */
export function pearson(xs: Array<unknown>, ys: Array<unknown>): number {
  const pairs: Array<[number, number]> = [];
  xs.forEach((x, i) => {
    const y = ys[i];
    if (typeof x === 'number' && typeof y === 'number') pairs.push([x, y]);
  });
  const n = pairs.length;
  const mx = pairs.reduce((s, p) => s + p[0], 0) / n;
  const my = pairs.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Total variation distance between the value frequencies of two lists. */
export function totalVariation(a: Array<unknown>, b: Array<unknown>): number {
  const share = (xs: Array<unknown>) => {
    const m = new Map<unknown, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1 / xs.length);
    return m;
  };
  const pa = share(a);
  const pb = share(b);
  let d = 0;
  for (const k of new Set([...pa.keys(), ...pb.keys()])) d += Math.abs((pa.get(k) ?? 0) - (pb.get(k) ?? 0));
  return d / 2;
}
