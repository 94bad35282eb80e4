import type { SampleFormat } from '@synoptic/contract';

const FORMATS: Record<string, SampleFormat> = {
  csv: 'csv',
  tsv: 'csv',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  parquet: 'parquet',
};

/** The format a file name's extension promises, or undefined for files we do not read. */
export function sampleFormatOf(fileName: string): SampleFormat | undefined {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return match ? FORMATS[match[1]!.toLowerCase()] : undefined;
}
