import { AppError } from '@synoptic/service-kit';

/** Opaque page cursors: clients pass back what they were given and cannot depend on its inside. */
export function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): string[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string')) {
      return values as string[];
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'The page cursor is not valid.', {
    details: [{ path: 'cursor', message: 'Use a cursor from a previous page, or none for the first page.' }],
  });
}
