export type DatasetQueryErrorCode =
  | 'invalid_query'
  | 'unsupported_format'
  | 'not_found'
  | 'timeout'
  | 'too_large'
  | 'refused';

/** Every failure the api should show its caller; anything else is an internal error. */
export class DatasetQueryError extends Error {
  readonly code: DatasetQueryErrorCode;
  /** The request field at fault (e.g. 'filters.0.column'), for field-level 400 details. */
  readonly field?: string;

  constructor(
    code: DatasetQueryErrorCode,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DatasetQueryError';
    this.code = code;
    if (options.field !== undefined) this.field = options.field;
  }
}
