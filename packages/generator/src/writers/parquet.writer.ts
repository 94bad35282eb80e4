import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { Column, FieldGen } from '../fields/field-gen.ts';
import { ByteSink } from './byte-sink.ts';
import type { PartWriter, WriterInput } from './part-writer.ts';

/** Rows per Parquet row group: 16 blocks, so memory stays flat whatever the part size. */
export const ROW_GROUP_ROWS = 65_536;

type Value = string | number | bigint | boolean | Uint8Array | null;

function schemaElement(f: FieldGen): Record<string, unknown> {
  const base = { name: f.spec.name, repetition_type: 'OPTIONAL' };
  switch (f.logical) {
    case 'integer':
      return { ...base, type: 'INT64' };
    case 'decimal':
      return { ...base, type: 'DOUBLE' };
    case 'boolean':
      return { ...base, type: 'BOOLEAN' };
    case 'date':
      return { ...base, type: 'INT32', converted_type: 'DATE' };
    case 'timestamp':
      return {
        ...base,
        type: 'INT64',
        converted_type: 'TIMESTAMP_MILLIS',
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
      };
    case 'uuid':
      return { ...base, type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, logical_type: { type: 'UUID' } };
    case 'string':
      return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
  }
}

/** A complete Parquet file per part, written one row group at a time (typed columns, Snappy). */
export class ParquetPartWriter implements PartWriter {
  readonly sink = new ByteSink();
  private readonly writer = new ByteWriter(1 << 20);
  private readonly pw: ParquetWriter;
  private buffered: Value[][];
  private rows = 0;

  constructor(private readonly input: WriterInput) {
    const schema = [{ name: 'root', num_children: input.fields.length }, ...input.fields.map(schemaElement)];
    this.pw = new ParquetWriter({
      writer: this.writer,
      // biome-ignore lint/suspicious/noExplicitAny: hyparquet's SchemaElement type is not exported by the writer
      schema: schema as any,
      createdBy: 'synoptic generator',
    });
    this.buffered = input.fields.map(() => []);
    this.drain();
  }

  begin(): void {}

  private drain(): void {
    const w = this.writer;
    if (w.index > 0) {
      this.sink.bytes(new Uint8Array(w.buffer, 0, w.index));
      w.index = 0;
    }
  }

  block(columns: Column[], n: number): void {
    const fields = this.input.fields;
    for (let k = 0; k < columns.length; k++) {
      const col = columns[k]!;
      const out = this.buffered[k]!;
      const integer = fields[k]!.logical === 'integer';
      for (let i = 0; i < n; i++) {
        if (col.nulls?.[i]) {
          out.push(null);
          continue;
        }
        switch (col.kind) {
          case 'num':
            out.push(integer ? BigInt(col.data[i]!) : col.data[i]!);
            break;
          case 'bool':
            out.push(col.data[i] === 1);
            break;
          case 'date':
            out.push(col.data[i]!);
            break;
          case 'ts':
            out.push(col.data[i]!);
            break;
          case 'pool':
            out.push(col.pool[col.data[i]!]!);
            break;
          case 'str':
            out.push(col.data[i]!);
            break;
          case 'uuid': {
            const b = new Uint8Array(16);
            for (let w = 0; w < 4; w++) {
              const v = col.data[i * 4 + w]!;
              b[w * 4] = v >>> 24;
              b[w * 4 + 1] = (v >>> 16) & 255;
              b[w * 4 + 2] = (v >>> 8) & 255;
              b[w * 4 + 3] = v & 255;
            }
            out.push(b);
            break;
          }
        }
      }
    }
    this.rows += n;
    if (this.rows >= ROW_GROUP_ROWS) this.flush();
  }

  private flush(): void {
    if (!this.rows) return;
    const columnData = this.input.fields.map((f, k) => ({ name: f.spec.name, data: this.buffered[k]! }));
    // biome-ignore lint/suspicious/noExplicitAny: values match the explicit schema above
    void this.pw.write({ columnData: columnData as any, rowGroupSize: this.rows });
    this.buffered = this.input.fields.map(() => []);
    this.rows = 0;
    this.drain();
  }

  end(): void {
    this.flush();
    void this.pw.finish();
    this.drain();
  }
}
