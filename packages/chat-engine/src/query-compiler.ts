import type { AnswerIntent } from './answer-text.ts';
import { type Join, parentPath } from './column-matcher.ts';
import type { Condition, Field, Instant, Measure, Query, Scalar } from './query-model.ts';
import {
  and,
  arith,
  as,
  bool,
  CURRENT_DATE,
  call,
  caseWhen,
  cast,
  columnRef,
  compare,
  countDistinct,
  countStar,
  dateLit,
  exists,
  filtered,
  ident,
  inList,
  interval,
  isNull,
  num,
  type OrderItem,
  or,
  type Sql,
  STAR,
  scalar,
  select,
  str,
  timestampLit,
} from './sql-builder.ts';
import type { ChartSpec, ColumnProfile, TableProfile } from './types.ts';
import { MONTH_NAMES, singular } from './word-forms.ts';

export type CompiledPlan = { sql: string; chart?: ChartSpec; intent: AnswerIntent };

/** Words for an identifier: "signup_date" → "signup date". */
export function humanize(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toLowerCase();
}

export function fieldLabel(f: Field): string {
  switch (f.kind) {
    case 'column':
      return humanize(f.ref.column.name);
    case 'age':
      return 'age';
    case 'period':
      return f.unit;
  }
}

function fieldAlias(f: Field): string {
  switch (f.kind) {
    case 'column':
      return f.ref.column.name;
    case 'age':
      return 'age';
    case 'period':
      return f.unit;
  }
}

const MEASURE_LABEL: Record<string, string> = {
  avg: 'average',
  min: 'minimum',
  max: 'maximum',
  median: 'median',
  stddev: 'standard deviation of',
};

export function measureLabel(m: Measure, noun: string): string {
  switch (m.fn) {
    case 'count':
      return `number of ${noun}`;
    case 'count-distinct':
      return `number of distinct ${plural(fieldLabel(m.field))}`;
    case 'sum':
      return fieldLabel(m.field) === 'total' ? 'sum of totals' : `total ${fieldLabel(m.field)}`;
    case 'nulls':
      return `missing ${fieldLabel(m.field)}`;
    case 'percent':
      return `share of ${noun}`;
    default: {
      const temporal =
        m.field.kind === 'column' &&
        (m.field.ref.column.kind === 'date' || m.field.ref.column.kind === 'timestamp');
      if (temporal && m.fn === 'min') return `earliest ${fieldLabel(m.field)}`;
      if (temporal && m.fn === 'max') return `latest ${fieldLabel(m.field)}`;
      return `${MEASURE_LABEL[m.fn]} ${fieldLabel(m.field)}`;
    }
  }
}

export function plural(word: string): string {
  if (singular(word) !== word) return word;
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Compiles one query; joins parents of the query's table as its fields need them. */
export class QueryCompiler {
  private readonly joined: Join[] = [];
  private qualify = false;

  constructor(
    private readonly joins: Join[],
    private readonly query: Query,
  ) {}

  compile(): CompiledPlan {
    const q = this.query;
    this.collectJoins();
    this.qualify = this.joined.length > 0;
    const noun = humanize(q.table.name);
    const of = [noun, qualifier(q.kind === 'null-report' ? [] : q.where, 'attr', q.table)]
      .filter(Boolean)
      .join(' ');
    switch (q.kind) {
      case 'aggregate':
        return this.aggregate(q, noun, of);
      case 'rows': {
        const columns = q.columns?.length
          ? q.columns.map((f) => as(this.expr(f), fieldAlias(f)))
          : [this.qualify ? (`${ident(q.table.name)}.*` as Sql) : ('*' as Sql)];
        const orderBy: OrderItem[] = [];
        if (q.orderBy) {
          if (q.orderBy.field.kind === 'age' && !q.columns?.length)
            columns.push(as(this.expr(q.orderBy.field), 'age'));
          orderBy.push({ expr: this.expr(q.orderBy.field), dir: q.orderBy.dir === 'asc' ? 'ASC' : 'DESC' });
        }
        const sql = q.random
          ? select({
              from: { query: select({ ...this.source(q.where), columns }), alias: 'matching' },
              columns: [STAR],
              sample: q.limit,
            })
          : select({ ...this.source(q.where), columns, orderBy, limit: q.limit });
        return {
          sql,
          intent: {
            tag: 'rows',
            noun,
            one: singular(noun),
            qualifier: qualifier(q.where, 'attr', q.table),
            limit: q.limit,
            ...(q.orderBy
              ? {
                  order: {
                    column: fieldAlias(q.orderBy.field),
                    label: fieldLabel(q.orderBy.field),
                    dir: q.orderBy.dir,
                    ...(q.orderBy.field.kind === 'column' &&
                    (q.orderBy.field.ref.column.kind === 'date' ||
                      q.orderBy.field.ref.column.kind === 'timestamp')
                      ? { temporal: true }
                      : {}),
                  },
                }
              : {}),
          },
        };
      }
      case 'distinct': {
        const alias = fieldAlias(q.field);
        const sql = select({
          ...this.source([...q.where, { op: 'null', field: q.field, negate: true }]),
          distinct: true,
          columns: [as(this.expr(q.field), alias)],
          orderBy: [{ expr: ident(alias), dir: 'ASC' }],
        });
        return { sql, intent: { tag: 'distinct', label: plural(fieldLabel(q.field)), of } };
      }
      case 'histogram':
        return this.histogram(q.field, q.where, of);
      case 'correlation':
        return this.correlation(q.a, q.b, q.where, of);
      case 'per-parent': {
        const parents = scalar(select({ from: { table: q.parent.name }, columns: [countStar()] }));
        const one = singular(humanize(q.parent.name));
        const sql = select({
          ...this.source(q.where),
          columns: [
            as(
              call('round', arith(countStar(), '/', call('nullif', parents, num(0))), num(2)),
              `${noun.replaceAll(' ', '_')}_per_${one.replaceAll(' ', '_')}`,
            ),
            as(countStar(), noun),
            as(parents, humanize(q.parent.name)),
          ],
        });
        return { sql, intent: { tag: 'per-parent', noun: of, parent: humanize(q.parent.name), one } };
      }
      case 'null-report': {
        const columns = q.table.columns.map((c) =>
          as(arith(countStar(), '-', call('count', ident(c.name))), c.name),
        );
        const sql = select({ from: { table: q.table.name }, columns: [as(countStar(), 'rows'), ...columns] });
        return { sql, intent: { tag: 'null-report', of: noun } };
      }
    }
  }

  private collectJoins(): void {
    const q = this.query;
    const fields: Field[] = [];
    const conds: Condition[] = q.kind === 'null-report' ? [] : [...q.where];
    if (q.kind === 'aggregate') {
      fields.push(...q.groupBy);
      for (const m of q.measures) {
        if ('field' in m) fields.push(m.field);
        if (m.fn === 'percent') conds.push(...m.where);
      }
    }
    if (q.kind === 'rows' && q.orderBy) fields.push(q.orderBy.field);
    if (q.kind === 'distinct' || q.kind === 'histogram') fields.push(q.field);
    if (q.kind === 'correlation') fields.push(q.a, q.b);
    const flat = (list: Condition[]): Condition[] =>
      list.flatMap((c) => (c.op === 'any' ? flat(c.options.flat()) : [c]));
    for (const c of flat(conds))
      if (c.op !== 'related' && c.op !== 'related-count' && c.op !== 'any') fields.push(c.field);
    for (const f of fields) {
      if (f.ref.table === q.table) continue;
      const path = parentPath(this.joins, q.table, f.ref.table);
      if (!path) throw new Error(`no join from ${q.table.name} to ${f.ref.table.name}`);
      for (const j of path) if (!this.joined.includes(j)) this.joined.push(j);
    }
  }

  private source(where: Condition[]) {
    return {
      from: { table: this.query.table.name },
      joins: this.joined.map((j) => ({
        table: j.parent.name,
        on: compare(columnRef(j.child.name, j.fk.name), '=', columnRef(j.parent.name, j.pk.name)),
      })),
      where: where.map((c) => this.condition(c)),
    };
  }

  private col(table: TableProfile, column: ColumnProfile): Sql {
    return columnRef(this.qualify ? table.name : null, column.name);
  }

  expr(f: Field): Sql {
    const c = this.col(f.ref.table, f.ref.column);
    switch (f.kind) {
      case 'column':
        return c;
      case 'age':
        return cast(call('date_part', str('year'), call('age', CURRENT_DATE, c)), 'INTEGER');
      case 'period': {
        const t = call('date_trunc', str(f.unit), c);
        return f.unit === 'hour' ? t : cast(t, 'DATE');
      }
    }
  }

  private literal(v: Scalar): Sql {
    if (typeof v === 'number') return num(v);
    if (typeof v === 'boolean') return bool(v);
    return str(v);
  }

  private instant(f: Field, v: number | Instant): Sql {
    if (typeof v === 'number') return num(v);
    const temporalTimestamp = f.kind === 'column' && f.ref.column.kind === 'timestamp';
    if ('at' in v) return timestampLit(v.at);
    return temporalTimestamp ? timestampLit(`${v.day} 00:00:00`) : dateLit(v.day);
  }

  condition(c: Condition): Sql {
    if (c.op === 'related') {
      const inner = new QueryCompiler(this.joins, {
        kind: 'rows',
        table: c.child,
        where: c.where,
        limit: 1,
      });
      inner.qualify = true;
      const link = compare(columnRef(c.child.name, c.fk), '=', columnRef(this.query.table.name, c.pk));
      const sub = select({
        from: { table: c.child.name },
        columns: [num(1)],
        where: [link, ...c.where.map((w) => inner.condition(w))],
      });
      return exists(sub, c.negate);
    }
    if (c.op === 'any') return or(c.options.map((o) => and(o.map((x) => this.condition(x)))));
    if (c.op === 'related-count') {
      const link = compare(columnRef(c.child.name, c.fk), '=', columnRef(this.query.table.name, c.pk));
      const sub = select({ from: { table: c.child.name }, columns: [countStar()], where: [link] });
      return compare(scalar(sub), c.cmp, num(c.value));
    }
    return this.columnCondition(c);
  }

  private columnCondition(c: Exclude<Condition, { op: 'related' | 'related-count' | 'any' }>): Sql {
    const e = this.expr(c.field);
    switch (c.op) {
      case 'in': {
        const values = c.values.map((v) => this.literal(v));
        if (values.length === 1) {
          const eq = compare(e, c.negate ? '<>' : '=', values[0]!);
          return c.negate ? or([eq, isNull(e)]) : eq;
        }
        return c.negate ? or([inList(e, values, true), isNull(e)]) : inList(e, values);
      }
      case 'compare':
        return compare(e, c.cmp, this.instant(c.field, c.value));
      case 'between':
        return and([
          compare(e, '>=', this.instant(c.field, c.low)),
          compare(e, '<=', this.instant(c.field, c.high)),
        ]);
      case 'recent':
        return compare(e, '>=', arith(CURRENT_DATE, '-', interval(c.amount, c.unit)));
      case 'month-of-year':
        return compare(call('month', e), '=', num(c.month));
      case 'vs-average': {
        const avg = select({ from: { table: c.field.ref.table.name }, columns: [call('avg', e)] });
        return compare(e, c.cmp, scalar(avg));
      }
      case 'null':
        return isNull(e, c.negate);
      case 'text': {
        const text = c.field.ref.column.kind === 'text' ? e : cast(e, 'VARCHAR');
        const l = call('lower', text);
        const v = call('lower', str(c.text));
        const test =
          c.mode === 'contains'
            ? call('contains', l, v)
            : c.mode === 'starts'
              ? call('starts_with', l, v)
              : c.mode === 'ends'
                ? call('ends_with', l, v)
                : compare(l, '=', v);
        return c.negate ? or([compare(test, '=', bool(false)), isNull(e)]) : test;
      }
    }
  }

  private measure(m: Measure): Array<{ expr: Sql; alias: string }> {
    switch (m.fn) {
      case 'count':
        return [{ expr: countStar(), alias: 'count' }];
      case 'count-distinct':
        return [{ expr: countDistinct(this.expr(m.field)), alias: `distinct_${fieldAlias(m.field)}` }];
      case 'nulls': {
        const missing = filtered(countStar(), isNull(this.expr(m.field)));
        return [
          { expr: missing, alias: 'missing' },
          { expr: countStar(), alias: 'total' },
          { expr: percentOf(missing), alias: 'missing_percent' },
        ];
      }
      case 'percent': {
        const matching = filtered(countStar(), and(m.where.map((c) => this.condition(c))));
        return [
          { expr: percentOf(matching), alias: 'percent' },
          { expr: matching, alias: 'matching' },
          { expr: countStar(), alias: 'total' },
        ];
      }
      case 'avg':
      case 'stddev':
      case 'median': {
        const fn = m.fn === 'stddev' ? 'stddev_samp' : m.fn;
        const inner = call(fn, this.expr(m.field));
        const isTemporal =
          m.field.kind === 'column' &&
          (m.field.ref.column.kind === 'date' || m.field.ref.column.kind === 'timestamp');
        return [
          {
            expr: isTemporal ? inner : call('round', inner, num(2)),
            alias: `${m.fn}_${fieldAlias(m.field)}`,
          },
        ];
      }
      case 'min':
      case 'max':
      case 'sum': {
        const inner = call(m.fn, this.expr(m.field));
        const decimal = m.field.kind === 'column' && m.field.ref.column.kind === 'decimal';
        return [
          {
            expr: m.fn === 'sum' && decimal ? call('round', inner, num(2)) : inner,
            alias: `${m.fn}_${fieldAlias(m.field)}`,
          },
        ];
      }
    }
  }

  private aggregate(q: Extract<Query, { kind: 'aggregate' }>, noun: string, of: string): CompiledPlan {
    const keys = q.groupBy.map((f) => ({ expr: this.expr(f), alias: fieldAlias(f), field: f }));
    const measures = q.measures.flatMap((m) => this.measure(m));
    const aliases = new Set<string>();
    for (const k of keys) aliases.add(k.alias);
    for (const m of measures) {
      while (aliases.has(m.alias)) m.alias = `${m.alias}_`;
      aliases.add(m.alias);
    }
    const timeSeries = keys.some((k) => k.field.kind === 'period');
    const order =
      q.order ??
      (keys.length ? { by: timeSeries ? 'group' : 'measure', dir: timeSeries ? 'asc' : 'desc' } : undefined);
    const orderBy: OrderItem[] = [];
    if (order && keys.length) {
      const dir = order.dir === 'asc' ? 'ASC' : 'DESC';
      if (order.by === 'measure') {
        orderBy.push({ expr: ident(measures[0]!.alias), dir });
        for (const k of keys) orderBy.push({ expr: ident(k.alias), dir: 'ASC' });
      } else for (const k of keys) orderBy.push({ expr: ident(k.alias), dir });
    }
    const sql = select({
      ...this.source(q.where),
      columns: [...keys.map((k) => as(k.expr, k.alias)), ...measures.map((m) => as(m.expr, m.alias))],
      groupBy: keys.map((k) => ident(k.alias)),
      ...(q.having ? { having: [compare(measures[0]!.expr, q.having.cmp, num(q.having.value))] } : {}),
      orderBy,
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
    });
    const mLabel = measureLabel(q.measures[0]!, noun);
    const first = q.measures[0]!;
    if (!keys.length) {
      if (first.fn === 'count' && q.measures.length === 1)
        return {
          sql,
          intent: { tag: 'count', noun, one: singular(noun), qualifier: qualifier(q.where, 'attr', q.table) },
        };
      if (first.fn === 'count-distinct' && q.measures.length === 1) {
        const label = fieldLabel(first.field);
        return {
          sql,
          intent: {
            tag: 'count',
            noun: `distinct ${plural(label)}`,
            one: `distinct ${label}`,
            qualifier: `among ${of}`,
          },
        };
      }
      if (first.fn === 'nulls')
        return {
          sql,
          intent: {
            tag: 'nulls',
            label: fieldLabel(first.field),
            noun,
            qualifier: qualifier(q.where, 'attr', q.table),
          },
        };
      if (first.fn === 'percent')
        return {
          sql,
          intent: {
            tag: 'percent',
            of,
            condition: qualifier(first.where, 'pred', q.table),
          },
        };
      return {
        sql,
        intent: { tag: 'values', labels: q.measures.map((m) => measureLabel(m, noun)), of },
      };
    }
    const groupLabel = keys.map((k) => fieldLabel(k.field)).join(' and ');
    const title = `${capitalize(mLabel)} by ${groupLabel}`;
    const chart: ChartSpec | undefined =
      keys.length === 1
        ? { type: timeSeries ? 'line' : 'bar', x: keys[0]!.alias, y: measures[0]!.alias, title }
        : undefined;
    return {
      sql,
      ...(chart ? { chart } : {}),
      intent: {
        tag: 'groups',
        measure: mLabel,
        group: groupLabel,
        keys: keys.length,
        of,
        order: timeSeries && order?.by === 'group' ? 'time' : (order?.dir ?? 'desc'),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
        ...(first.fn === 'percent' ? { percent: true } : {}),
        ...(keys[0]!.field.kind === 'period' ? { unit: keys[0]!.field.unit } : {}),
      },
    };
  }

  private histogram(f: Field, where: Condition[], of: string): CompiledPlan {
    const x = ident('x');
    const lo = ident('lo');
    const hi = ident('hi');
    const w = ident('w');
    const bin = ident('bin');
    const integral = f.kind === 'age' || f.ref.column.kind === 'integer';
    const width = integral
      ? call('greatest', num(1), call('ceil', arith(arith(arith(hi, '-', lo), '+', num(1)), '/', num(20.0))))
      : caseWhen(compare(hi, '=', lo), num(1), arith(arith(hi, '-', lo), '/', num(20.0)));
    const values = select({
      ...this.source([...where, { op: 'null', field: f, negate: true }]),
      columns: [as(this.expr(f), 'x')],
    });
    const bounds = select({
      from: { table: 'values' },
      columns: [as(call('min', x), 'lo'), as(call('max', x), 'hi')],
    });
    const widths = select({ from: { table: 'bounds' }, columns: [lo, as(width, 'w')] });
    const binned = select({
      from: { cross: [ident('values'), ident('widths')] },
      columns: [
        as(cast(call('least', call('floor', arith(arith(x, '-', lo), '/', w)), num(19)), 'BIGINT'), 'bin'),
        lo,
        w,
      ],
    });
    const sql = select({
      with: [
        { name: 'values', query: values },
        { name: 'bounds', query: bounds },
        { name: 'widths', query: widths },
        { name: 'binned', query: binned },
      ],
      from: { table: 'binned' },
      columns: [
        as(arith(lo, '+', arith(bin, '*', w)), 'bin_start'),
        as(arith(lo, '+', arith(arith(bin, '+', num(1)), '*', w)), 'bin_end'),
        as(countStar(), 'count'),
      ],
      groupBy: [bin, lo, w],
      orderBy: [{ expr: bin, dir: 'ASC' }],
    });
    const label = fieldLabel(f);
    return {
      sql,
      chart: { type: 'histogram', x: 'bin_start', y: 'count', title: `Distribution of ${label}` },
      intent: { tag: 'histogram', label, of, integral },
    };
  }

  private correlation(a: Field, b: Field, where: Condition[], of: string): CompiledPlan {
    const aAlias = fieldAlias(a);
    let bAlias = fieldAlias(b);
    if (bAlias === aAlias) bAlias = `${bAlias}_2`;
    const pairs = select({
      ...this.source([
        ...where,
        { op: 'null', field: a, negate: true },
        { op: 'null', field: b, negate: true },
      ]),
      columns: [as(this.expr(a), aAlias), as(this.expr(b), bAlias)],
    });
    const stats = select({
      from: { table: 'pairs' },
      columns: [
        as(call('round', call('corr', ident(aAlias), ident(bAlias)), num(4)), 'correlation'),
        as(countStar(), 'pairs'),
      ],
    });
    const sample = select({ from: { table: 'pairs' }, columns: [ident(aAlias), ident(bAlias)], sample: 500 });
    const sql = select({
      with: [
        { name: 'pairs', query: pairs },
        { name: 'stats', query: stats },
        { name: 'sample', query: sample },
      ],
      from: { cross: [ident('stats'), ident('sample')] },
      columns: [ident('correlation'), as(columnRef('stats', 'pairs'), 'pairs'), ident(aAlias), ident(bAlias)],
    });
    return {
      sql,
      chart: {
        type: 'scatter',
        x: aAlias,
        y: bAlias,
        title: `${capitalize(fieldLabel(a))} vs ${fieldLabel(b)}`,
      },
      intent: { tag: 'correlation', a: fieldLabel(a), b: fieldLabel(b), of },
    };
  }
}

function percentOf(count: Sql): Sql {
  return call(
    'round',
    arith(arith(num(100.0), '*', count), '/', call('nullif', countStar(), num(0))),
    num(2),
  );
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// --- phrases for conditions, used in answers and chart titles -----------------------------------

const PLACE_WORDS = /(^| )(city|town|country|region|state|location|place)( |$)/;

function formatInstant(v: number | Instant): string {
  if (typeof v === 'number') return formatNumber(v);
  return 'day' in v ? v.day : v.at;
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : String(v);
}

function formatScalar(v: Scalar): string {
  return typeof v === 'number' ? formatNumber(v) : String(v);
}

function listOr(values: string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/** A condition in words, attributive ("customers older than 60") or predicative ("are older than 60"). */
function conditionPhrase(c: Condition, form: 'attr' | 'pred'): string {
  if (c.op === 'related') {
    const noun = humanize(c.child.name);
    const inner = qualifier(c.where, 'attr');
    return `${c.negate ? (form === 'attr' ? 'without' : 'have no') : form === 'attr' ? 'with' : 'have'} ${noun}${inner ? ` ${inner}` : ''}`;
  }
  if (c.op === 'related-count') {
    const noun = humanize(c.child.name);
    const word = { '>': 'more than', '>=': 'at least', '<': 'fewer than', '<=': 'at most', '=': 'exactly' }[
      c.cmp
    ];
    return `${form === 'attr' ? 'with' : 'have'} ${word} ${c.value} ${noun}`;
  }
  if (c.op === 'any') return c.options.map((o) => qualifier(o, form)).join(' or ');
  return columnConditionPhrase(c, form);
}

function columnConditionPhrase(
  c: Exclude<Condition, { op: 'related' | 'related-count' | 'any' }>,
  form: 'attr' | 'pred',
): string {
  const label = fieldLabel(c.field);
  const isAge = c.field.kind === 'age' || (c.field.kind === 'column' && label === 'age');
  const be = form === 'attr' ? '' : 'are ';
  const have = form === 'attr' ? 'with' : 'have';
  switch (c.op) {
    case 'in': {
      const values = c.values.map(formatScalar);
      const col = c.field.ref.column;
      if (col.kind === 'boolean') {
        const positive = (c.values[0] === true) !== c.negate;
        return `${form === 'attr' ? 'that are' : 'are'} ${positive ? '' : 'not '}${label}`;
      }
      if (PLACE_WORDS.test(label)) return `${be}${c.negate ? 'not in' : 'in'} ${listOr(values)}`;
      return `${have} ${label} ${c.negate ? 'other than ' : ''}${listOr(values)}`;
    }
    case 'compare': {
      if (isAge && typeof c.value === 'number') {
        const phrase =
          c.cmp === '>'
            ? `older than ${c.value}`
            : c.cmp === '>='
              ? `aged ${c.value} or older`
              : c.cmp === '<'
                ? `younger than ${c.value}`
                : `aged ${c.value} or younger`;
        return `${be}${phrase}`;
      }
      const v = formatInstant(c.value);
      if (typeof c.value !== 'number') {
        const word = { '>': 'after', '>=': 'on or after', '<': 'before', '<=': 'on or before' }[c.cmp];
        return `${datePhrase(c.field, form)} ${word} ${v}`;
      }
      const word = { '>': 'over', '>=': 'of at least', '<': 'under', '<=': 'of at most' }[c.cmp];
      return `${have} ${label} ${word} ${v}`;
    }
    case 'between':
      return `${have} ${label} between ${formatInstant(c.low)} and ${formatInstant(c.high)}`;
    case 'recent':
      return `${datePhrase(c.field, form)} in the last ${c.amount} ${c.unit}${c.amount === 1 ? '' : 's'}`;
    case 'month-of-year':
      return `${datePhrase(c.field, form)} in ${MONTH_NAMES[c.month - 1]}`;
    case 'vs-average':
      return `${have} ${label} ${c.cmp === '>' || c.cmp === '>=' ? 'above' : 'below'} the average`;
    case 'null': {
      const some = /s$/.test(label) ? label : `a ${label}`;
      return c.negate ? `${have} ${some}` : form === 'attr' ? `with no ${label}` : `have no ${label}`;
    }
    case 'text': {
      const verb = { contains: 'contains', starts: 'starts with', ends: 'ends with', equals: 'is' }[c.mode];
      return `whose ${label} ${c.negate ? 'does not ' : ''}${c.negate ? verb.replace(/s( |$)/, '$1') : verb} "${c.text}"`;
    }
  }
}

/** How rows relate to a date column: "ordered" (ordered_at), "born" (birth_date), "with signup date". */
function datePhrase(f: Field, form: 'attr' | 'pred'): string {
  const name = f.ref.column.name;
  const verb = /^([a-z]+ed)_(at|on|date|time)$/i.exec(name);
  if (verb) return `${form === 'attr' ? '' : 'were '}${verb[1]!.toLowerCase()}`.trim();
  if (/birth|born|dob/i.test(name)) return `${form === 'attr' ? '' : 'were '}born`.trim();
  if (/^(at|time|timestamp|ts|date|when)$/i.test(name))
    return `${form === 'attr' ? '' : 'were '}recorded`.trim();
  return `${form === 'attr' ? 'with' : 'have'} ${fieldLabel(f)}`;
}

/** Date ranges come in as a pair of comparisons; say them as one period. */
function mergeRanges(
  conds: Condition[],
): Array<Condition | { op: 'range'; field: Field; low: Instant; high: Instant }> {
  const out: Array<Condition | { op: 'range'; field: Field; low: Instant; high: Instant }> = [];
  const used = new Set<Condition>();
  for (const c of conds) {
    if (used.has(c)) continue;
    if (c.op === 'compare' && c.cmp === '>=' && typeof c.value !== 'number') {
      const pair = conds.find(
        (d) =>
          !used.has(d) &&
          d.op === 'compare' &&
          d.cmp === '<' &&
          typeof d.value !== 'number' &&
          d.field.ref.column === c.field.ref.column,
      );
      if (pair && pair.op === 'compare') {
        used.add(pair);
        out.push({
          op: 'range',
          field: c.field,
          low: c.value as Instant,
          high: pair.value as Instant,
        });
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

function periodName(low: Instant, high: Instant): string {
  const a = 'day' in low ? low.day : low.at;
  const b = 'day' in high ? high.day : high.at;
  const [ay, am, ad] = a.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = b.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (ad === 1 && bd === 1 && am === 1 && bm === 1 && by === ay + 1) return `in ${ay}`;
  if (ad === 1 && bd === 1 && ((by === ay && bm === am + 1) || (by === ay + 1 && am === 12 && bm === 1)))
    return `in ${MONTH_NAMES[am - 1]} ${ay}`;
  if (
    ad === 1 &&
    bd === 1 &&
    ((by === ay && bm === am + 3) || (by === ay + 1 && bm === am - 9)) &&
    (am - 1) % 3 === 0
  )
    return `in Q${(am - 1) / 3 + 1} ${ay}`;
  const next = new Date(Date.UTC(ay, am - 1, ad + 1)).toISOString().slice(0, 10);
  if (a.length === 10 && b === next) return `on ${a}`;
  return `from ${a} to before ${b}`;
}

/**
 * The conditions in words. Conditions on a parent table are said of the parent ("orders of
 * customers in Berlin") when the query's own table is given.
 */
export function qualifier(conds: Condition[], form: 'attr' | 'pred', table?: TableProfile): string {
  const parentOf = (c: Condition) =>
    table && c.op !== 'any' && c.op !== 'related' && c.op !== 'related-count' && c.field.ref.table !== table
      ? c.field.ref.table
      : undefined;
  const own = conds.filter((c) => !parentOf(c));
  const phrases = mergeRanges(own).map((c) => {
    if (c.op === 'range') return `${datePhrase(c.field, form)} ${periodName(c.low, c.high)}`;
    return conditionPhrase(c, form);
  });
  const parents = [...new Set(conds.map(parentOf).filter((t): t is TableProfile => t !== undefined))];
  for (const p of parents) {
    const inner = qualifier(
      conds.filter((c) => parentOf(c) === p),
      'attr',
    );
    phrases.push(`${form === 'attr' ? 'of' : 'belong to'} ${humanize(p.name)} ${inner}`);
  }
  return phrases.join(form === 'attr' ? ' ' : ' and ');
}
