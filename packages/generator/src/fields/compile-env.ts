import type { Locale, SequenceSpec } from '@synoptic/contract';
import type { LearnedTable } from '../learn/learned-table.ts';
import type { Permutation } from '../random/permutation.ts';
import type { StreamKey } from '../random/prng.ts';
import type { TableEnv } from './entities.ts';
import type { FieldGen, LogicalType } from './field-gen.ts';

/** What a field factory needs from its table and the model. */
export type CompileEnv = {
  env: TableEnv;
  tableName: string;
  /** The field's locale after field → table → config defaults. */
  locale: Locale;
  /** Person locale follows each row's country (the table lists countries, the field sets no locale). */
  autoLocale: boolean;
  /** Coherence group. */
  group: string;
  unique: boolean;
  /** Total rows of this table in the plan. */
  rows(): number;
  referenceDay: number;
  sequence: SequenceSpec | null;
  /** Key of a named stream of this table. */
  key(stream: string): StreamKey;
  /** Keyed permutation of [0, size) for a unique field. */
  perm(size: number): Permutation;
  /** Key field of another table; `driving` when the table is this table's parent. */
  reference(table: string, field: string): { gen: () => FieldGen; rows: () => number; driving: boolean };
  /** Output type of another field of this table (expressions). */
  logicalOf(name: string): LogicalType | undefined;
  /** The table's fitted sample, compiled for its learned fields. */
  learned(): LearnedTable;
};
