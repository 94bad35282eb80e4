import { uuidText } from '../fields/column-values.ts';
import { type Column, DAY_MS, type FieldGen } from '../fields/field-gen.ts';
import type { DataColumn } from '../tabular/data-table.ts';

/** Collects a field's block columns into one DataColumn (text dictionary-encoded). */
export type ColumnBuilder = {
  add(col: Column, n: number, offset: number): void;
  finish(rows: number): DataColumn;
};

export function columnBuilder(gen: FieldGen, capacity: number): ColumnBuilder {
  const name = gen.spec.name;
  const nulls = new Uint8Array(capacity);
  const copyNulls = (col: Column, n: number, offset: number) => {
    if (col.nulls) nulls.set(col.nulls.subarray(0, n), offset);
  };
  switch (gen.kind) {
    case 'num':
    case 'date':
    case 'ts': {
      const values = new Float64Array(capacity);
      const unit = gen.kind === 'date' ? DAY_MS : 1;
      return {
        add(col, n, offset) {
          const data = col.data as Float64Array;
          for (let i = 0; i < n; i++) values[offset + i] = data[i]! * unit;
          copyNulls(col, n, offset);
        },
        finish: (rows) =>
          gen.kind === 'num'
            ? {
                name,
                type: 'number',
                integer: gen.logical === 'integer',
                values: values.subarray(0, rows),
                nulls: nulls.subarray(0, rows),
              }
            : {
                name,
                type: gen.kind === 'date' ? 'date' : 'datetime',
                values: values.subarray(0, rows),
                nulls: nulls.subarray(0, rows),
              },
      };
    }
    case 'bool': {
      const values = new Uint8Array(capacity);
      return {
        add(col, n, offset) {
          values.set((col.data as Uint8Array).subarray(0, n), offset);
          copyNulls(col, n, offset);
        },
        finish: (rows) => ({
          name,
          type: 'boolean',
          values: values.subarray(0, rows),
          nulls: nulls.subarray(0, rows),
        }),
      };
    }
    case 'pool':
    case 'str':
    case 'uuid': {
      const codes = new Int32Array(capacity);
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      const code = (text: string) => {
        let c = index.get(text);
        if (c === undefined) {
          c = dictionary.length;
          dictionary.push(text);
          index.set(text, c);
        }
        return c;
      };
      // a pool's entries are encoded once, not once per row
      const pools = new Map<string[], Int32Array>();
      return {
        add(col, n, offset) {
          copyNulls(col, n, offset);
          if (col.kind === 'pool') {
            let map = pools.get(col.pool);
            if (!map) {
              map = Int32Array.from(col.pool, code);
              pools.set(col.pool, map);
            }
            for (let i = 0; i < n; i++) codes[offset + i] = map[col.data[i]!]!;
          } else if (col.kind === 'uuid') {
            for (let i = 0; i < n; i++) codes[offset + i] = code(uuidText(col.data, i));
          } else {
            const data = col.data as string[];
            for (let i = 0; i < n; i++) codes[offset + i] = code(data[i]!);
          }
        },
        finish: (rows) => ({
          name,
          type: 'text',
          codes: codes.subarray(0, rows),
          dictionary,
          nulls: nulls.subarray(0, rows),
        }),
      };
    }
  }
}
