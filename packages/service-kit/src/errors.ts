import { z } from 'zod';

/** Every error code either service returns, and the one HTTP status each maps to. */
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  report_not_found: 404,
  conflict: 409,
  sample_in_use: 409,
  privacy_review_required: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorDetail = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  /** Seconds the client should wait before trying again (sent as Retry-After). */
  readonly retryAfter: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: ErrorDetail[]; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z
        .enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]])
        .describe('Stable machine-readable code'),
      message: z.string().describe('What went wrong, in words a person can act on'),
      details: z
        .array(
          z.object({
            path: z.string().describe('Dotted path of the offending field, e.g. `tables[0].name`'),
            message: z.string(),
          }),
        )
        .optional()
        .describe('Field-level problems, for validation errors'),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Formats a zod issue path (`['tables', 1, 'name']`) as `tables[1].name`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

const errorDescriptions: Record<number, string> = {
  400: 'The input is invalid; `details` lists each field.',
  401: 'Not signed in, or the credentials are invalid.',
  403: 'Signed in, but not allowed to do this.',
  404: 'No such resource, or not visible to the caller.',
  409: 'Conflicts with the current state.',
  413: 'The request body is too large.',
  416: 'The requested byte range is outside the file.',
  422: 'Understood, but cannot be done (a limit or a rule).',
  429: 'Too many requests; `Retry-After` says when to try again.',
  503: 'A service this one depends on is unavailable.',
};

/** The error responses a route can give, documented with the one error shape. */
export function errorResponses<S extends keyof typeof errorDescriptions & number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: errorDescriptions[status] ?? 'Error',
        content: { 'application/json': { schema: errorBodySchema } },
      },
    ]),
  ) as Record<
    S,
    { description: string; content: { 'application/json': { schema: typeof errorBodySchema } } }
  >;
}
