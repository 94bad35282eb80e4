/**
 * A name as the lower-case words of an identifier, joined by `_`: `First Name`, `firstName` and
 * `FIRST-NAME` all give first_name, `Café` gives cafe; '' when nothing is left. Profiling names
 * fields with it, the web app matches fields back to sample columns with it, and table names come
 * from file names through it, so the three always agree.
 */
export function identifierWords(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}
