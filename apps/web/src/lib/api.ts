import type { paths } from '@synoptic/contract/api-types';
import createClient from 'openapi-fetch';

/** The one way the web app talks to the api: typed from openapi.yaml, same origin, cookies included. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

export type ApiErrorBody = {
  error: { code: string; message: string; details?: Array<{ path: string; message: string }> };
};

/** Turns an error body into a sentence a person can act on. */
export function errorMessage(error: unknown, fallback = 'Something went wrong. Please try again.'): string {
  const body = error as Partial<ApiErrorBody> | undefined;
  return body?.error?.message ?? fallback;
}
