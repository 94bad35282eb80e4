import type { PersonalDataKind, PrivacyReport } from '@synoptic/contract';
import type { DataTable } from '../tabular/data-table.ts';
import { columnNamed, valueLabel } from './column-data.ts';

/**
 * Kinds whose values point at one person, so finding one in the output means it was copied. Names
 * (first, last and full), street addresses, postcodes, birth dates and short identifiers are left
 * out on purpose: the generators draw them from the same pools real data comes from, so a generated
 * "Emma Smith", "12 Oak Street", "10115" or customer 17 matches someone in any sizeable sample by
 * pure chance (a 2,000-row customer sample shared 36 full names with its honest twin), and counting
 * those would flag every honest dataset.
 */
export const IDENTIFYING_KINDS: ReadonlySet<PersonalDataKind> = new Set<PersonalDataKind>([
  'email',
  'phone',
  'full_address',
  'iban',
  'card_number',
  'national_id',
  'ip_address',
]);

const normalise = (text: string) => text.trim().toLowerCase();

/** Every value the output's text columns hold, normalised. */
function outputTexts(synthetic: DataTable): Set<string> {
  const texts = new Set<string>();
  for (const column of synthetic.columns) {
    if (column.type !== 'text') continue;
    const used = new Uint8Array(column.dictionary.length);
    for (let r = 0; r < synthetic.rows; r++) if (!column.nulls[r]) used[column.codes[r]!] = 1;
    column.dictionary.forEach((text, code) => {
      if (used[code]) texts.add(normalise(text));
    });
  }
  return texts;
}

/**
 * Distinct values of the sample's identifying personal-data columns that some text cell of the
 * output holds verbatim (trimmed, case ignored).
 */
export function personalDataLeaks(
  sample: DataTable[],
  synthetic: DataTable,
  personal: Array<{ column: string; kind: PersonalDataKind }>,
): PrivacyReport['personalDataLeaks'] {
  const checked = personal.filter((p) => IDENTIFYING_KINDS.has(p.kind));
  if (!checked.length) return { count: 0, columns: [] };
  const texts = outputTexts(synthetic);
  const columns = checked.map(({ column: name, kind }) => {
    const values = new Set<string>();
    for (const table of sample) {
      const column = columnNamed(table, name, 'sample');
      const raw = column.type === 'text' ? column.codes : column.values;
      const seen = new Set<number>();
      for (let r = 0; r < table.rows; r++) {
        if (column.nulls[r] || seen.has(raw[r]!)) continue;
        seen.add(raw[r]!);
        const text = normalise(valueLabel(column, raw[r]!));
        if (text) values.add(text);
      }
    }
    let count = 0;
    for (const v of values) if (texts.has(v)) count++;
    return { column: name, kind, count };
  });
  return { count: columns.reduce((s, c) => s + c.count, 0), columns };
}
