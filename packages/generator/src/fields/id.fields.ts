import { type FieldSpec, parseInstant } from '@synoptic/contract';
import { rowHash } from '../random/prng.ts';
import type { CompileEnv } from './compile-env.ts';
import {
  type Column,
  type FieldGen,
  type NumCol,
  type StrCol,
  simpleGen,
  type UuidCol,
} from './field-gen.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const NANO = 'ModuleSymbhasOwnPr-0123456789ABCDEFGHNRVfgctiUvz_KqYTJkLxpZXIjQW';
const TWO32 = 4294967296;

/**
 * Identifiers are pure functions of the row number, so a reference in another table can compute
 * the key of any row without generating it. UUIDs and ULIDs carry a keyed permutation of the row
 * number in their last 52 bits: unique by construction.
 */
export function idField(spec: FieldSpec, c: CompileEnv): FieldGen | null {
  switch (spec.type) {
    case 'sequence': {
      const start = spec.start ?? 1;
      const step = spec.step ?? 1;
      const text = spec.prefix !== undefined || spec.padding !== undefined;
      const prefix = spec.prefix ?? '';
      const pad = spec.padding ?? 0;
      const keyAt = text
        ? (row: number, out: Column, i: number) => {
            (out as StrCol).data[i] = prefix + String(start + row * step).padStart(pad, '0');
          }
        : (row: number, out: Column, i: number) => {
            (out as NumCol).data[i] = start + row * step;
          };
      return simpleGen(
        spec,
        text ? 'string' : 'integer',
        text ? 'str' : 'num',
        (ctx, out) => {
          for (let i = 0; i < ctx.n; i++) keyAt(ctx.rowStart + i, out, i);
        },
        { keyAt },
      );
    }
    case 'uuid': {
      const key = c.key(`f:${spec.name}`);
      const perm = c.perm(2 ** 52);
      const v7 = spec.version === 7;
      const start = parseInstant(spec.start ?? '2024-01-01');
      const keyAt = (row: number, out: Column, i: number) => {
        const d = (out as UuidCol).data;
        const u = perm.map(row);
        const o = i * 4;
        if (v7) {
          const ts = start + row * 1000;
          d[o] = Math.floor(ts / 65536) >>> 0;
          d[o + 1] = (((ts % 65536) << 16) | 0x7000 | (rowHash(key, row, 1) & 0xfff)) >>> 0;
        } else {
          d[o] = rowHash(key, row, 0);
          d[o + 1] = ((rowHash(key, row, 1) & 0xffff0fff) | 0x4000) >>> 0;
        }
        d[o + 2] = (0x80000000 | ((rowHash(key, row, 2) & 0x3ff) << 20) | Math.floor(u / TWO32)) >>> 0;
        d[o + 3] = u >>> 0;
      };
      return simpleGen(
        spec,
        'uuid',
        'uuid',
        (ctx, out) => {
          for (let i = 0; i < ctx.n; i++) keyAt(ctx.rowStart + i, out, i);
        },
        { keyAt },
      );
    }
    case 'ulid': {
      const key = c.key(`f:${spec.name}`);
      const perm = c.perm(2 ** 52);
      const start = parseInstant(spec.start ?? '2024-01-01');
      const keyAt = (row: number, out: Column, i: number) => {
        let ts = start + row * 1000;
        let s = '';
        for (let k = 0; k < 10; k++) {
          s = CROCKFORD[ts % 32]! + s;
          ts = Math.floor(ts / 32);
        }
        let v = (BigInt(rowHash(key, row, 0) & 0xfffffff) << 52n) | BigInt(perm.map(row));
        let tail = '';
        for (let k = 0; k < 16; k++) {
          tail = CROCKFORD[Number(v & 31n)]! + tail;
          v >>= 5n;
        }
        (out as StrCol).data[i] = s + tail;
      };
      return simpleGen(
        spec,
        'string',
        'str',
        (ctx, out) => {
          for (let i = 0; i < ctx.n; i++) keyAt(ctx.rowStart + i, out, i);
        },
        { keyAt },
      );
    }
    case 'nanoid': {
      const len = spec.length ?? 21;
      const tailLen = Math.min(9, len);
      const key = c.key(`f:${spec.name}`);
      const perm = c.perm(Math.min(2 ** 52, 64 ** tailLen));
      const keyAt = (row: number, out: Column, i: number) => {
        let s = '';
        for (let k = 0; k < len - tailLen; k++) s += NANO[rowHash(key, row, k) & 63];
        let u = perm.map(row);
        let tail = '';
        for (let k = 0; k < tailLen; k++) {
          tail = NANO[u % 64]! + tail;
          u = Math.floor(u / 64);
        }
        (out as StrCol).data[i] = s + tail;
      };
      return simpleGen(
        spec,
        'string',
        'str',
        (ctx, out) => {
          for (let i = 0; i < ctx.n; i++) keyAt(ctx.rowStart + i, out, i);
        },
        { keyAt },
      );
    }
    default:
      return null;
  }
}
