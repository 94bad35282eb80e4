import type { Value } from '../expression/evaluate.ts';
import { formatDay, formatInstant } from './datetime.fields.ts';
import { type Column, DAY_MS, type FieldGen } from './field-gen.ts';

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidText(words: Uint32Array, i: number): string {
  const o = i * 4;
  const w0 = words[o]!;
  const w1 = words[o + 1]!;
  const w2 = words[o + 2]!;
  const w3 = words[o + 3]!;
  const b = (w: number, s: number) => HEX[(w >>> s) & 255]!;
  return `${b(w0, 24)}${b(w0, 16)}${b(w0, 8)}${b(w0, 0)}-${b(w1, 24)}${b(w1, 16)}-${b(w1, 8)}${b(w1, 0)}-${b(w2, 24)}${b(w2, 16)}-${b(w2, 8)}${b(w2, 0)}${b(w3, 24)}${b(w3, 16)}${b(w3, 8)}${b(w3, 0)}`;
}

/** A cell as a plain JSON value: what previews and JSON Lines show. */
export function cellValue(col: Column, i: number, gen: FieldGen): string | number | boolean | null {
  if (col.nulls?.[i]) return null;
  switch (col.kind) {
    case 'num':
      return col.data[i]!;
    case 'bool':
      return col.data[i] === 1;
    case 'date':
      return formatDay(col.data[i]!);
    case 'ts':
      return formatInstant(col.data[i]!, gen.timeZone);
    case 'pool':
      return col.pool[col.data[i]!]!;
    case 'str':
      return col.data[i]!;
    case 'uuid':
      return uuidText(col.data, i);
  }
}

/** A cell as text (templates): decimals keep their scale. */
export function cellText(col: Column, i: number, gen: FieldGen): string {
  if (col.nulls?.[i]) return '';
  if (col.kind === 'num' && gen.logical === 'decimal') return col.data[i]!.toFixed(gen.scale);
  return String(cellValue(col, i, gen));
}

/** A cell as an expression value: dates and instants become Date objects. */
export function cellExprValue(col: Column, i: number, gen: FieldGen): Value {
  if (col.nulls?.[i]) return null;
  if (col.kind === 'date') return new Date(col.data[i]! * DAY_MS);
  if (col.kind === 'ts') return new Date(col.data[i]!);
  return cellValue(col, i, gen);
}
