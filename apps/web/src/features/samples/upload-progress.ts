import { formatBytes, GiB } from '../projects/format-bytes';

// The pure side of uploading a sample: what the picker offers, what the request declares, and how
// progress reads. Relative imports keep it loadable by the unit tests, which have no DOM.

/** The api's default limit (SAMPLE_MAX_BYTES); the api decides, this is what the screen promises. */
export const sampleMaxBytes = GiB;

/** What the file picker offers: the api tells the format from the file name's extension. */
export const sampleAccept = '.csv,.tsv,.jsonl,.ndjson,.parquet';

// The body types the api accepts for an upload; a browser's guess outside them (Excel's CSV type on
// Windows, say) is sent as plain bytes instead, since the name carries the format anyway.
const uploadContentTypes = new Set([
  'text/csv',
  'text/tab-separated-values',
  'application/x-ndjson',
  'application/jsonl',
  'application/vnd.apache.parquet',
]);

/** The Content-Type an upload of `file` declares. */
export function uploadContentType(file: { type: string }): string {
  return uploadContentTypes.has(file.type) ? file.type : 'application/octet-stream';
}

export type UploadProgress = { loaded: number; total: number };

/** Whole percent sent, never 100 before the last byte has gone. */
export function uploadPercent({ loaded, total }: UploadProgress): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((loaded / total) * 100));
}

/** "12.5 MiB of 100 MiB"; the bytes so far alone while the total is unknown. */
export function formatUploadProgress(progress: UploadProgress): string {
  if (progress.total <= 0) return formatBytes(progress.loaded);
  return `${formatBytes(Math.min(progress.loaded, progress.total))} of ${formatBytes(progress.total)}`;
}
