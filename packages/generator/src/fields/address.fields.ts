import type { FieldSpec } from '@synoptic/contract';
import { fieldPrecision } from '@synoptic/contract';
import type { Country } from '../data/pools.ts';
import type { Rng } from '../random/prng.ts';
import type { CompileEnv } from './compile-env.ts';
import { addressEntity, fillTemplate, isLatinDisplay, placePools, streetParts, UPPER } from './entities.ts';
import { type FieldGen, type NumCol, poolGen, simpleGen, strGen } from './field-gen.ts';

const digits = (r: Rng, n: number, firstMin = 0): string => {
  let s = String(firstMin + r.below(10 - firstMin));
  for (let k = 1; k < n; k++) s += String(r.below(10));
  return s;
};

/** A phone number of the country, landline numbers carrying the city's area code. */
export function phoneNumber(
  r: Rng,
  country: Country,
  areaCodes: string[],
  format: 'national' | 'international' | 'e164',
  mobile: boolean,
): string {
  const cc = country.code;
  let national: string; // with trunk 0 where the country uses one
  let groups: string[];
  switch (cc) {
    case 'US': {
      const area = mobile ? areaCodes[r.below(areaCodes.length)]! : areaCodes[r.below(areaCodes.length)]!;
      const ex = digits(r, 3, 2);
      const line = digits(r, 4);
      if (format === 'national') return `(${area}) ${ex}-${line}`;
      if (format === 'e164') return `+1${area}${ex}${line}`;
      return `+1 ${area}-${ex}-${line}`;
    }
    case 'GB': {
      if (mobile) groups = [`07${digits(r, 3)}`, digits(r, 6)];
      else {
        const area = areaCodes[r.below(areaCodes.length)]!;
        const rest = digits(r, 11 - area.length, 2);
        groups =
          area.length === 3
            ? [area, rest.slice(0, 4), rest.slice(4)]
            : [area, rest.slice(0, 3), rest.slice(3)];
        if (area.length === 5) groups = [area, rest];
      }
      break;
    }
    case 'DE': {
      if (mobile)
        groups = [
          `01${['51', '52', '57', '60', '62', '70', '71', '72', '76'][r.below(9)]}`,
          digits(r, 7 + r.below(2), 1),
        ];
      else {
        const area = areaCodes[r.below(areaCodes.length)]!;
        groups = [area, digits(r, 11 - area.length - r.below(2), 1)];
      }
      break;
    }
    case 'FR': {
      const head = mobile ? (r.below(3) ? '06' : '07') : areaCodes[r.below(areaCodes.length)]!;
      const rest = digits(r, 8);
      groups = [head, rest.slice(0, 2), rest.slice(2, 4), rest.slice(4, 6), rest.slice(6)];
      break;
    }
    case 'ES': {
      const head = mobile ? `6${r.below(10)}` : areaCodes[r.below(areaCodes.length)]!;
      const all = head + digits(r, 9 - head.length);
      groups = [all.slice(0, 3), all.slice(3, 6), all.slice(6)];
      national = all;
      if (format === 'e164') return `+34${all}`;
      return format === 'national' ? groups.join(' ') : `+34 ${groups.join(' ')}`;
    }
    case 'JP': {
      if (mobile) groups = [['090', '080', '070'][r.below(3)]!, digits(r, 4), digits(r, 4)];
      else {
        const area = areaCodes[r.below(areaCodes.length)]!;
        const rest = digits(r, 10 - area.length, 1);
        groups = [area, rest.slice(0, rest.length - 4), rest.slice(-4)];
      }
      national = groups.join('');
      if (format === 'e164') return `+81${national.slice(1)}`;
      if (format === 'national') return groups.join('-');
      return `+81 ${groups[0]!.slice(1)}-${groups.slice(1).join('-')}`;
    }
    default:
      groups = [digits(r, 10)];
  }
  national = groups.join('');
  const dial = country.dial;
  if (format === 'e164') return `+${dial}${national.replace(/^0/, '')}`;
  if (format === 'national') return groups.join(' ');
  return `+${dial} ${[groups[0]!.replace(/^0/, ''), ...groups.slice(1)].join(' ')}`;
}

export function addressField(spec: FieldSpec, c: CompileEnv): FieldGen | null {
  const A = (ctx: Parameters<FieldGen['fill']>[0]) => addressEntity(ctx, c.env, c.group);
  const S = (ctx: Parameters<FieldGen['fill']>[0]) => streetParts(ctx, c.env, c.group);
  const locale = c.locale;
  const streetLine = (country: Country, street: string, streetLatin: string, number: string): string => {
    switch (country.code) {
      case 'US':
      case 'GB':
        return `${number} ${street}`;
      case 'FR':
        return `${number} ${street}`;
      case 'DE':
        return `${street} ${number}`;
      case 'ES':
        return `${street}, ${number}`;
      case 'JP':
        return isLatinDisplay(locale, country)
          ? `${number} ${streetLatin}`
          : `${street}${number.slice(number.indexOf('-') + 1)}`;
      default:
        return `${number} ${street}`;
    }
  };
  const cityName = (country: Country, i: number, a: ReturnType<typeof A>) => {
    const city = a.cityOf(i);
    return isLatinDisplay(locale, country) ? city.latin : city.name;
  };
  const stateName = (country: Country, code: string) => {
    const s = country.states.get(code)!;
    return isLatinDisplay(locale, country) ? s.latin : s.name;
  };
  switch (spec.type) {
    case 'street_address':
      return strGen(spec, (ctx) => {
        const a = A(ctx);
        const s = S(ctx);
        return (i) => streetLine(a.countryOf(i), s.street[i]!, s.streetLatin[i]!, s.number[i]!);
      });
    case 'street_name':
      return strGen(spec, (ctx) => {
        const a = A(ctx);
        const s = S(ctx);
        return (i) => (isLatinDisplay(locale, a.countryOf(i)) ? s.streetLatin[i]! : s.street[i]!);
      });
    case 'building_number':
      return strGen(spec, (ctx) => {
        const s = S(ctx);
        return (i) => s.number[i]!;
      });
    case 'secondary_address':
      return strGen(spec, (ctx) => {
        const a = A(ctx);
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => {
          const floor = 1 + r.below(9);
          const unit = 1 + r.below(20);
          switch (a.countryOf(i).code) {
            case 'US':
              return r.below(4)
                ? `Apt. ${floor}${UPPER[r.below(6)]}`
                : `Suite ${floor}${String(unit).padStart(2, '0')}`;
            case 'GB':
              return `Flat ${unit}`;
            case 'DE':
              return r.below(2) ? `${floor}. OG` : `Wohnung ${unit}`;
            case 'FR':
              return r.below(2)
                ? `Appartement ${floor}${String(unit).padStart(2, '0')}`
                : `Bâtiment ${UPPER[r.below(4)]}`;
            case 'ES':
              return `${floor}º ${UPPER[r.below(4)]}`;
            default:
              return isLatinDisplay(locale, a.countryOf(i))
                ? `Room ${floor}0${unit % 10}`
                : `${floor}0${unit % 10}号室`;
          }
        };
      });
    case 'city':
    case 'state': {
      const places = placePools(c.env, locale);
      const pool = spec.type === 'city' ? places.city : spec.abbreviated ? places.stateCode : places.state;
      return poolGen(spec, pool, (ctx) => {
        const a = A(ctx);
        return (i) => a.place[i]!;
      });
    }
    case 'postcode':
      return strGen(spec, (ctx) => {
        const s = S(ctx);
        return (i) => s.postcode[i]!;
      });
    case 'country':
    case 'country_code': {
      const places = placePools(c.env, locale);
      const pool =
        spec.type === 'country' ? places.country : spec.format === 'alpha3' ? places.alpha3 : places.code;
      return poolGen(spec, pool, (ctx) => {
        const a = A(ctx);
        return (i) => a.country[i]!;
      });
    }
    case 'latitude':
    case 'longitude': {
      const lat = spec.type === 'latitude';
      const scale = fieldPrecision(spec);
      const f = 10 ** scale;
      return simpleGen(
        spec,
        'decimal',
        'num',
        (ctx, out) => {
          const a = A(ctx);
          // one jitter stream for the group so latitude and longitude describe one point
          const geo = ctx.memo(`geo:${c.group}`, () => {
            const r = ctx.rng(`e:addr:${c.group}:geo`);
            const g = new Float64Array(ctx.n * 2);
            for (let i = 0; i < g.length; i++) g[i] = r.next() * 2 - 1;
            return g;
          });
          const d = (out as NumCol).data;
          for (let i = 0; i < ctx.n; i++) {
            const city = a.cityOf(i);
            const v = lat ? city.lat + geo[2 * i]! * 0.05 : city.lon + geo[2 * i + 1]! * 0.07;
            d[i] = Math.round(v * f) / f;
          }
        },
        { scale },
      );
    }
    case 'full_address':
      return strGen(spec, (ctx) => {
        const a = A(ctx);
        const s = S(ctx);
        return (i) => {
          const country = a.countryOf(i);
          const line = streetLine(country, s.street[i]!, s.streetLatin[i]!, s.number[i]!);
          const city = cityName(country, i, a);
          const pc = s.postcode[i]!;
          const st = a.cityOf(i).state;
          switch (country.code) {
            case 'US':
              return `${line}, ${city}, ${st} ${pc}`;
            case 'GB':
              return `${line}, ${city} ${pc}`;
            case 'JP':
              return isLatinDisplay(locale, country)
                ? `${line}, ${city}, ${stateName(country, st)} ${pc}`
                : `〒${pc} ${stateName(country, st)}${city}${line}`;
            default:
              return `${line}, ${pc} ${city}`;
          }
        };
      });
    case 'phone': {
      const format = spec.format ?? 'international';
      const mobile = spec.kind === 'mobile';
      return strGen(spec, (ctx) => {
        const a = A(ctx);
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => phoneNumber(r, a.countryOf(i), a.cityOf(i).areaCodes, format, mobile);
      });
    }
    case 'license_plate':
      return strGen(spec, (ctx) => {
        const a = A(ctx);
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => {
          const country = a.countryOf(i);
          switch (country.code) {
            case 'DE':
              return `${a.cityOf(i).plate}-${fillTemplate(r.below(2) ? '@@' : '@', r)} ${1 + r.below(9999)}`;
            case 'FR':
              return fillTemplate('@@-###-@@', r, 'ABCDEFGHJKLMNPQRSTVWXYZ');
            case 'ES':
              return fillTemplate('#### @@@', r, 'BCDFGHJKLMNPRSTVWXYZ');
            case 'GB':
              return fillTemplate('@@## @@@', r, 'ABCDEFGHJKLMNOPRSTUVWXY');
            case 'JP': {
              const city = a.cityOf(i);
              const name = isLatinDisplay(locale, country) ? city.latin : city.name.replace(/[市区]$/, '');
              return `${name} ${300 + r.below(300)} ${'あいうえかきくけこさすせそたちつてとなにぬねのはひふほまみむめもやゆよらりるろれわ'[r.below(44)]} ${fillTemplate('##-##', r)}`;
            }
            default:
              return r.below(2)
                ? fillTemplate('@@@-####', r)
                : `${1 + r.below(9)}${fillTemplate('@@@###', r)}`;
          }
        };
      });
    default:
      return null;
  }
}
