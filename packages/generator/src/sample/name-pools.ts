import { faker as fakerDe } from '@faker-js/faker/locale/de';
import { faker as fakerEn } from '@faker-js/faker/locale/en';
import { faker as fakerEs } from '@faker-js/faker/locale/es';
import { faker as fakerFr } from '@faker-js/faker/locale/fr';
import { firstNamesFemale, firstNamesMale, lastNames } from '../data/names.data.ts';

// Given and family names to recognise people by: the generator's own pools (which include
// Japanese names in kanji and romaji) and faker's longer lists, a few thousand names per locale.

type NamePools = { first: Set<string>; last: Set<string> };

/** Lower case without accents, so `José` and `JOSE` are the same name. */
export const foldName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Entries of the generator's pools: space-separated, `kanji:romaji` where both are written. */
const poolNames = (lists: Record<string, string>[]) =>
  lists.flatMap((list) =>
    Object.values(list).flatMap((text) => text.split(/\s+/).flatMap((e) => e.split(':'))),
  );

/** Every string in a faker definition, however its lists are grouped (generic, female, male …). */
function fakerNames(definition: unknown): string[] {
  if (typeof definition === 'string') return [definition];
  if (Array.isArray(definition)) return definition.flatMap(fakerNames);
  if (definition && typeof definition === 'object') return Object.values(definition).flatMap(fakerNames);
  return [];
}

let pools: NamePools | undefined;

export function namePools(): NamePools {
  if (pools) return pools;
  const fakers = [fakerEn, fakerDe, fakerFr, fakerEs];
  const names = (own: string[], field: 'first_name' | 'last_name') => {
    const all = [...own, ...fakers.flatMap((f) => fakerNames(f.rawDefinitions.person?.[field]))];
    // A double name (Mary Ann, García López) also counts word by word.
    return new Set(
      all
        .flatMap((n) => [n, ...n.split(/[\s-]+/)])
        .filter(Boolean)
        .map(foldName),
    );
  };
  pools = {
    first: names(poolNames([firstNamesFemale, firstNamesMale]), 'first_name'),
    last: names(poolNames([lastNames]), 'last_name'),
  };
  return pools;
}
