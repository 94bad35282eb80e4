import type { paths } from '@synoptic/contract/api-types';
import createClient, { type Middleware } from 'openapi-fetch';

/** The one way the web app talks to the api: typed from openapi.yaml, same origin, cookies included. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

export type ErrorDetail = { path: string; message: string };

export type ApiErrorBody = {
  error: { code: string; message: string; details?: ErrorDetail[] };
};

export const networkErrorMessage = 'Cannot reach Synoptic. Check your connection.';

/** A failed api call, with a message a person can act on and the api's field-level problems. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  /** Seconds to wait, from `Retry-After` on a 429. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: ErrorDetail[];
    retryAfterSeconds?: number;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The api's message for one field (`password`, `newPassword` …), when it named that field. */
  fieldError(path: string): string | undefined {
    return this.details.find((detail) => detail.path === path)?.message;
  }
}

/** "1 minute", "5 minutes": never less than a minute, so the wait is never promised too short. */
export function waitPhrase(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** Turns an error answer into an ApiError; a 429 says how long to wait. */
export function toApiError(body: unknown, response: Response): ApiError {
  const error = (body as Partial<ApiErrorBody> | undefined)?.error;
  const retryAfter = response.status === 429 ? retryAfterSeconds(response) : undefined;
  let message =
    error?.message ??
    (response.status >= 500
      ? 'Synoptic ran into a problem. Please try again in a moment.'
      : 'Something went wrong. Please try again.');
  if (response.status === 429) {
    message = `Too many attempts. Please try again in ${waitPhrase(retryAfter ?? 60)}.`;
  }
  return new ApiError({
    status: response.status,
    code: error?.code ?? 'unknown',
    message,
    ...(error?.details ? { details: error.details } : {}),
    ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
  });
}

/**
 * Awaits a client call and returns its data; throws an ApiError for an error answer and for a
 * network failure, so callers (and TanStack Query) see one kind of error.
 */
export async function call<D>(
  pending: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<D> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch {
    throw new ApiError({ status: 0, code: 'network', message: networkErrorMessage });
  }
  if (!result.response.ok) throw toApiError(result.error, result.response);
  return result.data as D;
}

/** Turns any error into a sentence a person can act on. */
export function errorMessage(error: unknown, fallback = 'Something went wrong. Please try again.'): string {
  if (error instanceof ApiError) return error.message;
  const body = error as Partial<ApiErrorBody> | undefined;
  return body?.error?.message ?? fallback;
}

let onUnauthenticated: (() => void) | undefined;

/** Who to tell when the api answers 401 outside sign-in: the session ended or was revoked elsewhere. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

/** Says the session ended: for requests outside the typed client too (uploads). */
export function sessionEnded(): void {
  onUnauthenticated?.();
}

// A 401 from /api/auth/* means wrong credentials or an expired sign-in step, not a lost session.
const sessionWatch: Middleware = {
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/auth/')) sessionEnded();
    return undefined;
  },
};
api.use(sessionWatch);
