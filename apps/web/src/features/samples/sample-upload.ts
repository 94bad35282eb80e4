import { formatBytes } from '@/features/projects/format-bytes';
import { ApiError, networkErrorMessage, sessionEnded, toApiError } from '@/lib/api';
import { sampleMaxBytes, type UploadProgress, uploadContentType } from './upload-progress';
import type { Sample } from './use-samples';

export const uploadCancelledCode = 'cancelled';

/** The api's answer to a failed upload, with plain words for the refusals a proxy may send bare. */
export function uploadError(status: number, body: unknown, retryAfter: string | null): ApiError {
  const error = toApiError(
    body,
    new Response(null, { status, headers: retryAfter ? { 'Retry-After': retryAfter } : {} }),
  );
  if (status === 413 && error.code === 'unknown')
    return new ApiError({
      status,
      code: 'payload_too_large',
      message: `The file is larger than the ${formatBytes(sampleMaxBytes)} a sample may have.`,
    });
  return error;
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Streams a file to the project's samples. XMLHttpRequest rather than fetch: only it reports how
 * many bytes have gone. Same origin, so the browser sends the Origin the api's CSRF check expects.
 * `done` rejects with an ApiError; after `cancel` its code is `cancelled`.
 */
export function startSampleUpload(
  projectId: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
): { done: Promise<Sample>; cancel: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Sample>((resolve, reject) => {
    xhr.upload.addEventListener('progress', (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    });
    xhr.addEventListener('load', () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Sample);
      else reject(uploadError(xhr.status, body, xhr.getResponseHeader('Retry-After')));
      if (xhr.status === 401) sessionEnded();
    });
    xhr.addEventListener('error', () =>
      reject(new ApiError({ status: 0, code: 'network', message: networkErrorMessage })),
    );
    xhr.addEventListener('abort', () =>
      reject(new ApiError({ status: 0, code: uploadCancelledCode, message: 'The upload was cancelled.' })),
    );
  });
  xhr.open(
    'POST',
    `/api/projects/${encodeURIComponent(projectId)}/samples?name=${encodeURIComponent(file.name)}`,
  );
  xhr.setRequestHeader('Content-Type', uploadContentType(file));
  xhr.send(file);
  return { done, cancel: () => xhr.abort() };
}
