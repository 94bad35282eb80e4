import {
  fieldSpecSchema,
  type SampleColumnProfile,
  type SampleFormat,
  type SampleProfile,
} from '@synoptic/contract';
import type { DataColumn, DataTable } from '../tabular/data-table.ts';
import { columnFacts } from './column-facts.ts';
import { fieldNames } from './field-names.ts';
import { maskValue } from './mask-value.ts';
import { personalGuess } from './personal-data.ts';
import { suggestField } from './suggest-field.ts';

/** Below this many values, every guess is less sure in proportion. */
const CONFIDENT_VALUES = 30;

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

function profileColumn(
  col: DataColumn,
  field: string,
  table: { rows: number; totalRows: number },
): SampleColumnProfile {
  const facts = columnFacts(col);
  const nullShare = table.rows === 0 ? 0 : (table.rows - facts.nonNull) / table.rows;
  const guess = personalGuess(col.name, facts);
  const kind = guess.kind;
  const seen = Math.min(1, facts.nonNull / CONFIDENT_VALUES);
  const sure = facts.typeConfidence * guess.confidence * (0.5 + 0.5 * seen);
  const shown = (v: string | null) => (v === null || kind === null ? v : maskValue(v, kind));
  const suggested = fieldSpecSchema.parse(
    suggestField({ name: col.name, field, facts, nullShare, totalRows: table.totalRows }, kind),
  );
  return {
    name: col.name,
    type: facts.type,
    nullShare: round(nullShare, 4),
    distinct: facts.distinct,
    min: shown(facts.min),
    max: shown(facts.max),
    // Masks can coincide (E••• for Emma and Ethan): more values are masked until five differ.
    examples: [...new Set([...facts.examples, ...(kind ? facts.checked : [])].map((e) => shown(e)!))].slice(
      0,
      5,
    ),
    personalData: kind,
    confidence: round(facts.nonNull === 0 ? 0.2 : sure, 2),
    suggested,
  };
}

/**
 * Each column's type, likely personal data and the field the schema builder starts from. `totalRows`
 * is the row count of the whole file, which the table may be a sample of.
 */
export function profileSample(
  table: DataTable,
  opts: { format: SampleFormat; totalRows: number },
): SampleProfile {
  const fields = fieldNames(table.columns.map((c) => c.name));
  return {
    format: opts.format,
    rows: opts.totalRows,
    columns: table.columns.map((col, i) =>
      profileColumn(col, fields[i]!, { rows: table.rows, totalRows: opts.totalRows }),
    ),
  };
}
