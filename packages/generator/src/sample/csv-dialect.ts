import { createReadStream } from 'node:fs';

// DuckDB's sniffer settles for a delimiter that gives one column when rows are ragged, and then
// reads a broken file as a table of whole lines. We choose the delimiter ourselves from the head
// of the file and point at the first row that does not fit, in the words a person can act on.

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Delimiters we recognise, in order of preference when two fit equally well. */
const DELIMITERS = [',', ';', '\t', '|'];
const HEAD_RECORDS = 1000;

type CsvRecord = { line: number; fields: number };
export type RaggedRecord = CsvRecord & { expected: number };

/**
 * Counts the fields of each record of a CSV stream ('"' quotes, quoted newlines and delimiters
 * allowed), calling `onRecord` with the physical line a record starts on; blank lines are skipped.
 * `onRecord` returns false to stop.
 */
class CsvRecordScanner {
  private inQuotes = false;
  private fields = 1;
  private empty = true;
  private line = 1;
  private recordLine = 1;
  private stopped = false;

  constructor(
    private readonly delimiter: number,
    private readonly onRecord: (record: CsvRecord) => boolean,
  ) {}

  /** Feeds bytes; false once `onRecord` asked to stop. */
  push(bytes: Uint8Array): boolean {
    if (this.stopped) return false;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b === QUOTE) {
        this.inQuotes = !this.inQuotes;
        this.empty = false;
      } else if (b === LF) {
        this.line++;
        if (this.inQuotes) continue;
        if (!this.empty && !this.onRecord({ line: this.recordLine, fields: this.fields })) {
          this.stopped = true;
          return false;
        }
        this.fields = 1;
        this.empty = true;
        this.recordLine = this.line;
      } else if (b === this.delimiter && !this.inQuotes) {
        this.fields++;
        this.empty = false;
      } else if (b !== CR) {
        this.empty = false;
      }
    }
    return true;
  }

  /** Ends the stream: the last record may lack a newline. */
  end(): void {
    if (!this.stopped && !this.empty) this.onRecord({ line: this.recordLine, fields: this.fields });
  }
}

/** Field counts of the complete records at the start of a file (a record cut by the head is left out). */
function headRecords(head: Uint8Array, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  new CsvRecordScanner(delimiter.charCodeAt(0), (r) => {
    records.push(r);
    return records.length < HEAD_RECORDS;
  }).push(head);
  return records;
}

function firstRagged(records: CsvRecord[]): RaggedRecord | undefined {
  const expected = records[0]?.fields ?? 0;
  const bad = records.find((r) => r.fields !== expected);
  return bad && { ...bad, expected };
}

export const raggedMessage = (r: RaggedRecord) =>
  `line ${r.line}: expected ${r.expected} column${r.expected === 1 ? '' : 's'}, found ${r.fields}`;

/**
 * The delimiter of a CSV file from its first bytes: of those splitting the header into more than
 * one column, the one most rows agree with (more columns breaks ties). One-column files get ','.
 */
export function detectDelimiter(head: Uint8Array): string {
  let best = { delimiter: ',', agreement: -1, columns: 1 };
  for (const delimiter of DELIMITERS) {
    const records = headRecords(head, delimiter);
    const columns = records[0]?.fields ?? 1;
    if (columns < 2) continue;
    const agreement = records.filter((r) => r.fields === columns).length / records.length;
    if (agreement > best.agreement || (agreement === best.agreement && columns > best.columns)) {
      best = { delimiter, agreement, columns };
    }
  }
  return best.delimiter;
}

/** The first record in the head whose field count differs from the header's. */
export function raggedInHead(head: Uint8Array, delimiter: string): RaggedRecord | undefined {
  return firstRagged(headRecords(head, delimiter));
}

/** Streams the whole file for the first record whose field count differs from the header's. */
export async function findRaggedRecord(path: string, delimiter: string): Promise<RaggedRecord | undefined> {
  let expected: number | undefined;
  let found: RaggedRecord | undefined;
  const scanner = new CsvRecordScanner(delimiter.charCodeAt(0), (r) => {
    expected ??= r.fields;
    if (r.fields === expected) return true;
    found = { ...r, expected };
    return false;
  });
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) if (!scanner.push(chunk as Buffer)) break;
  } finally {
    stream.destroy();
  }
  if (!found) scanner.end();
  return found;
}
