import { formatDay, formatInstant } from '../fields/datetime.fields.ts';
import type { Column, FieldGen } from '../fields/field-gen.ts';
import { ByteSink } from './byte-sink.ts';
import type { PartWriter, WriterInput } from './part-writer.ts';

const HEX = new Uint8Array([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]);
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');

/** RFC 4180: header row, CRLF line ends, quotes around cells holding the delimiter, quotes or line breaks. */
export class CsvWriter implements PartWriter {
  readonly sink = new ByteSink();
  private readonly delim: number;
  private readonly poolCache = new Map<string[], Uint8Array[]>();
  private readonly dayCache = new Map<number, Uint8Array>();

  constructor(
    private readonly input: WriterInput,
    private readonly opts: { delimiter?: string; escapeFormulas?: boolean } = {},
  ) {
    this.delim = (opts.delimiter ?? ',').charCodeAt(0);
  }

  /** The cell text of a string value, quoted and formula-escaped as needed. */
  escape(s: string): string {
    let v = s;
    if (this.opts.escapeFormulas && v.length > 0 && '=+-@\t\r'.includes(v[0]!)) v = `'${v}`;
    const d = String.fromCharCode(this.delim);
    if (v.includes(d) || v.includes('"') || v.includes('\n') || v.includes('\r'))
      v = `"${v.replace(/"/g, '""')}"`;
    return v;
  }

  begin(): void {
    this.input.fields.forEach((f, k) => {
      if (k) this.sink.byte(this.delim);
      this.sink.text(this.escape(f.spec.name));
    });
    this.sink.byte(13);
    this.sink.byte(10);
  }

  private pool(pool: string[]): Uint8Array[] {
    let enc = this.poolCache.get(pool);
    if (!enc) {
      enc = pool.map((s) => Buffer.from(this.escape(s), 'utf8'));
      this.poolCache.set(pool, enc);
    }
    return enc;
  }

  private str(sink: ByteSink, s: string): void {
    const n = s.length;
    sink.ensure(n);
    const buf = sink.buf;
    const start = sink.pos;
    let p = start;
    const d = this.delim;
    if (this.opts.escapeFormulas && n > 0) {
      const c0 = s.charCodeAt(0);
      if (c0 === 61 || c0 === 43 || c0 === 45 || c0 === 64 || c0 === 9 || c0 === 13) {
        sink.text(this.escape(s));
        return;
      }
    }
    for (let k = 0; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c >= 0x80 || c === d || c === 34 || c === 10 || c === 13) {
        sink.pos = start;
        sink.text(this.escape(s));
        return;
      }
      buf[p++] = c;
    }
    sink.pos = p;
  }

  private dayBase = Number.NaN;
  private readonly dayWindow: Array<Uint8Array | undefined> = [];

  private day(days: number): Uint8Array {
    if (Number.isNaN(this.dayBase)) this.dayBase = days - 40_000;
    const slot = days - this.dayBase;
    if (slot >= 0 && slot < 80_000) {
      let w = this.dayWindow[slot];
      if (!w) {
        w = Buffer.from(formatDay(days));
        this.dayWindow[slot] = w;
      }
      return w;
    }
    let b = this.dayCache.get(days);
    if (!b) {
      b = Buffer.from(formatDay(days));
      if (this.dayCache.size > 100_000) this.dayCache.clear();
      this.dayCache.set(days, b);
    }
    return b;
  }

  private readonly colSinks: ByteSink[] = [];
  private readonly offsets: Int32Array[] = [];

  /**
   * Column-major: each column is encoded into its own buffer by a tight loop of one kind, then
   * rows are assembled by copying byte ranges. Faster than a per-cell switch on the column kind.
   */
  block(columns: Column[], n: number): void {
    const fields = this.input.fields;
    const m = columns.length;
    let total = n * (m + 1);
    for (let k = 0; k < m; k++) {
      let cs = this.colSinks[k];
      if (!cs) {
        cs = new ByteSink(1 << 16);
        this.colSinks[k] = cs;
      }
      let offs = this.offsets[k];
      if (!offs || offs.length < n + 1) {
        offs = new Int32Array(Math.max(n + 1, 4097));
        this.offsets[k] = offs;
      }
      cs.pos = 0;
      this.encodeColumn(columns[k]!, fields[k]!, n, cs, offs);
      total += cs.pos;
    }
    const sink = this.sink;
    sink.ensure(total);
    const buf = sink.buf;
    let p = sink.pos;
    const d = this.delim;
    const bufs = this.colSinks.map((c) => c.buf);
    const offs = this.offsets;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < m; k++) {
        if (k) buf[p++] = d;
        const o = offs[k]!;
        let s = o[i]!;
        const e = o[i + 1]!;
        const src = bufs[k]!;
        if (e - s > 48) {
          src.copy(buf, p, s, e);
          p += e - s;
        } else while (s < e) buf[p++] = src[s++]!;
      }
      buf[p++] = 13;
      buf[p++] = 10;
    }
    sink.pos = p;
  }

  private encodeColumn(col: Column, gen: FieldGen, n: number, cs: ByteSink, offs: Int32Array): void {
    const nulls = col.nulls;
    switch (col.kind) {
      case 'num': {
        const data = col.data;
        if (gen.logical === 'integer') {
          for (let i = 0; i < n; i++) {
            offs[i] = cs.pos;
            if (!nulls?.[i]) cs.int(data[i]!);
          }
        } else {
          const scale = gen.scale;
          const pow = 10 ** scale;
          for (let i = 0; i < n; i++) {
            offs[i] = cs.pos;
            if (!nulls?.[i]) cs.fixed(data[i]!, scale, pow);
          }
        }
        break;
      }
      case 'pool': {
        const enc = this.pool(col.pool);
        const data = col.data;
        for (let i = 0; i < n; i++) {
          offs[i] = cs.pos;
          if (!nulls?.[i]) cs.bytes(enc[data[i]!]!);
        }
        break;
      }
      case 'str': {
        const data = col.data;
        for (let i = 0; i < n; i++) {
          offs[i] = cs.pos;
          if (!nulls?.[i]) this.str(cs, data[i]!);
        }
        break;
      }
      case 'bool': {
        const data = col.data;
        for (let i = 0; i < n; i++) {
          offs[i] = cs.pos;
          if (!nulls?.[i]) cs.bytes(data[i] ? TRUE : FALSE);
        }
        break;
      }
      case 'date': {
        const data = col.data;
        for (let i = 0; i < n; i++) {
          offs[i] = cs.pos;
          if (!nulls?.[i]) cs.bytes(this.day(data[i]!));
        }
        break;
      }
      case 'ts': {
        const data = col.data;
        for (let i = 0; i < n; i++) {
          offs[i] = cs.pos;
          if (!nulls?.[i]) cs.text(formatInstant(data[i]!, gen.timeZone));
        }
        break;
      }
      case 'uuid': {
        const data = col.data;
        for (let i = 0; i < n; i++) {
          offs[i] = cs.pos;
          if (!nulls?.[i]) writeUuid(cs, data, i);
        }
        break;
      }
    }
    offs[n] = cs.pos;
  }

  end(): void {}
}

const HEX2 = new Uint16Array(256);
for (let b = 0; b < 256; b++) HEX2[b] = HEX[b >>> 4]! | (HEX[b & 15]! << 8);

function hex4(buf: Buffer, p: number, v: number): void {
  // four hex digits of the low 16 bits
  const hi = HEX2[(v >>> 8) & 255]!;
  const lo = HEX2[v & 255]!;
  buf[p] = hi & 255;
  buf[p + 1] = hi >>> 8;
  buf[p + 2] = lo & 255;
  buf[p + 3] = lo >>> 8;
}

/** Writes a UUID's 36 characters straight into the buffer. */
export function writeUuid(sink: ByteSink, words: Uint32Array, i: number): void {
  sink.ensure(36);
  const buf = sink.buf;
  const p = sink.pos;
  const o = i * 4;
  const w0 = words[o]!;
  const w1 = words[o + 1]!;
  const w2 = words[o + 2]!;
  const w3 = words[o + 3]!;
  hex4(buf, p, w0 >>> 16);
  hex4(buf, p + 4, w0);
  buf[p + 8] = 45;
  hex4(buf, p + 9, w1 >>> 16);
  buf[p + 13] = 45;
  hex4(buf, p + 14, w1);
  buf[p + 18] = 45;
  hex4(buf, p + 19, w2 >>> 16);
  buf[p + 23] = 45;
  hex4(buf, p + 24, w2);
  hex4(buf, p + 28, w3 >>> 16);
  hex4(buf, p + 32, w3);
  sink.pos = p + 36;
}
