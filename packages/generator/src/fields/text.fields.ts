import type { FieldSpec } from '@synoptic/contract';
import { localePools } from '../data/pools.ts';
import type { Rng } from '../random/prng.ts';
import type { CompileEnv } from './compile-env.ts';
import { type FieldGen, poolGen, strGen } from './field-gen.ts';

function sentence(words: string[], r: Rng, min: number, max: number, ja: boolean): string {
  const count = min + r.below(max - min + 1);
  let s = '';
  for (let k = 0; k < count; k++) {
    const w = words[Math.floor(words.length * r.next() ** 1.3)]!;
    if (k === 0) s = ja ? w : w[0]!.toUpperCase() + w.slice(1);
    else s += ja ? w : ` ${w}`;
  }
  return s + (ja ? '。' : '.');
}

/** word, sentence and paragraph from the locale's vocabulary. */
export function textField(spec: FieldSpec, c: CompileEnv): FieldGen | null {
  const words = localePools(c.locale).words;
  const ja = c.locale === 'ja';
  switch (spec.type) {
    case 'word':
      return poolGen(spec, words, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return () => Math.floor(words.length * r.next() ** 1.3);
      });
    case 'sentence': {
      const min = spec.minWords ?? 5;
      const max = spec.maxWords ?? 12;
      return strGen(spec, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return () => sentence(words, r, min, max, ja);
      });
    }
    case 'paragraph': {
      const min = spec.minSentences ?? 3;
      const max = spec.maxSentences ?? 6;
      return strGen(spec, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return () => {
          const count = min + r.below(max - min + 1);
          const parts: string[] = [];
          for (let k = 0; k < count; k++) parts.push(sentence(words, r, 5, 14, ja));
          return parts.join(ja ? '' : ' ');
        };
      });
    }
    default:
      return null;
  }
}
