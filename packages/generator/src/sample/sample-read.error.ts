/** A sample that cannot be read, with a message that tells the person who uploaded it what to fix. */
export class SampleReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SampleReadError';
  }
}
