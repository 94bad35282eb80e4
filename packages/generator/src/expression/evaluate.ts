import type { ExpressionNode } from '@synoptic/contract';
import { normal } from '../random/distributions.ts';
import type { Rng } from '../random/prng.ts';

// A safe evaluator for the expression language (no eval): the syntax tree is compiled once into
// nested closures; each row then costs a few function calls.

export type Value = number | string | boolean | Date | null;
export type ValueType =
  | 'integer'
  | 'number'
  | 'string'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'null'
  | 'unknown';

/** Thrown for a runtime type error; the caller adds table, field and row. */
export class EvaluationError extends Error {}

export type EvalEnv = { i: number; rng: Rng };
export type Getter = (i: number) => Value;
type Fn = (env: EvalEnv) => Value;

const DAY = 86_400_000;

function describe(v: Value): string {
  if (v === null) return 'null';
  if (v instanceof Date) return 'a date';
  return typeof v === 'string'
    ? `the text ${JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v)}`
    : `${typeof v} ${String(v)}`;
}

function num(v: Value, what: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new EvaluationError(`${what} needs a number, got ${describe(v)}`);
}

function date(v: Value, what: string): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'string') {
    const t = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
    if (!Number.isNaN(t)) return new Date(t);
  }
  throw new EvaluationError(`${what} needs a date, got ${describe(v)}`);
}

function text(v: Value): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function truthy(v: Value): boolean {
  return v !== null && v !== false && v !== 0 && v !== '';
}

function equal(a: Value, b: Value): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function compare(a: Value, b: Value, op: string): boolean {
  let x: number | string;
  let y: number | string;
  if (a instanceof Date || b instanceof Date) {
    x = date(a, `'${op}'`).getTime();
    y = date(b, `'${op}'`).getTime();
  } else if (typeof a === 'string' && typeof b === 'string') {
    x = a;
    y = b;
  } else {
    x = num(a, `'${op}'`);
    y = num(b, `'${op}'`);
  }
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + Math.trunc(months);
  const target = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  target.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return target;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function formatDate(d: Date, f: string): string {
  return f.replace(/YYYY|MM|DD|HH|mm|ss/g, (t) => {
    switch (t) {
      case 'YYYY':
        return pad(d.getUTCFullYear(), 4);
      case 'MM':
        return pad(d.getUTCMonth() + 1);
      case 'DD':
        return pad(d.getUTCDate());
      case 'HH':
        return pad(d.getUTCHours());
      case 'mm':
        return pad(d.getUTCMinutes());
      default:
        return pad(d.getUTCSeconds());
    }
  });
}

/** Compiles an expression; `getters` map field names to per-row value readers. */
export function compileExpression(node: ExpressionNode, getters: Map<string, Getter>): Fn {
  const c = (n: ExpressionNode): Fn => compileExpression(n, getters);
  switch (node.kind) {
    case 'number':
    case 'string':
    case 'boolean': {
      const v = node.value;
      return () => v;
    }
    case 'null':
      return () => null;
    case 'field': {
      const g = getters.get(node.name)!;
      return (env) => g(env.i);
    }
    case 'unary': {
      const a = c(node.arg);
      if (node.op === '!') return (env) => !truthy(a(env));
      return (env) => {
        const v = a(env);
        return v === null ? null : -num(v, "'-'");
      };
    }
    case 'conditional': {
      const t = c(node.test);
      const y = c(node.then);
      const n = c(node.else);
      return (env) => (truthy(t(env)) ? y(env) : n(env));
    }
    case 'binary': {
      const l = c(node.left);
      const r = c(node.right);
      const op = node.op;
      switch (op) {
        case '&&':
          return (env) => truthy(l(env)) && truthy(r(env));
        case '||':
          return (env) => truthy(l(env)) || truthy(r(env));
        case '==':
          return (env) => equal(l(env), r(env));
        case '!=':
          return (env) => !equal(l(env), r(env));
        case '<':
        case '<=':
        case '>':
        case '>=':
          return (env) => {
            const a = l(env);
            const b = r(env);
            return a === null || b === null ? null : compare(a, b, op);
          };
        case '+':
          return (env) => {
            const a = l(env);
            const b = r(env);
            if (typeof a === 'string' || typeof b === 'string') return text(a) + text(b);
            if (a === null || b === null) return null;
            return num(a, "'+'") + num(b, "'+'");
          };
        default:
          return (env) => {
            const a = l(env);
            const b = r(env);
            if (a === null || b === null) return null;
            const x = num(a, `'${op}'`);
            const y = num(b, `'${op}'`);
            if (op === '-') return x - y;
            if (op === '*') return x * y;
            if (y === 0) throw new EvaluationError(`division by zero in '${op}'`);
            return op === '/' ? x / y : x % y;
          };
      }
    }
    case 'call':
      return compileCall(node.name, node.args.map(c));
  }
}

function compileCall(name: string, args: Fn[]): Fn {
  const a0 = args[0]!;
  const a1 = args[1]!;
  const a2 = args[2]!;
  const n1 =
    (f: (x: number) => number): Fn =>
    (env) => {
      const v = a0(env);
      return v === null ? null : f(num(v, `${name}()`));
    };
  const d1 =
    (f: (d: Date) => Value): Fn =>
    (env) => {
      const v = a0(env);
      return v === null ? null : f(date(v, `${name}()`));
    };
  const dn =
    (f: (d: Date, n: number) => Value): Fn =>
    (env) => {
      const v = a0(env);
      const k = a1(env);
      return v === null || k === null ? null : f(date(v, `${name}()`), num(k, `${name}()`));
    };
  switch (name) {
    case 'if':
      return (env) => (truthy(a0(env)) ? a1(env) : a2(env));
    case 'coalesce':
      return (env) => {
        for (const f of args) {
          const v = f(env);
          if (v !== null) return v;
        }
        return null;
      };
    case 'is_null':
      return (env) => a0(env) === null;
    case 'round':
      return (env) => {
        const v = a0(env);
        if (v === null) return null;
        const p = args.length > 1 ? 10 ** num(a1(env), 'round()') : 1;
        return Math.round(num(v, 'round()') * p) / p;
      };
    case 'floor':
      return n1(Math.floor);
    case 'ceil':
      return n1(Math.ceil);
    case 'abs':
      return n1(Math.abs);
    case 'sqrt':
      return n1(Math.sqrt);
    case 'log':
      return n1(Math.log);
    case 'exp':
      return n1(Math.exp);
    case 'pow':
      return (env) => num(a0(env), 'pow()') ** num(a1(env), 'pow()');
    case 'min':
    case 'max':
      return (env) => {
        let best: number | null = null;
        for (const f of args) {
          const v = f(env);
          if (v === null) continue;
          const x = num(v, `${name}()`);
          if (best === null || (name === 'min' ? x < best : x > best)) best = x;
        }
        return best;
      };
    case 'clamp':
      return (env) =>
        Math.min(num(a2(env), 'clamp()'), Math.max(num(a1(env), 'clamp()'), num(a0(env), 'clamp()')));
    case 'concat':
      return (env) => {
        let s = '';
        for (const f of args) s += text(f(env));
        return s;
      };
    case 'lower':
      return (env) => text(a0(env)).toLowerCase();
    case 'upper':
      return (env) => text(a0(env)).toUpperCase();
    case 'trim':
      return (env) => text(a0(env)).trim();
    case 'length':
      return (env) => text(a0(env)).length;
    case 'substr':
      return (env) => {
        const s = text(a0(env));
        const start = num(a1(env), 'substr()');
        return args.length > 2 ? s.substr(start, num(a2(env), 'substr()')) : s.slice(start);
      };
    case 'to_string':
      return (env) => text(a0(env));
    case 'to_number':
      return (env) => {
        const v = a0(env);
        if (v === null) return null;
        const x = typeof v === 'string' ? Number(v) : num(v, 'to_number()');
        if (Number.isNaN(x)) throw new EvaluationError(`to_number() cannot read ${describe(v)}`);
        return x;
      };
    case 'add_days':
      return dn((d, k) => new Date(d.getTime() + Math.round(k * DAY)));
    case 'add_hours':
      return dn((d, k) => new Date(d.getTime() + Math.round(k * 3_600_000)));
    case 'add_minutes':
      return dn((d, k) => new Date(d.getTime() + Math.round(k * 60_000)));
    case 'add_months':
      return dn((d, k) => addMonths(d, k));
    case 'add_years':
      return dn((d, k) => addMonths(d, k * 12));
    case 'days_between':
    case 'hours_between':
      return (env) => {
        const x = a0(env);
        const y = a1(env);
        if (x === null || y === null) return null;
        const ms = date(y, `${name}()`).getTime() - date(x, `${name}()`).getTime();
        return Math.trunc(ms / (name === 'days_between' ? DAY : 3_600_000));
      };
    case 'year':
      return d1((d) => d.getUTCFullYear());
    case 'month':
      return d1((d) => d.getUTCMonth() + 1);
    case 'day':
      return d1((d) => d.getUTCDate());
    case 'weekday':
      return d1((d) => ((d.getUTCDay() + 6) % 7) + 1);
    case 'hour':
      return d1((d) => d.getUTCHours());
    case 'format_date':
      return (env) => {
        const v = a0(env);
        return v === null ? null : formatDate(date(v, 'format_date()'), text(a1(env)));
      };
    case 'random':
      return (env) => env.rng.float();
    case 'random_int':
      return (env) => {
        const lo = Math.ceil(num(a0(env), 'random_int()'));
        const hi = Math.floor(num(a1(env), 'random_int()'));
        return lo + env.rng.below(Math.max(1, hi - lo + 1));
      };
    case 'normal':
      return (env) => num(a0(env), 'normal()') + num(a1(env), 'normal()') * normal(env.rng);
    case 'pick':
      return (env) => args[env.rng.below(args.length)]!(env);
    default:
      throw new EvaluationError(`unknown function '${name}'`);
  }
}

/** Static type of an expression, for the column type of its field. */
export function inferType(node: ExpressionNode, typeOf: (name: string) => ValueType): ValueType {
  const t = (n: ExpressionNode) => inferType(n, typeOf);
  const numeric = (a: ValueType, b: ValueType): ValueType =>
    a === 'integer' && b === 'integer' ? 'integer' : 'number';
  const unify = (a: ValueType, b: ValueType): ValueType => {
    if (a === b) return a;
    if (a === 'null') return b;
    if (b === 'null') return a;
    if ((a === 'integer' || a === 'number') && (b === 'integer' || b === 'number')) return 'number';
    if ((a === 'date' || a === 'datetime') && (b === 'date' || b === 'datetime')) return 'datetime';
    return 'unknown';
  };
  switch (node.kind) {
    case 'number':
      return Number.isInteger(node.value) ? 'integer' : 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'field':
      return typeOf(node.name);
    case 'unary':
      return node.op === '!' ? 'boolean' : t(node.arg);
    case 'conditional':
      return unify(t(node.then), t(node.else));
    case 'binary': {
      const op = node.op;
      if (['&&', '||', '==', '!=', '<', '<=', '>', '>='].includes(op)) return 'boolean';
      const a = t(node.left);
      const b = t(node.right);
      if (op === '+' && (a === 'string' || b === 'string')) return 'string';
      if (op === '/') return 'number';
      return numeric(a, b);
    }
    case 'call': {
      const args = node.args.map(t);
      switch (node.name) {
        case 'if':
          return unify(args[1]!, args[2]!);
        case 'coalesce':
          return args.reduce(unify, 'null');
        case 'round':
          return node.args.length > 1 ? 'number' : 'integer';
        case 'floor':
        case 'ceil':
        case 'length':
        case 'days_between':
        case 'hours_between':
        case 'year':
        case 'month':
        case 'day':
        case 'weekday':
        case 'hour':
        case 'random_int':
          return 'integer';
        case 'abs':
        case 'min':
        case 'max':
        case 'clamp':
          return args.reduce(
            (x, y) => (x === 'integer' && y === 'integer' ? 'integer' : 'number'),
            'integer' as ValueType,
          );
        case 'is_null':
          return 'boolean';
        case 'concat':
        case 'lower':
        case 'upper':
        case 'trim':
        case 'substr':
        case 'to_string':
        case 'format_date':
          return 'string';
        case 'add_days':
        case 'add_months':
        case 'add_years':
          return args[0] === 'date' ? 'date' : 'datetime';
        case 'add_hours':
        case 'add_minutes':
          return 'datetime';
        case 'pick':
          return args.reduce(unify, 'null');
        default:
          return 'number';
      }
    }
  }
}
