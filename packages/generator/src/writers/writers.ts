import type { OutputSpec } from '@synoptic/contract';
import { CsvWriter } from './csv.writer.ts';
import { JsonlWriter } from './jsonl.writer.ts';
import { ParquetPartWriter } from './parquet.writer.ts';
import type { PartWriter, WriterInput } from './part-writer.ts';
import { SqlWriter } from './sql.writer.ts';

export function createWriter(output: OutputSpec, input: WriterInput): PartWriter {
  switch (output.format) {
    case 'csv':
      return new CsvWriter(input, output.csv ?? {});
    case 'jsonl':
      return new JsonlWriter(input);
    case 'parquet':
      return new ParquetPartWriter(input);
    case 'sql':
      return new SqlWriter(input);
  }
}
