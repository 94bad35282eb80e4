import { type FieldSpec, type PatternNode, patternSize } from '@synoptic/contract';
import type { Rng } from '../random/prng.ts';
import type { CompileEnv } from './compile-env.ts';
import { type FieldGen, strGen } from './field-gen.ts';

/** A random string matching the pattern: alternatives and repeat counts chosen uniformly. */
export function randomPattern(node: PatternNode, r: Rng): string {
  switch (node.kind) {
    case 'chars':
      return node.chars.length === 1 ? node.chars[0]! : node.chars[r.below(node.chars.length)]!;
    case 'seq': {
      let s = '';
      for (const it of node.items) s += randomPattern(it, r);
      return s;
    }
    case 'alt':
      return randomPattern(node.options[r.below(node.options.length)]!, r);
    case 'repeat': {
      const k = node.min + r.below(node.max - node.min + 1);
      let s = '';
      for (let j = 0; j < k; j++) s += randomPattern(node.node, r);
      return s;
    }
  }
}

/** The k-th string of the pattern's value space (a bijection of [0, patternSize)). */
export function unrankPattern(node: PatternNode, k: number): string {
  switch (node.kind) {
    case 'chars':
      return node.chars[k]!;
    case 'seq': {
      // mixed radix, last item varies fastest
      const sizes = node.items.map(patternSize);
      const parts: string[] = new Array(node.items.length);
      let rest = k;
      for (let j = node.items.length - 1; j >= 0; j--) {
        const s = sizes[j]!;
        parts[j] = unrankPattern(node.items[j]!, rest % s);
        rest = Math.floor(rest / s);
      }
      return parts.join('');
    }
    case 'alt': {
      let rest = k;
      for (const o of node.options) {
        const s = patternSize(o);
        if (rest < s) return unrankPattern(o, rest);
        rest -= s;
      }
      return '';
    }
    case 'repeat': {
      const s = patternSize(node.node);
      let rest = k;
      for (let len = node.min; len <= node.max; len++) {
        const count = s ** len;
        if (rest < count) {
          let out = '';
          const parts: string[] = new Array(len);
          for (let j = len - 1; j >= 0; j--) {
            parts[j] = unrankPattern(node.node, rest % s);
            rest = Math.floor(rest / s);
          }
          for (const p of parts) out += p;
          return out;
        }
        rest -= count;
      }
      return '';
    }
  }
}

export function patternGen(spec: FieldSpec, node: PatternNode, c: CompileEnv): FieldGen {
  const perm = spec.unique ? c.perm(Math.min(patternSize(node), 2 ** 52)) : null;
  return strGen(spec, (ctx) => {
    const r = ctx.rng(`f:${spec.name}`);
    return (i) => (perm ? unrankPattern(node, perm.map(ctx.rowStart + i)) : randomPattern(node, r));
  });
}
