import {
  type ColumnRef,
  columnsFor,
  conceptScore,
  isIdColumn,
  isMeasure,
  isNumeric,
  isPeopleTable,
  isTemporal,
  type Join,
  type Lexicon,
  mainDate,
  mainMeasure,
  parentPath,
} from './column-matcher.ts';
import { dateRange, type Range } from './date-range.ts';
import type { Aggregate, Condition, Field, Instant, Measure, Query } from './query-model.ts';
import type { Operand, ParseState, PendingCondition, PendingField, Subject } from './question-parser.ts';
import type { DateValue } from './question-tokenizer.ts';
import type { TableProfile } from './types.ts';
import { isBareListing, unbacked } from './unknown-words.ts';

// Chooses the table a question is about and turns what the parser understood into a query over
// that table's columns (and its parents', through foreign keys; children become EXISTS conditions).

export type ParseResult = { ok: true; query: Query } | { ok: false; reason: string };

export class Resolver {
  constructor(
    private readonly lex: Lexicon,
    private readonly st: ParseState,
  ) {}

  private get joins(): Join[] {
    return this.lex.joins;
  }

  private subjects(): Array<{ subject: Subject; measure: boolean }> {
    const out: Array<{ subject: Subject; measure: boolean }> = [];
    const st = this.st;
    for (const c of st.conditions) if ('subject' in c) out.push({ subject: c.subject, measure: false });
    for (const c of st.conditions)
      if (c.kind === 'values' || c.kind === 'bool')
        out.push({ subject: { type: 'item', item: c.item }, measure: false });
    // "per visit" when visits is the table: not a column to find
    for (const g of st.groups)
      if (!(g.subject.type === 'item' && g.subject.item.k === 'table'))
        out.push({ subject: g.subject, measure: false });
    for (const m of st.measures) if ('field' in m) out.push({ subject: m.field.subject, measure: true });
    const s = st.shape;
    if (s?.kind === 'distinct' || s?.kind === 'histogram')
      out.push({ subject: s.field.subject, measure: true });
    if (s?.kind === 'correlation')
      out.push({ subject: s.a.subject, measure: true }, { subject: s.b.subject, measure: true });
    if (s?.kind === 'rank-rows') out.push({ subject: s.by.subject, measure: true });
    return out;
  }

  /** Columns of a table (or its parents) a subject can mean. */
  private candidates(subject: Subject, table: TableProfile): Array<{ ref: ColumnRef; hops: number }> {
    const reach = (t: TableProfile) => parentPath(this.joins, table, t)?.length;
    const out: Array<{ ref: ColumnRef; hops: number }> = [];
    const add = (ref: ColumnRef) => {
      const hops = reach(ref.table);
      if (hops !== undefined) out.push({ ref, hops });
    };
    if (subject.type === 'item') {
      const it = subject.item;
      if (it.k === 'column' || it.k === 'value') for (const r of it.refs) add(r);
      else if (it.k === 'concept') {
        const tables = it.table ? [it.table] : this.lex.dataset;
        for (const t of tables) for (const r of columnsFor(it.concept, t)) add(r);
      } else if (it.k === 'table') {
        const j = this.joins.find((j) => j.child === table && j.parent === it.table);
        if (j) out.push({ ref: { table, column: j.fk }, hops: 0 });
      }
    } else if (subject.type === 'concept') {
      const tables = subject.table ? [subject.table] : this.lex.dataset;
      for (const t of tables) for (const r of columnsFor(subject.concept, t)) add(r);
    } else if (subject.type === 'default-date') {
      // a birth date says when someone was born, not when the row happened
      const d = mainDate(table);
      if (d && conceptScore('date', d.column) > 1) out.push({ ref: d, hops: 0 });
    } else {
      const m = mainMeasure(table, subject.value);
      if (m) out.push({ ref: m, hops: 0 });
    }
    return out.sort((a, b) => a.hops - b.hops);
  }

  /** Children of `table` reachable in one step, for conditions about related rows. */
  private childCandidates(subject: Subject, table: TableProfile): ColumnRef[] {
    const children = this.joins.filter((j) => j.parent === table).map((j) => j.child);
    const out: ColumnRef[] = [];
    if (subject.type === 'item') {
      const it = subject.item;
      if (it.k === 'column' || it.k === 'value')
        out.push(...it.refs.filter((r) => children.includes(r.table)));
      if (it.k === 'concept') for (const c of children) out.push(...columnsFor(it.concept, c));
    } else if (subject.type === 'concept')
      for (const c of children) out.push(...columnsFor(subject.concept, c));
    // "patients seen in 2024": the date of their visits
    else if (subject.type === 'default-date')
      for (const c of children) {
        const d = mainDate(c);
        if (d && conceptScore('date', d.column) > 1) out.push(d);
      }
    return out;
  }

  chooseTable(): TableProfile | string {
    const st = this.st;
    if (st.subjectTable) return st.subjectTable;
    const subjects = this.subjects();
    const scored = this.lex.dataset.map((t) => {
      let score = st.mentioned.includes(t) ? 3 : 0;
      let viable = true;
      for (const { subject, measure } of subjects) {
        const c = this.candidates(subject, t);
        if (!c.length) {
          if (!measure && this.childCandidates(subject, t).length) {
            score -= 1;
            continue;
          }
          if (subject.type === 'default-date' || subject.type === 'default-number') {
            score -= 2;
            continue;
          }
          viable = false;
          break;
        }
        score += c[0]!.hops === 0 ? (measure ? 4 : 2) : 1;
        // "the busiest month": a table's event time beats a date kept about its rows (a birth date)
        if (subject.type === 'default-date') score += conceptScore('date', c[0]!.ref.column) / 10;
      }
      return { t, score, viable };
    });
    const viable = scored.filter((s) => s.viable).sort((a, b) => b.score - a.score);
    if (!viable.length) {
      const missing = subjects.find(({ subject }) =>
        this.lex.dataset.every((t) => !this.candidates(subject, t).length),
      );
      if (missing) return `I could not find ${this.describe(missing.subject)} in this dataset.`;
      return 'I could not find one table that has all of those columns.';
    }
    if (st.aboutPeople && viable.length > 1 && viable[0]!.score === viable[1]!.score) {
      const people = viable.filter((v) => v.score === viable[0]!.score && isPeopleTable(v.t));
      if (people.length === 1) return people[0]!.t;
    }
    if (
      viable.length > 1 &&
      viable[0]!.score === viable[1]!.score &&
      viable[0]!.score === 0 &&
      !subjects.length
    )
      return `Which table do you mean: ${this.lex.dataset.map((t) => t.name).join(', ')}?`;
    if (viable.length > 1 && viable[0]!.score === viable[1]!.score) {
      // equal: prefer a table that was named, then the one whose columns match more directly
      const named = viable.filter((v) => v.score === viable[0]!.score && st.mentioned.includes(v.t));
      if (named.length === 1) return named[0]!.t;
    }
    return viable[0]!.t;
  }

  private projection(table: TableProfile): Field[] | string {
    const out: Field[] = [];
    for (const item of this.st.projection ?? []) {
      const f = this.fieldFor({ subject: { type: 'item', item } }, table);
      if (typeof f === 'string') return f;
      out.push(f);
    }
    return out;
  }

  private fieldFor(f: PendingField, table: TableProfile): Field | string {
    const c = this.candidates(f.subject, table)[0];
    if (!c) return `I could not find ${this.describe(f.subject)} in ${table.name}.`;
    if (f.unit) {
      if (!isTemporal(c.ref.column))
        return `${c.ref.column.name} is not a date, so it cannot be grouped by ${f.unit}.`;
      return { kind: 'period', ref: c.ref, unit: f.unit };
    }
    return this.plainField(f.subject, c.ref);
  }

  private plainField(subject: Subject, ref: ColumnRef): Field {
    const concept =
      subject.type === 'concept'
        ? subject.concept
        : subject.type === 'item' && subject.item.k === 'concept'
          ? subject.item.concept
          : undefined;
    if (concept === 'age' && isTemporal(ref.column)) return { kind: 'age', ref };
    // "patients over 65": a bare number on a birth date is an age
    if (subject.type === 'default-number' && isTemporal(ref.column)) return { kind: 'age', ref };
    return { kind: 'column', ref };
  }

  private describe(s: Subject): string {
    if (s.type === 'item') return `"${s.item.raw}"`;
    if (s.type === 'concept') return `a column for ${s.concept}`;
    return s.type === 'default-date' ? 'a date column' : 'a numeric column';
  }

  /** The query, or why there is none: words not understood count against a plan (unknown-words.ts). */
  resolve(): ParseResult {
    const st = this.st;
    const unknown = (words: string[]): ParseResult => ({
      ok: false,
      reason: `I don't know what ${words.map((u) => `"${u}"`).join(', ')} refers to in this dataset.`,
    });
    if (st.outOfScope?.length)
      return {
        ok: false,
        reason: `I can only describe the data as it is: "${st.outOfScope[0]}" asks for more than it can tell.`,
      };
    if (st.unknown.length) return unknown(st.unknown);
    const r = this.build();
    if (!r.ok) return r;
    const extra = st.unverified ? unbacked(r.query, st.unverified) : [];
    if (extra.length) return unknown(extra);
    // dropping words is only safe when the rest says exactly what to show
    if (st.tolerated?.length && isBareListing(r.query)) return unknown(st.tolerated);
    return r;
  }

  private build(): ParseResult {
    const st = this.st;
    if (!st.shape) return { ok: false, reason: 'I could not tell what to compute.' };
    if (st.bareAggregates?.length && !st.measures.length) return { ok: false, reason: 'Of which column?' };
    const table = this.chooseTable();
    if (typeof table === 'string') return { ok: false, reason: table };
    const where: Condition[] = [];
    const childWhere = new Map<TableProfile, Condition[]>();
    for (let k = 0; k < st.conditions.length; k++) {
      const pc = st.conditions[k]!;
      const r = this.condition(pc, table);
      if (typeof r === 'string') return { ok: false, reason: r };
      if (st.conditions[k + 1]?.or) {
        // a run of alternatives: "a or b or c"
        const options: Condition[][] = [r.conditions];
        let child = r.child;
        while (st.conditions[k + 1]?.or) {
          k++;
          const next = this.condition(st.conditions[k]!, table);
          if (typeof next === 'string') return { ok: false, reason: next };
          if (next.child !== child)
            return { ok: false, reason: 'I cannot combine those conditions with "or" yet.' };
          options.push(next.conditions);
          child = next.child;
        }
        const any: Condition = { op: 'any', options };
        if (child) childWhere.set(child, [...(childWhere.get(child) ?? []), any]);
        else where.push(any);
        continue;
      }
      for (const c of r.conditions) {
        if (r.child) {
          const list = childWhere.get(r.child) ?? [];
          list.push(c);
          childWhere.set(r.child, list);
        } else where.push(c);
      }
    }
    for (const [child, conds] of childWhere) {
      const j = this.joins.find((j) => j.child === child && j.parent === table)!;
      where.push({ op: 'related', child, fk: j.fk.name, pk: j.pk.name, where: conds, negate: false });
    }
    const groupBy: Field[] = [];
    for (const g of st.groups) {
      // "largest quantity per order" asks about single rows of the table itself
      if (g.subject.type === 'item' && g.subject.item.k === 'table' && g.subject.item.table === table)
        continue;
      const f = this.fieldFor(g, table);
      if (typeof f === 'string') return { ok: false, reason: f };
      if (!groupBy.some((x) => x.ref.column === f.ref.column && x.kind === f.kind)) groupBy.push(f);
    }
    const measures: Measure[] = [];
    for (const m of st.measures) {
      if (m.fn === 'count' || m.fn === 'percent') {
        if (m.fn === 'percent') {
          const sharedWhere = where.splice(0);
          measures.push({ fn: 'percent', where: sharedWhere });
        } else measures.push({ fn: 'count' });
        continue;
      }
      const f = this.fieldFor(m.field, table);
      if (typeof f === 'string') return { ok: false, reason: f };
      if (m.fn === 'count-distinct' || m.fn === 'nulls') {
        measures.push({ fn: m.fn, field: f });
        continue;
      }
      const temporal = f.kind === 'column' && isTemporal(f.ref.column);
      if (!temporal && f.kind !== 'age' && !isNumeric(f.ref.column))
        return {
          ok: false,
          reason: `${f.ref.column.name} is not a number, so it has no ${m.fn === 'avg' ? 'average' : m.fn}.`,
        };
      if (temporal && !['min', 'max', 'median'].includes(m.fn))
        return {
          ok: false,
          reason: `${f.ref.column.name} is a date; I can give its earliest and latest values.`,
        };
      if (f.kind === 'column' && isIdColumn(f.ref.column))
        return { ok: false, reason: `${f.ref.column.name} is an identifier, not a quantity.` };
      measures.push({ fn: m.fn, field: f });
    }
    const s = st.shape;
    switch (s.kind) {
      case 'aggregate':
      case 'rank-groups': {
        if (!measures.length) measures.push({ fn: 'count' });
        // "percent of orders by status" reads as each status's share of all orders
        if (
          measures[0]!.fn === 'percent' &&
          groupBy.length &&
          (measures[0] as { where: Condition[] }).where.length === 0
        )
          return {
            ok: false,
            reason:
              'I can give the share of rows matching a condition, e.g. "what percentage of orders are refunded".',
          };
        if (
          measures[0]!.fn === 'percent' &&
          !groupBy.length &&
          (measures[0] as { where: Condition[] }).where.length === 0
        )
          return {
            ok: false,
            reason: 'A percentage of what? Name a condition, e.g. "what percentage of orders are refunded".',
          };
        return {
          ok: true,
          query: {
            kind: 'aggregate',
            table,
            measures,
            groupBy,
            where,
            ...(s.kind === 'rank-groups' ? { order: { by: 'measure', dir: s.dir }, limit: s.limit } : {}),
            ...(s.kind === 'aggregate' && s.dir && groupBy.length
              ? { order: { by: groupBy.some((g) => g.kind === 'period') ? 'group' : 'measure', dir: s.dir } }
              : {}),
            ...(st.having ? { having: st.having } : {}),
          },
        };
      }
      case 'rows': {
        if (groupBy.length) return { ok: false, reason: 'I could not tell what to compute for each group.' };
        const columns = this.projection(table);
        if (typeof columns === 'string') return { ok: false, reason: columns };
        return {
          ok: true,
          query: {
            kind: 'rows',
            table,
            where,
            limit: s.limit ?? 50,
            ...(columns.length ? { columns } : {}),
            ...(st.random ? { random: true } : {}),
          },
        };
      }
      case 'rank-rows': {
        const f = this.fieldFor(s.by, table);
        if (typeof f === 'string') {
          // "customers who spent the most": rank parents by the sum of a child's column
          const ref = this.childCandidates(s.by.subject, table)[0];
          const j = ref && this.joins.find((j) => j.child === ref.table && j.parent === table);
          if (
            !ref ||
            !j ||
            !isMeasure(ref.column) ||
            where.some((c) => c.op === 'related' || c.op === 'related-count')
          )
            return { ok: false, reason: f };
          const money = columnsFor('money', ref.table).some((m) => m.column === ref.column);
          return {
            ok: true,
            query: {
              kind: 'aggregate',
              table: ref.table,
              measures: [{ fn: s.agg ?? (money ? 'sum' : 'avg'), field: { kind: 'column', ref } }],
              groupBy: [{ kind: 'column', ref: { table: ref.table, column: j.fk } }],
              where,
              order: { by: 'measure', dir: s.dir },
              limit: s.limit,
            },
          };
        }
        if (groupBy.length) {
          const fn: Aggregate = s.dir === 'desc' ? 'max' : 'min';
          return {
            ok: true,
            query: {
              kind: 'aggregate',
              table,
              measures: [{ fn, field: f }],
              groupBy,
              where,
              order: { by: 'measure', dir: s.dir },
              limit: s.limit,
            },
          };
        }
        const columns = this.projection(table);
        if (typeof columns === 'string') return { ok: false, reason: columns };
        return {
          ok: true,
          query: {
            kind: 'rows',
            table,
            where,
            orderBy: { field: f, dir: s.dir },
            limit: s.limit,
            ...(columns.length
              ? { columns: columns.some((c) => c.ref.column === f.ref.column) ? columns : [...columns, f] }
              : {}),
          },
        };
      }
      case 'distinct': {
        const f = this.fieldFor(s.field, table);
        if (typeof f === 'string') return { ok: false, reason: f };
        return { ok: true, query: { kind: 'distinct', table, field: f, where } };
      }
      case 'histogram': {
        const f = this.fieldFor(s.field, table);
        if (typeof f === 'string') return { ok: false, reason: f };
        if (f.kind === 'column' && isTemporal(f.ref.column))
          return {
            ok: true,
            query: {
              kind: 'aggregate',
              table,
              measures: [{ fn: 'count' }],
              groupBy: [{ kind: 'period', ref: f.ref, unit: 'month' }],
              where,
            },
          };
        if (f.kind === 'column' && !isNumeric(f.ref.column))
          return {
            ok: true,
            query: { kind: 'aggregate', table, measures: [{ fn: 'count' }], groupBy: [f], where },
          };
        return { ok: true, query: { kind: 'histogram', table, field: f, where } };
      }
      case 'correlation': {
        const a = this.fieldFor(s.a, table);
        const b = this.fieldFor(s.b, table);
        if (typeof a === 'string') return { ok: false, reason: a };
        if (typeof b === 'string') return { ok: false, reason: b };
        for (const f of [a, b])
          if (f.kind === 'column' && !isNumeric(f.ref.column))
            return { ok: false, reason: `${f.ref.column.name} is not numeric, so it has no correlation.` };
        return { ok: true, query: { kind: 'correlation', table, a, b, where } };
      }
      case 'null-report':
        return { ok: true, query: { kind: 'null-report', table } };
      case 'per-parent':
        if (groupBy.length || measures.length)
          return { ok: false, reason: 'I can only average the count over all of them.' };
        return { ok: true, query: { kind: 'per-parent', table, parent: s.parent, where } };
    }
  }

  private condition(
    pc: PendingCondition,
    table: TableProfile,
  ): { conditions: Condition[]; child?: TableProfile } | string {
    if (pc.kind === 'related' || pc.kind === 'related-count') {
      const j = this.joins.find((j) => j.child === pc.table && j.parent === table);
      if (!j) return `I could not relate ${pc.table.name} to ${table.name}.`;
      if (pc.kind === 'related')
        return {
          conditions: [
            { op: 'related', child: pc.table, fk: j.fk.name, pk: j.pk.name, where: [], negate: pc.negate },
          ],
        };
      return {
        conditions: [
          {
            op: 'related-count',
            child: pc.table,
            fk: j.fk.name,
            pk: j.pk.name,
            cmp: pc.cmp,
            value: pc.value,
          },
        ],
      };
    }
    return this.columnCondition(pc, table);
  }

  private columnCondition(
    pc: Exclude<PendingCondition, { kind: 'related' | 'related-count' }>,
    table: TableProfile,
  ): { conditions: Condition[]; child?: TableProfile } | string {
    const subject: Subject =
      pc.kind === 'values' || pc.kind === 'bool' ? { type: 'item', item: pc.item } : pc.subject;
    let ref = this.candidates(subject, table)[0]?.ref;
    let child: TableProfile | undefined;
    if (!ref) {
      ref = this.childCandidates(subject, table)[0];
      if (!ref) return `I could not find ${this.describe(subject)} in ${table.name}.`;
      child = ref.table;
    }
    const field = this.plainField(subject, ref);
    const col = ref.column;
    const temporal = isTemporal(col) && field.kind !== 'age';
    const wrap = (conditions: Condition[]) => ({ conditions, ...(child ? { child } : {}) });
    switch (pc.kind) {
      case 'values': {
        const values = [...new Set(pc.item.refs.filter((r) => r.column === col).map((r) => r.value))];
        return wrap([{ op: 'in', field, values, negate: pc.negate }]);
      }
      case 'bool':
        return wrap([{ op: 'in', field, values: [pc.value], negate: false }]);
      case 'null':
        return wrap([{ op: 'null', field, negate: pc.negate }]);
      case 'text':
        return wrap([{ op: 'text', field, mode: pc.mode, text: pc.text, negate: pc.negate }]);
      case 'vs-average':
        if (!isNumeric(col) && field.kind !== 'age') return `${col.name} is not a number.`;
        return wrap([{ op: 'vs-average', field, cmp: pc.cmp }]);
      case 'recent':
        if (!temporal) return `${col.name} is not a date.`;
        return wrap([{ op: 'recent', field, amount: pc.amount, unit: pc.unit }]);
      case 'period': {
        if (!temporal) return `${col.name} is not a date.`;
        const r = dateRange(pc.date);
        if (!r) {
          if (pc.date.month !== undefined && pc.date.day === undefined)
            return wrap([{ op: 'month-of-year', field, month: pc.date.month }]);
          return `Which year do you mean for ${Object.values(pc.date).join(' ')}?`;
        }
        return wrap(this.range(field, r));
      }
      case 'compare': {
        if (temporal) {
          const d: DateValue | undefined =
            typeof pc.operand === 'number' ? (pc.yearLike ? { year: pc.operand } : undefined) : pc.operand;
          const r = d && dateRange(d);
          if (!r) return `I could not read a date for ${col.name}.`;
          switch (pc.cmp) {
            case '>':
              return wrap([{ op: 'compare', field, cmp: '>=', value: this.after(r) }]);
            case '>=':
              return wrap([{ op: 'compare', field, cmp: '>=', value: r.start }]);
            case '<':
              return wrap([{ op: 'compare', field, cmp: '<', value: r.start }]);
            case '<=':
              return wrap([{ op: 'compare', field, cmp: '<', value: this.after(r) }]);
            case '=':
              return wrap(this.range(field, r));
            case '!=':
              return `I cannot exclude a date yet.`;
          }
        }
        if (typeof pc.operand !== 'number') return `${col.name} is not a date.`;
        if (!isNumeric(col) && field.kind !== 'age') return `${col.name} is not a number.`;
        if (pc.cmp === '=' || pc.cmp === '!=')
          return wrap([{ op: 'in', field, values: [pc.operand], negate: pc.cmp === '!=' }]);
        return wrap([{ op: 'compare', field, cmp: pc.cmp, value: pc.operand }]);
      }
      case 'between': {
        if (temporal) {
          if (typeof pc.low === 'number' && !pc.yearLike)
            return `I could not read the dates for ${col.name}.`;
          const toRange = (o: Operand) => dateRange(typeof o === 'number' ? { year: o } : o);
          const a = toRange(pc.low);
          const b = toRange(pc.high);
          if (!a || !b) return `I could not read the dates for ${col.name}.`;
          return wrap([
            { op: 'compare', field, cmp: '>=', value: a.start },
            { op: 'compare', field, cmp: '<', value: this.after(b) },
          ]);
        }
        if (typeof pc.low !== 'number' || typeof pc.high !== 'number') return `${col.name} is not a date.`;
        if (!isNumeric(col) && field.kind !== 'age') return `${col.name} is not a number.`;
        return wrap([{ op: 'between', field, low: pc.low, high: pc.high }]);
      }
    }
  }

  /** The first instant after a range (for an instant: the instant itself, compared strictly later). */
  private after(r: Range): Instant {
    return r.end;
  }

  private range(field: Field, r: Range): Condition[] {
    if ('at' in r.start)
      return [
        { op: 'compare', field, cmp: '>=', value: r.start },
        { op: 'compare', field, cmp: '<=', value: r.end },
      ];
    return [
      { op: 'compare', field, cmp: '>=', value: r.start },
      { op: 'compare', field, cmp: '<', value: r.end },
    ];
  }
}
