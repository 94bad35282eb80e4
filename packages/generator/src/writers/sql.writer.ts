import { uuidText } from '../fields/column-values.ts';
import { formatDay, formatInstant } from '../fields/datetime.fields.ts';
import type { Column, FieldGen } from '../fields/field-gen.ts';
import { ByteSink } from './byte-sink.ts';
import type { PartWriter, WriterInput } from './part-writer.ts';

const ROWS_PER_INSERT = 1000;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function sqlType(f: FieldGen): string {
  switch (f.logical) {
    case 'integer':
      return 'bigint';
    case 'decimal':
      // unconstrained: any magnitude loads; the text already carries the field's precision
      return 'numeric';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'timestamp':
      return 'timestamptz';
    case 'uuid':
      return 'uuid';
    case 'string':
      return 'text';
  }
}

/**
 * PostgreSQL: every part starts with `CREATE TABLE IF NOT EXISTS` so parts load on their own and in
 * any order, followed by multi-row INSERTs of 1000 rows. No foreign keys are declared, since parts
 * of a child table may load before their parents; integrity holds in the data itself.
 */
export class SqlWriter implements PartWriter {
  readonly sink = new ByteSink();
  private inBatch = 0;
  private readonly insertHead: string;

  constructor(private readonly input: WriterInput) {
    this.insertHead = `INSERT INTO ${quoteIdent(input.table)} (${input.fields.map((f) => quoteIdent(f.spec.name)).join(', ')}) VALUES\n`;
  }

  begin(): void {
    const cols = this.input.fields.map((f) => `  ${quoteIdent(f.spec.name)} ${sqlType(f)}`).join(',\n');
    this.sink.text(`CREATE TABLE IF NOT EXISTS ${quoteIdent(this.input.table)} (\n${cols}\n);\n`);
  }

  private value(col: Column, i: number, gen: FieldGen, pow: number): void {
    const sink = this.sink;
    if (col.nulls?.[i]) {
      sink.text('NULL');
      return;
    }
    switch (col.kind) {
      case 'num':
        if (gen.logical === 'integer') sink.int(col.data[i]!);
        else sink.fixed(col.data[i]!, gen.scale, pow);
        return;
      case 'bool':
        sink.text(col.data[i] ? 'TRUE' : 'FALSE');
        return;
      case 'pool':
        sink.text(quoteText(col.pool[col.data[i]!]!));
        return;
      case 'str':
        sink.text(quoteText(col.data[i]!));
        return;
      case 'date':
        sink.text(`'${formatDay(col.data[i]!)}'`);
        return;
      case 'ts':
        sink.text(`'${formatInstant(col.data[i]!, gen.timeZone)}'`);
        return;
      case 'uuid':
        sink.text(`'${uuidText(col.data, i)}'`);
        return;
    }
  }

  block(columns: Column[], n: number): void {
    const sink = this.sink;
    const fields = this.input.fields;
    const pows = fields.map((f) => 10 ** f.scale);
    for (let i = 0; i < n; i++) {
      if (this.inBatch === 0) sink.text(this.insertHead);
      else sink.text(',\n');
      sink.byte(40);
      for (let k = 0; k < columns.length; k++) {
        if (k) sink.text(', ');
        this.value(columns[k]!, i, fields[k]!, pows[k]!);
      }
      sink.byte(41);
      if (++this.inBatch === ROWS_PER_INSERT) {
        sink.text(';\n');
        this.inBatch = 0;
      }
    }
  }

  end(): void {
    if (this.inBatch) this.sink.text(';\n');
    this.inBatch = 0;
  }
}
