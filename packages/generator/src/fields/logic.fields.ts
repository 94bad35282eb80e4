import {
  type FieldSpec,
  fieldPrecision,
  parseExpression,
  parsePattern,
  parseTemplate,
} from '@synoptic/contract';
import { slug, toAscii } from '../data/pools.ts';
import { GenerationError } from '../errors.ts';
import {
  compileExpression,
  EvaluationError,
  type Getter,
  inferType,
  type Value,
  type ValueType,
} from '../expression/evaluate.ts';
import { AliasTable } from '../random/distributions.ts';
import { cellExprValue, cellText } from './column-values.ts';
import type { CompileEnv } from './compile-env.ts';
import {
  type BoolCol,
  type Column,
  DAY_MS,
  type DateCol,
  type FieldGen,
  type LogicalType,
  type NumCol,
  type PoolCol,
  type StrCol,
  simpleGen,
  type TsCol,
} from './field-gen.ts';
import { patternGen } from './pattern.ts';

type Scalar = string | number | boolean;

/** Column type for a list of literal values: numbers, booleans or text. */
function scalarsType(values: Scalar[]): { logical: LogicalType; scale: number } {
  if (values.every((v) => typeof v === 'boolean')) return { logical: 'boolean', scale: 0 };
  if (values.every((v) => typeof v === 'number')) {
    const scale = Math.max(0, ...values.map((v) => (String(v).split('.')[1] ?? '').length));
    return { logical: scale ? 'decimal' : 'integer', scale };
  }
  return { logical: 'string', scale: 0 };
}

function fillScalars(values: Scalar[], logical: LogicalType): (out: Column, i: number, k: number) => void {
  if (logical === 'boolean') {
    return (out, i, k) => {
      (out as BoolCol).data[i] = values[k] ? 1 : 0;
    };
  }
  if (logical === 'integer' || logical === 'decimal') {
    return (out, i, k) => {
      (out as NumCol).data[i] = values[k] as number;
    };
  }
  const pool = values.map(String);
  return (out, i, k) => {
    (out as PoolCol).pool = pool;
    (out as PoolCol).data[i] = k;
  };
}

const kindOf = (logical: LogicalType) =>
  (logical === 'boolean' ? 'bool' : logical === 'string' ? 'pool' : 'num') as 'bool' | 'pool' | 'num';

const FILTERS: Record<string, (s: string, locale: string) => string> = {
  lower: (s) => s.toLowerCase(),
  upper: (s) => s.toUpperCase(),
  ascii: (s, l) => toAscii(s, l),
  slug: (s, l) => slug(s, l),
  trim: (s) => s.trim(),
  capitalize: (s) => (s ? s[0]!.toUpperCase() + s.slice(1) : s),
  initial: (s) => s.slice(0, 1),
};

/** Name of the hidden helper field a template uses for `{{type}}` when no column has that name. */
export const templateHelperName = (template: string, type: string) => `$${template}.${type}`;

/** boolean, categorical, pattern, constant, template and expression. */
export function logicField(spec: FieldSpec, c: CompileEnv): FieldGen | null {
  switch (spec.type) {
    case 'boolean': {
      const p = spec.probability ?? 0.5;
      const perm = spec.unique ? c.perm(2) : null;
      return simpleGen(spec, 'boolean', 'bool', (ctx, out) => {
        const r = ctx.rng(`f:${spec.name}`);
        const d = (out as BoolCol).data;
        for (let i = 0; i < ctx.n; i++) d[i] = perm ? perm.map(ctx.rowStart + i) : r.next() < p ? 1 : 0;
      });
    }
    case 'categorical': {
      const seen = new Set<string>();
      const distinct = spec.values.filter((v) => {
        const k = `${typeof v}:${v}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
      const { logical, scale } = scalarsType(spec.values);
      const put = fillScalars(spec.unique ? distinct : spec.values, logical);
      const alias = new AliasTable(spec.weights ?? spec.values.map(() => 1));
      const perm = spec.unique ? c.perm(distinct.length) : null;
      return simpleGen(
        spec,
        logical,
        kindOf(logical),
        (ctx, out) => {
          const r = ctx.rng(`f:${spec.name}`);
          for (let i = 0; i < ctx.n; i++)
            put(out, i, perm ? perm.map(ctx.rowStart + i) : alias.pick(r.next()));
        },
        { scale },
      );
    }
    case 'constant': {
      const { logical, scale } = scalarsType([spec.value]);
      const put = fillScalars([spec.value], logical);
      return simpleGen(
        spec,
        logical,
        kindOf(logical),
        (ctx, out) => {
          for (let i = 0; i < ctx.n; i++) put(out, i, 0);
        },
        { scale },
      );
    }
    case 'pattern':
      return patternGen(spec, parsePattern(spec.pattern), c);
    case 'template': {
      const parts = parseTemplate(spec.template);
      const deps = parts.flatMap((p) =>
        p.kind === 'ref' ? [c.logicalOf(p.name) ? p.name : templateHelperName(spec.name, p.name)] : [],
      );
      const locale = c.locale;
      return simpleGen(
        spec,
        'string',
        'str',
        (ctx, out) => {
          const readers = parts.map((p) => {
            if (p.kind === 'text') return () => p.text;
            const name = c.logicalOf(p.name) ? p.name : templateHelperName(spec.name, p.name);
            const col = ctx.column(name);
            const gen = ctx.genOf(name);
            const filters = p.filters.map((f) => FILTERS[f]!);
            return (i: number) => {
              let s = cellText(col, i, gen);
              for (const f of filters) s = f(s, locale);
              return s;
            };
          });
          const d = (out as StrCol).data;
          for (let i = 0; i < ctx.n; i++) {
            let s = '';
            for (const r of readers) s += r(i);
            d[i] = s;
          }
        },
        { deps },
      );
    }
    case 'expression':
      return expressionGen(spec, c);
    default:
      return null;
  }
}

const LOGICAL_VALUE: Record<LogicalType, ValueType> = {
  string: 'string',
  uuid: 'string',
  integer: 'integer',
  decimal: 'number',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'datetime',
};

function expressionGen(spec: Extract<FieldSpec, { type: 'expression' }>, c: CompileEnv): FieldGen {
  const ast = parseExpression(spec.expression);
  const inferred = inferType(ast, (name) => LOGICAL_VALUE[c.logicalOf(name) ?? 'string']);
  const wanted = spec.resultType;
  const logical: LogicalType =
    wanted === 'datetime'
      ? 'timestamp'
      : (wanted ??
        (inferred === 'integer'
          ? 'integer'
          : inferred === 'number'
            ? 'decimal'
            : inferred === 'boolean'
              ? 'boolean'
              : inferred === 'date'
                ? 'date'
                : inferred === 'datetime'
                  ? 'timestamp'
                  : 'string'));
  const kind =
    logical === 'boolean'
      ? 'bool'
      : logical === 'date'
        ? 'date'
        : logical === 'timestamp'
          ? 'ts'
          : logical === 'string'
            ? 'str'
            : 'num';
  const scale = logical === 'decimal' ? fieldPrecision(spec) : 0;
  const f = 10 ** scale;
  const deps = [...new Set(collectFields(ast))];
  return simpleGen(
    spec,
    logical,
    kind,
    (ctx, out) => {
      const getters = new Map<string, Getter>();
      for (const name of deps) {
        const col = ctx.column(name);
        const gen = ctx.genOf(name);
        getters.set(name, (i) => cellExprValue(col, i, gen));
      }
      const fn = compileExpression(ast, getters);
      const env = { i: 0, rng: ctx.rng(`f:${spec.name}`) };
      const nulls = new Uint8Array(ctx.n);
      let anyNull = false;
      for (let i = 0; i < ctx.n; i++) {
        env.i = i;
        let v: Value;
        try {
          v = fn(env);
        } catch (e) {
          if (e instanceof EvaluationError) {
            throw new GenerationError(
              `table '${c.tableName}', field '${spec.name}', row ${ctx.rowStart + i + 1}: ${e.message} (expression: ${spec.expression})`,
              { table: c.tableName, field: spec.name, row: ctx.rowStart + i },
            );
          }
          throw e;
        }
        if (v === null || (typeof v === 'number' && !Number.isFinite(v))) {
          nulls[i] = 1;
          anyNull = true;
          continue;
        }
        store(out, i, v, logical, f, () => {
          throw new GenerationError(
            `table '${c.tableName}', field '${spec.name}', row ${ctx.rowStart + i + 1}: the expression gave ${typeof v === 'string' ? JSON.stringify(v) : String(v)}, which is not a ${logical}`,
            { table: c.tableName, field: spec.name, row: ctx.rowStart + i },
          );
        });
      }
      if (anyNull) out.nulls = nulls;
    },
    { deps, scale },
  );
}

function collectFields(node: ReturnType<typeof parseExpression>, out: string[] = []): string[] {
  switch (node.kind) {
    case 'field':
      out.push(node.name);
      break;
    case 'unary':
      collectFields(node.arg, out);
      break;
    case 'binary':
      collectFields(node.left, out);
      collectFields(node.right, out);
      break;
    case 'conditional':
      collectFields(node.test, out);
      collectFields(node.then, out);
      collectFields(node.else, out);
      break;
    case 'call':
      for (const a of node.args) collectFields(a, out);
      break;
    default:
      break;
  }
  return out;
}

function store(out: Column, i: number, v: Value, logical: LogicalType, f: number, fail: () => never): void {
  switch (logical) {
    case 'integer':
    case 'decimal': {
      const x =
        typeof v === 'number'
          ? v
          : typeof v === 'boolean'
            ? Number(v)
            : typeof v === 'string' && v.trim() !== ''
              ? Number(v)
              : Number.NaN;
      if (Number.isNaN(x)) fail();
      (out as NumCol).data[i] = logical === 'integer' ? Math.round(x) : Math.round(x * f) / f;
      return;
    }
    case 'boolean':
      (out as BoolCol).data[i] =
        v === true || v === 1 || v === 'true' ? 1 : v === false || v === 0 || v === 'false' ? 0 : fail();
      return;
    case 'date':
    case 'timestamp': {
      const t = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : Number.NaN;
      if (Number.isNaN(t)) fail();
      if (logical === 'date') (out as DateCol).data[i] = Math.floor(t / DAY_MS);
      else (out as TsCol).data[i] = t;
      return;
    }
    default:
      (out as StrCol).data[i] = v instanceof Date ? v.toISOString() : String(v);
  }
}
