import { type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import type { ColumnKind } from './column-builder.ts';

/**
 * How one column is selected: DuckDB converts every value, so JS reads doubles, booleans and
 * strings; a text column comes with a hash of each value (see the text ColumnBuilder).
 */
export type ColumnPlan = { name: string; kind: ColumnKind; sql: string[] };

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function columnPlan(name: string, type: DuckDBType): ColumnPlan {
  const col = quoteIdent(name);
  const plan = (kind: ColumnKind, sql: string): ColumnPlan => ({ name, kind, sql: [sql] });
  const number = (integer: boolean) => plan({ type: 'number', integer }, `CAST(${col} AS DOUBLE)`);
  const text = (sql: string): ColumnPlan => ({ name, kind: { type: 'text' }, sql: [`hash(${sql})`, sql] });
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
      return number(true);
    case DuckDBTypeId.DECIMAL:
      return number(type.scale === 0);
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return number(false);
    case DuckDBTypeId.BOOLEAN:
      return plan({ type: 'boolean' }, col);
    case DuckDBTypeId.DATE:
      return plan({ type: 'date' }, `CAST(epoch_ms(CAST(${col} AS TIMESTAMP)) AS DOUBLE)`);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return plan({ type: 'datetime' }, `CAST(epoch_ms(${col}) AS DOUBLE)`);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
      return plan({ type: 'datetime' }, `CAST(epoch_ms(CAST(${col} AS TIMESTAMP)) AS DOUBLE)`);
    case DuckDBTypeId.VARCHAR:
      return text(col);
    case DuckDBTypeId.STRUCT:
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
    case DuckDBTypeId.MAP:
    case DuckDBTypeId.UNION:
      // Nested JSON values stay JSON text rather than DuckDB's own {'a': 1} notation.
      return text(`CAST(to_json(${col}) AS VARCHAR)`);
    default:
      return text(`CAST(${col} AS VARCHAR)`);
  }
}
