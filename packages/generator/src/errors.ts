/** A failure while generating data, with what a person needs to fix it. */
export class GenerationError extends Error {
  constructor(
    message: string,
    readonly details: { table?: string; field?: string; row?: number } = {},
  ) {
    super(message);
    this.name = 'GenerationError';
  }
}
