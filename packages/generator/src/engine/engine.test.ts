import { describe, expect, it } from 'vitest';
import { config, shardBytes, tableRows } from '../../test/helpers.ts';
import {
  BLOCK_ROWS,
  ENGINE_VERSION,
  estimateOutput,
  fieldTypeCatalog,
  GenerationError,
  generateShard,
  planJob,
  previewConfig,
} from '../index.ts';

const shop = config({
  tables: [
    {
      name: 'customers',
      rows: 100_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'name', type: 'full_name' },
        { name: 'email', type: 'email', unique: true },
        { name: 'signup', type: 'date' },
      ],
    },
    {
      name: 'orders',
      parent: { table: 'customers', count: { distribution: 'poisson', mean: 2, max: 5 } },
      fields: [
        { name: 'customer_id', type: 'reference', table: 'customers', field: 'id' },
        { name: 'qty', type: 'integer', min: 1, max: 5 },
        { name: 'price', type: 'price' },
        { name: 'total', type: 'expression', expression: 'qty * price' },
        { name: 'label', type: 'template', template: 'Order for {{first_name}} ({{qty}} items)' },
      ],
    },
  ],
});

describe('preview', () => {
  it('returns the first rows of every table with column types', () => {
    const p = previewConfig(shop, { seed: 1, rows: 20 });
    expect(p.tables.map((t) => t.rows.length)).toEqual([20, 20]);
    expect(p.tables[1]!.columns).toEqual([
      { name: 'customer_id', type: 'integer' },
      { name: 'qty', type: 'integer' },
      { name: 'price', type: 'decimal' },
      { name: 'total', type: 'decimal' },
      { name: 'label', type: 'string' },
    ]);
    const o = p.tables[1]!.rows[0]!;
    expect(o.total).toBeCloseTo((o.qty as number) * (o.price as number), 2);
    expect(String(o.label)).toMatch(/^Order for \S+ \(\d items\)$/);
  });

  it('shows exactly the rows a full run starts with', async () => {
    const p = previewConfig(shop, { seed: 'x', rows: 15 });
    const full = await tableRows(shop, 'x', 'orders');
    expect(p.tables[1]!.rows).toEqual(full.slice(0, 15));
  });

  it('previews 20 rows in under 50 ms once warm', () => {
    previewConfig(shop, { seed: 1, rows: 20 });
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      previewConfig(shop, { seed: k, rows: 20 });
      times.push(performance.now() - t0);
    }
    expect(Math.min(...times)).toBeLessThan(50);
  });

  it('generates every field type in every locale', () => {
    const skip = new Set([
      'reference',
      'series_timestamp',
      'series_value',
      'categorical',
      'pattern',
      'constant',
      'template',
      'expression',
      // learns from a fitted sample: src/fields/learned.fields.test.ts
      'learned',
    ]);
    const fields = fieldTypeCatalog
      .filter((t) => !skip.has(t.id))
      .map((t) => ({ name: `f_${t.id}`, type: t.id }));
    for (const locale of ['en', 'de', 'fr', 'es', 'ja']) {
      const cfg = config({ locale, tables: [{ name: 't', rows: 30, fields }] });
      const p = previewConfig(cfg, { seed: locale, rows: 30 });
      for (const row of p.tables[0]!.rows) {
        for (const f of fields) expect(row[f.name], `${locale} ${f.type}`).not.toBeUndefined();
      }
    }
  });
});

describe('estimateOutput', () => {
  it('counts rows and estimates bytes per format within a reasonable margin', async () => {
    const small = config({
      tables: [
        {
          name: 'c',
          rows: 20_000,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'name', type: 'full_name' },
            { name: 'city', type: 'city' },
          ],
        },
      ],
    });
    const plan = planJob(small, { seed: 3 });
    for (const format of ['csv', 'jsonl', 'sql', 'parquet'] as const) {
      const est = estimateOutput(small, { format });
      expect(est.rows).toBe(20_000);
      const real = (await shardBytes(small, plan, plan.tables[0]!.shards[0]!, { format })).length;
      expect(Math.abs(est.bytes - real) / real, format).toBeLessThan(format === 'parquet' ? 0.5 : 0.1);
    }
    expect(estimateOutput(shop, { format: 'csv' }).tables.map((t) => t.name)).toEqual([
      'customers',
      'orders',
    ]);
  });
});

describe('generateShard', () => {
  it('stops between blocks when the signal aborts and reports rows done', async () => {
    const plan = planJob(shop, { seed: 1 });
    const controller = new AbortController();
    const seen: number[] = [];
    const run = async () => {
      for await (const _chunk of generateShard(
        shop,
        plan,
        plan.tables[0]!.shards[0]!,
        { format: 'csv' },
        {
          signal: controller.signal,
          onRows: (n) => {
            seen.push(n);
            if (n >= BLOCK_ROWS * 3) controller.abort();
          },
        },
      )) {
        // consume
      }
    };
    await expect(run()).rejects.toThrow(/abort/i);
    expect(seen).toEqual([BLOCK_ROWS, BLOCK_ROWS * 2, BLOCK_ROWS * 3]);
  });

  it('names table, field and row when an expression fails at run time', async () => {
    const bad = config({
      tables: [
        {
          name: 'items',
          rows: 10,
          fields: [
            { name: 'label', type: 'categorical', values: ['a', 'b'] },
            { name: 'ratio', type: 'expression', expression: '100 / label' },
          ],
        },
      ],
    });
    const plan = planJob(bad, { seed: 1 });
    const err = await shardBytes(bad, plan, plan.tables[0]!.shards[0]!, { format: 'csv' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GenerationError);
    expect((err as GenerationError).message).toMatch(
      /^table 'items', field 'ratio', row 1: '\/' needs a number, got the text "[ab]" \(expression: 100 \/ label\)$/,
    );
    expect((err as GenerationError).details).toEqual({ table: 'items', field: 'ratio', row: 0 });
  });

  it('refuses a plan made for another configuration or engine', async () => {
    const plan = planJob(shop, { seed: 1 });
    const other = config({
      tables: [{ name: 'customers', rows: 5, fields: [{ name: 'id', type: 'sequence' }] }],
    });
    await expect(shardBytes(other, plan, plan.tables[0]!.shards[0]!, { format: 'csv' })).rejects.toThrow(
      /different configuration/,
    );
    await expect(
      shardBytes(shop, { ...plan, engineVersion: '0.0.1' }, plan.tables[0]!.shards[0]!, { format: 'csv' }),
    ).rejects.toThrow(new RegExp(ENGINE_VERSION.replace(/\./g, '\\.')));
  });

  it('accepts the same config with its keys in another order (as read back from jsonb)', async () => {
    const plan = planJob(shop, { seed: 1 });
    const reordered = JSON.parse(JSON.stringify(shop), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    const a = await shardBytes(shop, plan, plan.tables[1]!.shards[0]!, { format: 'csv' });
    const b = await shardBytes(reordered, plan, plan.tables[1]!.shards[0]!, { format: 'csv' });
    expect(b.equals(a)).toBe(true);
  });

  it('evaluates date maths and conditionals in expressions', async () => {
    const cfg = config({
      tables: [
        {
          name: 't',
          rows: 200,
          fields: [
            { name: 'start', type: 'date', min: '2024-01-01', max: '2024-01-31' },
            { name: 'days', type: 'integer', min: 1, max: 10 },
            { name: 'end', type: 'expression', expression: 'add_days(start, days)' },
            { name: 'span', type: 'expression', expression: 'days_between(start, end)' },
            { name: 'size', type: 'expression', expression: 'days > 5 ? "long" : "short"' },
            { name: 'month', type: 'expression', expression: 'month(add_months(start, 1))' },
          ],
        },
      ],
    });
    const rows = await tableRows(cfg, 1, 't');
    for (const r of rows) {
      expect(r.span).toBe(r.days);
      expect(Date.parse(String(r.end)) - Date.parse(String(r.start))).toBe((r.days as number) * 86_400_000);
      expect(r.size).toBe((r.days as number) > 5 ? 'long' : 'short');
      expect(r.month).toBe(2);
    }
    expect(previewConfig(cfg, { seed: 1 }).tables[0]!.columns.map((c) => c.type)).toEqual([
      'date',
      'integer',
      'date',
      'integer',
      'string',
      'integer',
    ]);
  });
});
