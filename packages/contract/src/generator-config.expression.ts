// The expression and template languages of the generator configuration. Parsing lives in the
// contract so the api can reject a malformed expression with a field path; the engine evaluates
// the same syntax tree. There is no `eval`: this is a small recursive-descent parser.

export type ExpressionNode =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'field'; name: string }
  | { kind: 'unary'; op: '-' | '!'; arg: ExpressionNode }
  | { kind: 'binary'; op: BinaryOperator; left: ExpressionNode; right: ExpressionNode }
  | { kind: 'conditional'; test: ExpressionNode; then: ExpressionNode; else: ExpressionNode }
  | { kind: 'call'; name: string; args: ExpressionNode[] };

export type BinaryOperator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '&&'
  | '||';

/** Functions an expression may call, with their accepted argument counts. */
export const expressionFunctions: Record<string, { min: number; max: number; description: string }> = {
  if: { min: 3, max: 3, description: 'if(condition, then, else)' },
  coalesce: { min: 1, max: 16, description: 'first argument that is not null' },
  is_null: { min: 1, max: 1, description: 'true when the argument is null' },
  round: { min: 1, max: 2, description: 'round(x, digits = 0)' },
  floor: { min: 1, max: 1, description: 'largest integer ≤ x' },
  ceil: { min: 1, max: 1, description: 'smallest integer ≥ x' },
  abs: { min: 1, max: 1, description: 'absolute value' },
  min: { min: 1, max: 16, description: 'smallest argument' },
  max: { min: 1, max: 16, description: 'largest argument' },
  clamp: { min: 3, max: 3, description: 'clamp(x, low, high)' },
  sqrt: { min: 1, max: 1, description: 'square root' },
  pow: { min: 2, max: 2, description: 'pow(base, exponent)' },
  log: { min: 1, max: 1, description: 'natural logarithm' },
  exp: { min: 1, max: 1, description: 'e to the power x' },
  concat: { min: 1, max: 16, description: 'joins the arguments as text' },
  lower: { min: 1, max: 1, description: 'lower-case text' },
  upper: { min: 1, max: 1, description: 'upper-case text' },
  trim: { min: 1, max: 1, description: 'text without surrounding spaces' },
  length: { min: 1, max: 1, description: 'number of characters' },
  substr: { min: 2, max: 3, description: 'substr(text, start, length?) (0-based)' },
  to_string: { min: 1, max: 1, description: 'the argument as text' },
  to_number: { min: 1, max: 1, description: 'the argument as a number' },
  add_days: { min: 2, max: 2, description: 'add_days(date, n)' },
  add_hours: { min: 2, max: 2, description: 'add_hours(datetime, n)' },
  add_minutes: { min: 2, max: 2, description: 'add_minutes(datetime, n)' },
  add_months: { min: 2, max: 2, description: 'add_months(date, n) (clamped to the month end)' },
  add_years: { min: 2, max: 2, description: 'add_years(date, n)' },
  days_between: { min: 2, max: 2, description: 'whole days from the first date to the second' },
  hours_between: { min: 2, max: 2, description: 'hours from the first datetime to the second' },
  year: { min: 1, max: 1, description: 'calendar year (UTC)' },
  month: { min: 1, max: 1, description: 'month 1–12 (UTC)' },
  day: { min: 1, max: 1, description: 'day of month 1–31 (UTC)' },
  weekday: { min: 1, max: 1, description: 'ISO weekday, 1 = Monday … 7 = Sunday' },
  hour: { min: 1, max: 1, description: 'hour 0–23 (UTC)' },
  format_date: { min: 2, max: 2, description: 'format_date(date, "YYYY-MM-DD HH:mm:ss")' },
  random: { min: 0, max: 0, description: 'uniform number in [0, 1), seeded' },
  random_int: { min: 2, max: 2, description: 'random_int(low, high), both inclusive, seeded' },
  normal: { min: 2, max: 2, description: 'normal(mean, stddev), seeded' },
  pick: { min: 1, max: 32, description: 'one of the arguments, uniformly, seeded' },
};

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'ExpressionSyntaxError';
  }
}

type Token =
  | { t: 'num'; v: number; p: number }
  | { t: 'str'; v: string; p: number }
  | { t: 'id'; v: string; p: number }
  | { t: 'op'; v: string; p: number }
  | { t: 'end'; p: number };

const OPERATORS = [
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '!',
  '?',
  ':',
  '(',
  ')',
  ',',
];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      const text = m![0];
      out.push({ t: 'num', v: Number(text), p: i });
      i += text.length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) {
          const n = src[j + 1]!;
          value += n === 'n' ? '\n' : n === 't' ? '\t' : n;
          j += 2;
        } else {
          value += src[j];
          j++;
        }
      }
      if (j >= src.length) throw new ExpressionSyntaxError(`unterminated string starting at ${i + 1}`, i);
      out.push({ t: 'str', v: value, p: i });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      out.push({ t: 'id', v: m[0], p: i });
      i += m[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExpressionSyntaxError(`unexpected character '${c}' at ${i + 1}`, i);
    out.push({ t: 'op', v: op, p: i });
    i += op.length;
  }
  out.push({ t: 'end', p: src.length });
  return out;
}

/** Parses an expression such as `if(age >= 18, price * 0.9, price)`; throws ExpressionSyntaxError. */
export function parseExpression(src: string): ExpressionNode {
  const tokens = tokenize(src);
  let k = 0;
  const peek = (): Token => tokens[k]!;
  const isOp = (v: string): boolean => {
    const t = peek();
    return t.t === 'op' && t.v === v;
  };
  const isWord = (v: string): boolean => {
    const t = peek();
    return t.t === 'id' && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v)) throw new ExpressionSyntaxError(`expected '${v}' at ${peek().p + 1}`, peek().p);
    k++;
  };

  const binaryLevel = (ops: string[], words: Record<string, string>, next: () => ExpressionNode) => {
    return (): ExpressionNode => {
      let left = next();
      for (;;) {
        const t = peek();
        let op: string | undefined;
        if (t.t === 'op' && ops.includes(t.v)) op = t.v;
        else if (t.t === 'id' && words[t.v]) op = words[t.v];
        if (!op) return left;
        k++;
        left = { kind: 'binary', op: op as BinaryOperator, left, right: next() };
      }
    };
  };

  const primary = (): ExpressionNode => {
    const t = peek();
    if (t.t === 'num') {
      k++;
      return { kind: 'number', value: t.v };
    }
    if (t.t === 'str') {
      k++;
      return { kind: 'string', value: t.v };
    }
    if (t.t === 'id') {
      k++;
      if (t.v === 'true' || t.v === 'false') return { kind: 'boolean', value: t.v === 'true' };
      if (t.v === 'null') return { kind: 'null' };
      if (isOp('(')) {
        k++;
        const fn = expressionFunctions[t.v];
        if (!fn) throw new ExpressionSyntaxError(`unknown function '${t.v}'`, t.p);
        const args: ExpressionNode[] = [];
        if (!isOp(')')) {
          args.push(expression());
          while (isOp(',')) {
            k++;
            args.push(expression());
          }
        }
        expect(')');
        if (args.length < fn.min || args.length > fn.max) {
          const want = fn.min === fn.max ? `${fn.min}` : `${fn.min} to ${fn.max}`;
          throw new ExpressionSyntaxError(
            `function '${t.v}' takes ${want} argument(s), got ${args.length}`,
            t.p,
          );
        }
        return { kind: 'call', name: t.v, args };
      }
      return { kind: 'field', name: t.v };
    }
    if (t.t === 'op' && t.v === '(') {
      k++;
      const inner = expression();
      expect(')');
      return inner;
    }
    if (t.t === 'end') throw new ExpressionSyntaxError('unexpected end of expression', t.p);
    throw new ExpressionSyntaxError(`unexpected '${t.t === 'op' ? t.v : ''}' at ${t.p + 1}`, t.p);
  };

  const unary = (): ExpressionNode => {
    if (isOp('-')) {
      k++;
      return { kind: 'unary', op: '-', arg: unary() };
    }
    if (isOp('!') || isWord('not')) {
      k++;
      return { kind: 'unary', op: '!', arg: unary() };
    }
    return primary();
  };
  const mul = binaryLevel(['*', '/', '%'], {}, unary);
  const add = binaryLevel(['+', '-'], {}, mul);
  const cmp = binaryLevel(['<', '<=', '>', '>='], {}, add);
  const eq = binaryLevel(['==', '!='], {}, cmp);
  const and = binaryLevel(['&&'], { and: '&&' }, eq);
  const or = binaryLevel(['||'], { or: '||' }, and);
  function expression(): ExpressionNode {
    const test = or();
    if (!isOp('?')) return test;
    k++;
    const then = expression();
    expect(':');
    return { kind: 'conditional', test, then, else: expression() };
  }

  if (src.trim() === '') throw new ExpressionSyntaxError('the expression is empty', 0);
  const root = expression();
  const t = peek();
  if (t.t !== 'end') throw new ExpressionSyntaxError(`unexpected input at ${t.p + 1}`, t.p);
  return root;
}

/** Names of the row's fields an expression reads. */
export function expressionFields(node: ExpressionNode, out = new Set<string>()): Set<string> {
  switch (node.kind) {
    case 'field':
      out.add(node.name);
      break;
    case 'unary':
      expressionFields(node.arg, out);
      break;
    case 'binary':
      expressionFields(node.left, out);
      expressionFields(node.right, out);
      break;
    case 'conditional':
      expressionFields(node.test, out);
      expressionFields(node.then, out);
      expressionFields(node.else, out);
      break;
    case 'call':
      for (const a of node.args) expressionFields(a, out);
      break;
    case 'number':
    case 'string':
    case 'boolean':
    case 'null':
      break;
  }
  return out;
}

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'ref'; name: string; filters: string[] };

/** Filters a template placeholder may apply: `{{ first_name | lower }}`. */
export const templateFilters = ['lower', 'upper', 'ascii', 'slug', 'trim', 'capitalize', 'initial'] as const;

/** Parses `{{first_name}}.{{last_name | lower}}@example.com` into text and placeholders. */
export function parseTemplate(src: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      parts.push({ kind: 'text', text: src.slice(i) });
      break;
    }
    if (open > i) parts.push({ kind: 'text', text: src.slice(i, open) });
    const close = src.indexOf('}}', open + 2);
    if (close < 0) throw new ExpressionSyntaxError(`unclosed '{{' at ${open + 1}`, open);
    const [head, ...filters] = src
      .slice(open + 2, close)
      .split('|')
      .map((s) => s.trim());
    if (!head || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(head)) {
      throw new ExpressionSyntaxError(`'{{${src.slice(open + 2, close)}}}' does not name a field`, open);
    }
    for (const f of filters) {
      if (!(templateFilters as readonly string[]).includes(f)) {
        throw new ExpressionSyntaxError(`unknown filter '${f}' (known: ${templateFilters.join(', ')})`, open);
      }
    }
    parts.push({ kind: 'ref', name: head, filters });
    i = close + 2;
  }
  return parts;
}
