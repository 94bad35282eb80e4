import type { GeneratorConfig } from '@synoptic/contract';
import type { components } from '@synoptic/contract/pipeline-types';
import { requestIdHeader, type SigningKey, signRequest } from '@synoptic/service-kit';

type Schemas = components['schemas'];
export type PipelineJob = Schemas['PipelineJob'];
export type PipelineManifest = Schemas['PipelineManifest'];
export type PipelineLogs = Schemas['PipelineJobLogs'];
export type PipelinePreview = Schemas['PipelinePreview'];
// The configuration travels as the contract's own type; the generated document types describe the
// same JSON, but as a separate declaration TypeScript cannot see is identical.
type WithConfig<T> = Omit<T, 'config'> & { config: GeneratorConfig };
export type PipelineJobRequest = WithConfig<Schemas['CreatePipelineJobInput']>;
export type PipelinePreviewRequest = WithConfig<Schemas['PipelinePreviewRequestInput']>;

/** The pipeline answered, but refused: `status` and its error body say why. */
export class PipelineRejectedError extends Error {
  constructor(
    readonly status: number,
    readonly body: {
      error?: { code?: string; message?: string; details?: Array<{ path: string; message: string }> };
    },
  ) {
    super(body.error?.message ?? `pipeline answered HTTP ${status}`);
    this.name = 'PipelineRejectedError';
  }
}

/** The pipeline could not be reached or failed on its side: worth trying again later. */
export class PipelineUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineUnavailableError';
  }
}

/** The api's only way to reach the generation pipeline: signed HTTP, as two deployments would. */
export type PipelineClient = {
  /** Resolves when the pipeline answers that it is ready; throws with the reason otherwise. */
  checkReady(requestId?: string): Promise<void>;
  submitJob(body: PipelineJobRequest, idempotencyKey: string): Promise<PipelineJob>;
  getJob(pipelineJobId: string): Promise<PipelineJob>;
  cancelJob(pipelineJobId: string): Promise<PipelineJob>;
  getLogs(pipelineJobId: string, after: number, limit: number): Promise<PipelineLogs>;
  getManifest(pipelineJobId: string): Promise<PipelineManifest>;
  preview(body: PipelinePreviewRequest, requestId?: string): Promise<PipelinePreview>;
};

export function createPipelineClient(baseUrl: string, key: SigningKey, timeoutMs = 10_000): PipelineClient {
  // fetch hides the network's own reason (refused, timed out) in `cause`.
  const unreachable = (err: unknown) => {
    const reason =
      err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    return new PipelineUnavailableError(`pipeline unreachable at ${baseUrl}: ${reason}`);
  };

  const call = async <T>(
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; requestId?: string | undefined } = {},
  ): Promise<T> => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.requestId ? { [requestIdHeader]: options.requestId } : {}),
          ...options.headers,
          ...signRequest(key, { method, path, body }),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw unreachable(err);
    }
    const payload: unknown = await response.json().catch(() => ({}));
    if (response.status >= 500)
      throw new PipelineUnavailableError(`pipeline failed (HTTP ${response.status})`);
    if (!response.ok)
      throw new PipelineRejectedError(response.status, payload as PipelineRejectedError['body']);
    return payload as T;
  };

  return {
    async checkReady(requestId) {
      const response = await fetch(new URL('/readyz', baseUrl), {
        headers: requestId ? { [requestIdHeader]: requestId } : {},
        signal: AbortSignal.timeout(1500),
      }).catch((err: unknown) => {
        throw unreachable(err);
      });
      if (!response.ok) throw new Error(`pipeline not ready (HTTP ${response.status})`);
    },
    submitJob: (body, idempotencyKey) =>
      call('POST', '/v1/jobs', { body, headers: { 'idempotency-key': idempotencyKey } }),
    getJob: (id) => call('GET', `/v1/jobs/${encodeURIComponent(id)}`),
    cancelJob: (id) => call('POST', `/v1/jobs/${encodeURIComponent(id)}/cancel`),
    getLogs: (id, after, limit) =>
      call('GET', `/v1/jobs/${encodeURIComponent(id)}/logs?after=${after}&limit=${limit}`),
    getManifest: (id) => call('GET', `/v1/jobs/${encodeURIComponent(id)}/manifest`),
    preview: (body, requestId) => call('POST', '/v1/preview', { body, requestId }),
  };
}

/** The key that signs: the first of PIPELINE_SIGNING_KEYS (the second is only accepted, during a rotation). */
export function signingKeyOf(config: { PIPELINE_SIGNING_KEYS: SigningKey[] }): SigningKey {
  const [key] = config.PIPELINE_SIGNING_KEYS;
  if (!key) throw new Error('PIPELINE_SIGNING_KEYS is empty');
  return key;
}
