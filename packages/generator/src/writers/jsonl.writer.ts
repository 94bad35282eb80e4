import { formatDay, formatInstant } from '../fields/datetime.fields.ts';
import type { Column } from '../fields/field-gen.ts';
import { ByteSink } from './byte-sink.ts';
import { writeUuid } from './csv.writer.ts';
import type { PartWriter, WriterInput } from './part-writer.ts';

const NULL = Buffer.from('null');
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');

/** JSON Lines: one object per row; dates and instants as ISO strings, decimals as numbers. */
export class JsonlWriter implements PartWriter {
  readonly sink = new ByteSink();
  private readonly keys: Uint8Array[];
  private readonly poolCache = new Map<string[], Uint8Array[]>();

  constructor(private readonly input: WriterInput) {
    this.keys = input.fields.map((f, k) => Buffer.from(`${k ? ',' : '{'}${JSON.stringify(f.spec.name)}:`));
  }

  begin(): void {}

  private str(s: string): void {
    const sink = this.sink;
    const n = s.length;
    sink.ensure(n + 2);
    const buf = sink.buf;
    const start = sink.pos;
    let p = start;
    buf[p++] = 34;
    for (let k = 0; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c >= 0x80 || c < 0x20 || c === 34 || c === 92) {
        sink.pos = start;
        sink.text(JSON.stringify(s));
        return;
      }
      buf[p++] = c;
    }
    buf[p++] = 34;
    sink.pos = p;
  }

  block(columns: Column[], n: number): void {
    const sink = this.sink;
    const fields = this.input.fields;
    const pools = columns.map((c) => {
      if (c.kind !== 'pool') return null;
      let enc = this.poolCache.get(c.pool);
      if (!enc) {
        enc = c.pool.map((s) => Buffer.from(JSON.stringify(s)));
        this.poolCache.set(c.pool, enc);
      }
      return enc;
    });
    const pows = fields.map((f) => 10 ** f.scale);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < columns.length; k++) {
        sink.bytes(this.keys[k]!);
        const col = columns[k]!;
        const gen = fields[k]!;
        if (col.nulls?.[i]) {
          sink.bytes(NULL);
          continue;
        }
        switch (col.kind) {
          case 'num':
            if (gen.logical === 'integer') sink.int(col.data[i]!);
            else sink.fixed(col.data[i]!, gen.scale, pows[k]!);
            break;
          case 'pool':
            sink.bytes(pools[k]![col.data[i]!]!);
            break;
          case 'str':
            this.str(col.data[i]!);
            break;
          case 'bool':
            sink.bytes(col.data[i] ? TRUE : FALSE);
            break;
          case 'date':
            sink.text(`"${formatDay(col.data[i]!)}"`);
            break;
          case 'ts':
            sink.text(`"${formatInstant(col.data[i]!, gen.timeZone)}"`);
            break;
          case 'uuid':
            sink.byte(34);
            writeUuid(sink, col.data, i);
            sink.byte(34);
            break;
        }
      }
      sink.byte(125);
      sink.byte(10);
    }
  }

  end(): void {}
}
