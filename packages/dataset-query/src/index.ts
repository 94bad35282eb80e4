export type {
  CellValue,
  ColumnKind,
  ColumnProfile,
  ColumnSchema,
  ColumnStats,
  Dataset,
  DatasetCatalog,
  DatasetCatalogOptions,
  DatasetFormat,
  DatasetSource,
  FetchObject,
  Filter,
  QueryResult,
  RowsPage,
  RowsQuery,
  Sort,
  TableProfile,
  TableSchema,
} from './dataset.types.ts';
export { createDatasetCatalog } from './dataset-catalog.ts';
export { DatasetQueryError, type DatasetQueryErrorCode } from './dataset-query.error.ts';
