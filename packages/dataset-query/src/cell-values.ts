import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { CellValue, ColumnKind } from './dataset.types.ts';

const DAY_MS = 86_400_000;
// Date can represent ±8.64e15 ms; beyond that fall back to DuckDB's own text.
const MAX_DATE_MS = 8.64e15;

export function kindOf(type: DuckDBType): ColumnKind {
  switch (type.typeId) {
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.UHUGEINT:
      return 'integer';
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.DECIMAL:
      return 'decimal';
    case DuckDBTypeId.BOOLEAN:
      return 'boolean';
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.UUID:
    case DuckDBTypeId.ENUM:
      return 'text';
    case DuckDBTypeId.DATE:
      return 'date';
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return 'timestamp';
    default:
      return 'other';
  }
}

/** The day as YYYY-MM-DD, as the generator writes it. */
export function formatDay(days: number): string {
  const ms = days * DAY_MS;
  if (Math.abs(ms) > MAX_DATE_MS) return new DuckDBDateValue(days).toString();
  return isoDate(new Date(ms));
}

function isoDate(d: Date): string {
  const y = d.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : String(y);
  return `${year}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** ISO 8601 like the generator writes it: milliseconds only when non-zero, 'Z' for instants. */
export function formatInstant(ms: number, zoned: boolean): string {
  const d = new Date(ms);
  const hms = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}:${String(d.getUTCSeconds()).padStart(2, '0')}`;
  const frac = d.getUTCMilliseconds();
  const fraction = frac ? `.${String(frac).padStart(3, '0')}` : '';
  return `${isoDate(d)}T${hms}${fraction}${zoned ? 'Z' : ''}`;
}

function instant(ms: number, zoned: boolean, fallback: { toString(): string }): string {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? formatInstant(ms, zoned) : fallback.toString();
}

/** Floor division, so instants before 1970 with sub-millisecond parts round down like Date does. */
function floorDiv(a: bigint, b: bigint): number {
  const q = a / b;
  return Number(a % b < 0n ? q - 1n : q);
}

function integer(v: bigint): number | string {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : String(v);
}

function decimal(v: number): number | string {
  return Number.isFinite(v) ? v : String(v);
}

export type CellReader = (value: DuckDBValue) => CellValue;

/** Converts DuckDB values of one column type into the JSON-friendly cells the api returns. */
export function cellReader(type: DuckDBType): CellReader {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return (v) => (v === null ? null : Boolean(v));
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
      return (v) => (v === null ? null : Number(v));
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.UHUGEINT:
      return (v) => (v === null ? null : typeof v === 'bigint' ? integer(v) : String(v));
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return (v) => (v === null ? null : decimal(Number(v)));
    case DuckDBTypeId.DECIMAL:
      return (v) => (v === null ? null : v instanceof DuckDBDecimalValue ? decimal(v.toDouble()) : Number(v));
    case DuckDBTypeId.DATE:
      return (v) =>
        v === null ? null : v instanceof DuckDBDateValue && v.isFinite ? formatDay(v.days) : String(v);
    case DuckDBTypeId.TIMESTAMP:
      return (v) =>
        v === null
          ? null
          : v instanceof DuckDBTimestampValue
            ? instant(floorDiv(v.micros, 1000n), false, v)
            : String(v);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return (v) =>
        v === null
          ? null
          : v instanceof DuckDBTimestampTZValue
            ? instant(floorDiv(v.micros, 1000n), true, v)
            : String(v);
    case DuckDBTypeId.TIMESTAMP_S:
      return (v) =>
        v === null
          ? null
          : v instanceof DuckDBTimestampSecondsValue
            ? instant(Number(v.seconds) * 1000, false, v)
            : String(v);
    case DuckDBTypeId.TIMESTAMP_MS:
      return (v) =>
        v === null
          ? null
          : v instanceof DuckDBTimestampMillisecondsValue
            ? instant(Number(v.millis), false, v)
            : String(v);
    case DuckDBTypeId.TIMESTAMP_NS:
      return (v) =>
        v === null
          ? null
          : v instanceof DuckDBTimestampNanosecondsValue
            ? instant(floorDiv(v.nanos, 1_000_000n), false, v)
            : String(v);
    case DuckDBTypeId.VARCHAR:
      return (v) => (v === null ? null : (v as string));
    default:
      return (v) => (v === null ? null : String(v));
  }
}

/** Characters of a cell, for result-size budgets. */
export function cellSize(v: CellValue): number {
  return typeof v === 'string' ? v.length : 8;
}
