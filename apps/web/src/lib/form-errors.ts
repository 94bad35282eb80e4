import { ApiError, errorMessage } from './api';

/** The api's message for one field of a failed submit, if it named that field. */
export function fieldError(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(path) : undefined;
}

/** The message to show above a form: none when the api pinned the problem on a field we show. */
export function formError(error: unknown, fields: string[]): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError && error.details.some((detail) => fields.includes(detail.path))) {
    return undefined;
  }
  return errorMessage(error);
}
