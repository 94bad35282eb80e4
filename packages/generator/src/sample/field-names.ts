import { identifierSchema, identifierWords } from '@synoptic/contract';

const MAX_LENGTH = 63;

/** A column name as snake_case words: `First Name` → first_name, `e-mail` → e_mail, `2024 sales` → c_2024_sales. */
function snakeCase(name: string): string {
  const words = identifierWords(name);
  if (!words) return 'column';
  return /^[a-z_]/.test(words) ? words : `c_${words}`;
}

const isIdentifier = (name: string) => identifierSchema.safeParse(name).success;

/**
 * Field names for a table's columns: a column's own name when it is a valid identifier, otherwise
 * its snake_case form; names stay unique ignoring case (as the config requires) with _2, _3 …
 */
export function fieldNames(columns: string[]): string[] {
  const taken = new Set<string>();
  const kept = columns.map((c) => {
    if (!isIdentifier(c) || taken.has(c.toLowerCase())) return undefined;
    taken.add(c.toLowerCase());
    return c;
  });
  return columns.map((column, i) => {
    const own = kept[i];
    if (own !== undefined) return own;
    const base = snakeCase(column).slice(0, MAX_LENGTH);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, MAX_LENGTH - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
