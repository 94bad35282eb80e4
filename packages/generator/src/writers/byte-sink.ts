/** A growable byte buffer that writers fill directly (no string concatenation per row). */
export class ByteSink {
  buf: Buffer;
  pos = 0;

  constructor(capacity = 1 << 20) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + extra));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  byte(b: number): void {
    if (this.pos >= this.buf.length) this.ensure(1);
    this.buf[this.pos++] = b;
  }

  bytes(b: Uint8Array): void {
    const n = b.length;
    this.ensure(n);
    if (n < 24) {
      const buf = this.buf;
      let p = this.pos;
      for (let k = 0; k < n; k++) buf[p++] = b[k]!;
      this.pos = p;
    } else {
      this.buf.set(b, this.pos);
      this.pos += n;
    }
  }

  /** Writes a string as UTF-8. */
  text(s: string): void {
    const n = s.length;
    this.ensure(n * 3);
    const buf = this.buf;
    let p = this.pos;
    for (let k = 0; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c >= 0x80) {
        this.pos += buf.write(s, this.pos, 'utf8');
        return;
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  /** Writes a non-negative or negative safe integer in decimal. */
  int(v: number): void {
    if (v < 0) {
      this.byte(45);
      v = -v;
    }
    if (v < 10) {
      this.byte(48 + v);
      return;
    }
    if (v >= 1e15) {
      this.text(String(v));
      return;
    }
    this.ensure(16);
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    const buf = this.buf;
    let p = this.pos + digits;
    this.pos = p;
    while (v >= 10) {
      const q = Math.floor(v / 10);
      buf[--p] = 48 + (v - q * 10);
      v = q;
    }
    buf[--p] = 48 + v;
  }

  /** Writes v with exactly `scale` decimals. */
  fixed(v: number, scale: number, pow: number): void {
    if (scale === 0) {
      this.int(Math.round(v));
      return;
    }
    let m = Math.round(v * pow);
    if (!Number.isSafeInteger(m)) {
      this.text(v.toFixed(scale));
      return;
    }
    if (m < 0) {
      this.byte(45);
      m = -m;
    }
    const whole = Math.floor(m / pow);
    let frac = m - whole * pow;
    this.int(whole);
    this.byte(46);
    this.ensure(scale);
    const buf = this.buf;
    let p = this.pos + scale;
    this.pos = p;
    for (let k = 0; k < scale; k++) {
      const q = Math.floor(frac / 10);
      buf[--p] = 48 + (frac - q * 10);
      frac = q;
    }
  }

  /** Hands over the bytes written so far and continues in a fresh buffer. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.pos = 0;
    return out;
  }

  get size(): number {
    return this.pos;
  }
}
