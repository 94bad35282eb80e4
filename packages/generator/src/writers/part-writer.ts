import type { Column, FieldGen } from '../fields/field-gen.ts';
import type { ByteSink } from './byte-sink.ts';

/** Serialises blocks of one table into one standalone part file. */
export interface PartWriter {
  /** Bytes produced so far are taken from here between blocks. */
  readonly sink: ByteSink;
  begin(): void;
  block(columns: Column[], n: number): void;
  end(): void;
}

export type WriterInput = { table: string; fields: FieldGen[] };
