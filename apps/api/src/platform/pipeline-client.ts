import { requestIdHeader } from '@synoptic/service-kit';

/** The api's only way to reach the generation pipeline: HTTP, as two deployments would. */
export type PipelineClient = {
  /** Resolves when the pipeline answers that it is ready; throws with the reason otherwise. */
  checkReady(requestId?: string): Promise<void>;
};

export function createPipelineClient(baseUrl: string): PipelineClient {
  return {
    async checkReady(requestId) {
      const response = await fetch(new URL('/readyz', baseUrl), {
        headers: requestId ? { [requestIdHeader]: requestId } : {},
        signal: AbortSignal.timeout(1500),
      }).catch((err: Error) => {
        throw new Error(
          `pipeline unreachable at ${baseUrl}: ${err.cause instanceof Error ? err.cause.message : err.message}`,
        );
      });
      if (!response.ok) throw new Error(`pipeline not ready (HTTP ${response.status})`);
    },
  };
}
