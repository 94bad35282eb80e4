import { z } from 'zod';

// One zod schema per field type. Each is a strict object (a typo in an option is an error) with a
// `type` literal, so FieldSpec is a discriminated union that converts to a JSON Schema `oneOf`
// with one named component per type. Deep checks live in validateGeneratorConfig.

export const locales = ['en', 'de', 'fr', 'es', 'ja'] as const;
export const localeSchema = z
  .enum(locales)
  .meta({ id: 'Locale', description: 'Language and default country of generated values.' });
export type Locale = z.infer<typeof localeSchema>;

export const countryCodes = ['US', 'GB', 'DE', 'FR', 'ES', 'JP'] as const;
export const countryCodeSchema = z
  .enum(countryCodes)
  .meta({ id: 'CountryCode', description: 'ISO 3166-1 alpha-2 code of a country with address data.' });
export type CountryCode = z.infer<typeof countryCodeSchema>;

export const fieldFamilies = [
  'person',
  'contact',
  'address',
  'company',
  'internet',
  'finance',
  'commerce',
  'identifier',
  'text',
  'datetime',
  'number',
  'logic',
  'relation',
  'series',
  'misc',
  'sample',
] as const;
export type FieldFamily = (typeof fieldFamilies)[number];

export const identifierSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must start with a letter or _ and contain only letters, digits and _')
  .max(63);

const isoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD.');
const isoDateOrTime = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .describe('A date (YYYY-MM-DD) or an ISO 8601 date-time with Z or an offset.');
const precision = (def: number) =>
  z.int().min(0).max(12).optional().describe(`Decimal places (default ${def}).`);

export const numberDistributionSchema = z
  .discriminatedUnion('type', [
    z
      .strictObject({ type: z.literal('uniform') })
      .describe('Every value between min and max equally likely.'),
    z
      .strictObject({
        type: z.literal('normal'),
        mean: z.number().describe('Mean of the bell curve.'),
        stddev: z.number().positive().describe('Standard deviation.'),
      })
      .describe('Normal (Gaussian), truncated to min/max when they are set.'),
    z
      .strictObject({
        type: z.literal('lognormal'),
        mu: z.number().describe('Mean of the logarithm.'),
        sigma: z.number().positive().describe('Standard deviation of the logarithm.'),
      })
      .describe('Log-normal: exp(normal(mu, sigma)); right-skewed, e.g. incomes.'),
    z
      .strictObject({
        type: z.literal('exponential'),
        rate: z.number().positive().describe('Rate λ; the mean above min is 1/λ.'),
      })
      .describe('Exponential, starting at min (or 0).'),
    z
      .strictObject({
        type: z.literal('poisson'),
        mean: z.number().positive().max(1e7).describe('Mean count λ.'),
      })
      .describe('Poisson counts.'),
  ])
  .meta({ id: 'NumberDistribution', description: 'How numbers are spread between min and max.' });
export type NumberDistribution = z.infer<typeof numberDistributionSchema>;

export const dateDistributionSchema = z
  .discriminatedUnion('type', [
    z
      .strictObject({ type: z.literal('uniform') })
      .describe('Every instant between min and max equally likely.'),
    z
      .strictObject({
        type: z.literal('normal'),
        mean: isoDateOrTime.describe('Centre of the bell curve.'),
        stddevDays: z.number().positive().describe('Standard deviation in days.'),
      })
      .describe('Normal around a date, truncated to min/max.'),
    z
      .strictObject({
        type: z.literal('exponential'),
        meanDays: z.number().positive().describe('Mean distance in days from the anchor.'),
        anchor: z.enum(['min', 'max']).optional().describe('Where values crowd (default max: recent dates).'),
      })
      .describe('Exponential decay away from min or max, truncated to the range.'),
  ])
  .meta({ id: 'DateDistribution', description: 'How dates are spread between min and max.' });
export type DateDistribution = z.infer<typeof dateDistributionSchema>;

const base = {
  name: identifierSchema.describe('Column name.'),
  description: z.string().max(500).optional().describe('Free text shown to people; not used by the engine.'),
  nullPercent: z.number().min(0).max(100).optional().describe('Share of rows left empty (NULL), 0–100.'),
  unique: z
    .boolean()
    .optional()
    .describe('Every non-null value distinct, guaranteed by construction (a keyed permutation).'),
  locale: localeSchema.optional().describe('Overrides the table and config locale for this field.'),
  entity: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,32}$/)
    .optional()
    .describe(
      'Coherence group (default "main"): fields of one group in a row describe the same person, address, company and card.',
    ),
};

export type FieldTypeInfo = {
  id: string;
  family: FieldFamily;
  label: string;
  description: string;
  example: string;
  schema: z.ZodObject;
};

export const fieldTypeInfos: FieldTypeInfo[] = [];

function def<T extends string, S extends z.ZodRawShape>(
  type: T,
  family: FieldFamily,
  label: string,
  description: string,
  example: string,
  shape: S,
) {
  const id = `Field${type
    .split('_')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')}`;
  const schema = z
    .strictObject({ type: z.literal(type).describe(label), ...base, ...shape })
    .meta({ id, description });
  fieldTypeInfos.push({ id: type, family, label, description, example, schema });
  return schema;
}

const ageBounds = {
  minAge: z.int().min(0).max(120).optional().describe('Youngest age (default 18).'),
  maxAge: z.int().min(0).max(120).optional().describe('Oldest age (default 80).'),
};
const numberRange = {
  min: z.number().optional().describe('Lower bound (uniform default 0).'),
  max: z.number().optional().describe('Upper bound (uniform default 100).'),
  distribution: numberDistributionSchema.optional().describe('Default uniform.'),
};
const nameFormat = z.enum(['name', 'short', 'number']).optional().describe('name, short name or number.');

// person
const firstName = def(
  'first_name',
  'person',
  'First name',
  'Given name matching the row’s sex and locale.',
  'Emma',
  {},
);
const lastName = def(
  'last_name',
  'person',
  'Last name',
  'Family name; two surnames in Spanish.',
  'García López',
  {},
);
const fullName = def(
  'full_name',
  'person',
  'Full name',
  'Given and family name in the locale’s order.',
  'Emma Wilson',
  {
    withTitle: z.boolean().optional().describe('Prefix a title such as Dr. or Mrs.'),
  },
);
const sex = def(
  'sex',
  'person',
  'Sex',
  'female or male (or F/M), shared with the names of the row.',
  'female',
  {
    format: z.enum(['word', 'letter']).optional().describe('word (female/male) or letter (F/M).'),
  },
);
const title = def(
  'title',
  'person',
  'Title',
  'Courtesy title matching the sex (Mr., Frau, Mme …).',
  'Mrs.',
  {},
);
const birthDate = def(
  'birth_date',
  'person',
  'Birth date',
  'Date of birth consistent with the row’s age.',
  '1987-04-12',
  {
    ...ageBounds,
    format: z.string().max(64).optional().describe('Output format, e.g. DD.MM.YYYY (default ISO).'),
  },
);
const age = def(
  'age',
  'person',
  'Age',
  'Age in whole years at the reference date, from the birth date.',
  '37',
  ageBounds,
);
const jobTitle = def('job_title', 'person', 'Job title', 'Occupation in the locale’s language.', 'Nurse', {});
const username = def(
  'username',
  'person',
  'Username',
  'Login name derived from the row’s name.',
  'emma.wilson87',
  {},
);

// contact
const email = def(
  'email',
  'contact',
  'Email',
  'Address derived from the row’s name.',
  'emma.wilson@gmail.com',
  {
    domain: z.string().max(253).optional().describe('Use this domain for every address.'),
    domains: z.array(z.string().max(253)).min(1).max(100).optional().describe('Pick domains from this list.'),
  },
);
const phone = def(
  'phone',
  'contact',
  'Phone',
  'Number with the area code of the row’s city.',
  '+1 212-555-0143',
  {
    format: z.enum(['national', 'international', 'e164']).optional().describe('Default international.'),
    kind: z.enum(['landline', 'mobile']).optional().describe('Default landline.'),
  },
);

// address
const streetAddress = def(
  'street_address',
  'address',
  'Street address',
  'Street and number in local style.',
  '742 Oak Street',
  {},
);
const streetName = def('street_name', 'address', 'Street name', 'Street without number.', 'Oak Street', {});
const buildingNumber = def('building_number', 'address', 'Building number', 'House number.', '742', {});
const secondaryAddress = def(
  'secondary_address',
  'address',
  'Secondary address',
  'Apartment or suite.',
  'Apt. 4B',
  {},
);
const city = def(
  'city',
  'address',
  'City',
  'City of the row’s address, weighted by population.',
  'Chicago',
  {},
);
const state = def(
  'state',
  'address',
  'State / region',
  'State, region or prefecture of the city.',
  'Illinois',
  {
    abbreviated: z.boolean().optional().describe('Use the code (IL, BY, 13 …).'),
  },
);
const postcode = def('postcode', 'address', 'Postcode', 'Postal code inside the city’s range.', '60614', {});
const country = def(
  'country',
  'address',
  'Country',
  'Country name in the field’s language.',
  'Deutschland',
  {},
);
const countryCode = def('country_code', 'address', 'Country code', 'ISO 3166-1 code.', 'DE', {
  format: z.enum(['alpha2', 'alpha3']).optional().describe('Default alpha2.'),
});
const coord = (axis: string) => ({
  precision: z.int().min(0).max(8).optional().describe(`Decimal places of the ${axis} (default 6).`),
});
const latitude = def(
  'latitude',
  'address',
  'Latitude',
  'Latitude near the row’s city.',
  '41.878113',
  coord('latitude'),
);
const longitude = def(
  'longitude',
  'address',
  'Longitude',
  'Longitude near the row’s city.',
  '-87.629799',
  coord('longitude'),
);
const fullAddress = def(
  'full_address',
  'address',
  'Full address',
  'One-line postal address.',
  '742 Oak Street, Chicago, IL 60614',
  {},
);

// company
const companyName = def(
  'company_name',
  'company',
  'Company name',
  'Company with a local legal form.',
  'Schneider GmbH',
  {},
);
const industry = def('industry', 'company', 'Industry', 'Business sector of the company.', 'Logistics', {});
const companyDomain = def(
  'company_domain',
  'company',
  'Company domain',
  'Web domain derived from the company name.',
  'schneider.de',
  {},
);

// internet
const url = def(
  'url',
  'internet',
  'URL',
  'Web address on a company domain.',
  'https://www.schneider.de/products',
  {},
);
const domain = def('domain', 'internet', 'Domain', 'Random domain name.', 'brightwave.io', {});
const ipv4 = def(
  'ipv4',
  'internet',
  'IPv4 address',
  'IPv4 address, optionally inside a CIDR block.',
  '192.168.4.17',
  {
    cidr: z
      .string()
      .regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'expected a CIDR block such as 10.0.0.0/8')
      .optional()
      .describe('Restrict to a block, e.g. 10.0.0.0/8.'),
  },
);
const ipv6 = def(
  'ipv6',
  'internet',
  'IPv6 address',
  'Global unicast IPv6 address.',
  '2001:db8:85a3::8a2e:370:7334',
  {},
);
const userAgent = def(
  'user_agent',
  'internet',
  'User agent',
  'Browser user-agent string, weighted by market share.',
  'Mozilla/5.0 …',
  {},
);
const macAddress = def(
  'mac_address',
  'internet',
  'MAC address',
  'Unicast MAC address.',
  '3c:22:fb:4a:91:0e',
  {},
);
const httpMethod = def(
  'http_method',
  'internet',
  'HTTP method',
  'GET, POST … weighted by frequency.',
  'GET',
  {},
);
const httpStatus = def(
  'http_status_code',
  'internet',
  'HTTP status',
  'Status code weighted towards 200.',
  '200',
  {},
);
const port = def('port', 'internet', 'Port', 'TCP port number.', '8080', {
  range: z.enum(['well_known', 'registered', 'dynamic', 'any']).optional().describe('Default any.'),
});

// finance
const iban = def(
  'iban',
  'finance',
  'IBAN',
  'Valid IBAN (mod-97 check digits) of the row’s country.',
  'DE89370400440532013000',
  {
    country: z
      .enum(['DE', 'FR', 'ES', 'GB', 'NL', 'IT'])
      .optional()
      .describe('Country when the address has no IBAN.'),
  },
);
const cardNumber = def(
  'credit_card_number',
  'finance',
  'Card number',
  'Card number passing the Luhn check.',
  '4539578763621486',
  {
    brand: z
      .enum(['visa', 'mastercard', 'amex', 'discover', 'jcb'])
      .optional()
      .describe('Default: mix of the country.'),
  },
);
const cardType = def('credit_card_type', 'finance', 'Card brand', 'Brand of the row’s card.', 'visa', {});
const cardExpiry = def(
  'credit_card_expiry',
  'finance',
  'Card expiry',
  'MM/YY within 5 years of the reference date.',
  '08/28',
  {},
);
const cvv = def('cvv', 'finance', 'CVV', 'Card security code (4 digits for amex).', '381', {});
const currencyCode = def(
  'currency_code',
  'finance',
  'Currency',
  'ISO 4217 code of the row’s country.',
  'EUR',
  {},
);
const amount = def(
  'amount',
  'finance',
  'Amount',
  'Money amount (default log-normal, 2 decimals).',
  '129.95',
  {
    ...numberRange,
    precision: precision(2),
  },
);
const transactionType = def(
  'transaction_type',
  'finance',
  'Transaction type',
  'deposit, withdrawal, payment or transfer.',
  'payment',
  {},
);
const accountNumber = def(
  'account_number',
  'finance',
  'Account number',
  'Digits-only account number.',
  '0532013000',
  {
    digits: z.int().min(4).max(20).optional().describe('Length (default 10).'),
  },
);

// commerce
const productName = def(
  'product_name',
  'commerce',
  'Product name',
  'Adjective, material and product.',
  'Ergonomic Wooden Chair',
  {},
);
const department = def('department', 'commerce', 'Department', 'Shop department.', 'Garden', {});
const price = def('price', 'commerce', 'Price', 'Price (default log-normal, 2 decimals).', '24.99', {
  ...numberRange,
  precision: precision(2),
  charm: z.boolean().optional().describe('End prices in .99 / .95 / .49.'),
});
const sku = def('sku', 'commerce', 'SKU', 'Stock keeping unit from a pattern.', 'KDF-20931', {
  pattern: z.string().max(200).optional().describe('Pattern, default [A-Z]{3}-\\d{5}.'),
});
const color = def('color', 'commerce', 'Color', 'Colour name in the field’s language.', 'navy', {});
const material = def('material', 'commerce', 'Material', 'Product material.', 'Cotton', {});
const ean13 = def(
  'ean13',
  'commerce',
  'EAN-13',
  'Barcode number with a valid check digit.',
  '4006381333931',
  {},
);

// identifiers
const sequence = def(
  'sequence',
  'identifier',
  'Sequence',
  'Row number: start + step × row, optionally prefixed.',
  '1001',
  {
    start: z.int().optional().describe('First value (default 1).'),
    step: z.int().min(1).optional().describe('Increment (default 1).'),
    prefix: z.string().max(32).optional().describe('Text before the number; makes the column text.'),
    padding: z.int().min(0).max(20).optional().describe('Zero-pad the number to this many digits.'),
  },
);
const uuid = def('uuid', 'identifier', 'UUID', 'UUID version 4 (random) or 7 (time-ordered).', '0190b6c4-…', {
  version: z
    .union([z.literal(4), z.literal(7)])
    .optional()
    .describe('4 or 7 (default 4).'),
  start: isoDateOrTime.optional().describe('Version 7: timestamp of the first row (default 2024-01-01).'),
});
const ulid = def('ulid', 'identifier', 'ULID', 'Sortable ULID, time from row order.', '01HZX3…', {
  start: isoDateOrTime.optional().describe('Timestamp of the first row (default 2024-01-01).'),
});
const nanoid = def(
  'nanoid',
  'identifier',
  'Nano ID',
  'URL-safe random identifier.',
  'V1StGXR8_Z5jdHi6B-myT',
  {
    length: z.int().min(8).max(64).optional().describe('Length (default 21).'),
  },
);

// text
const word = def('word', 'text', 'Word', 'A word of the locale.', 'river', {});
const sentence = def(
  'sentence',
  'text',
  'Sentence',
  'A sentence of locale words.',
  'The quiet river runs north.',
  {
    minWords: z.int().min(1).max(100).optional().describe('Default 5.'),
    maxWords: z.int().min(1).max(100).optional().describe('Default 12.'),
  },
);
const paragraph = def('paragraph', 'text', 'Paragraph', 'Several sentences.', 'The quiet river … .', {
  minSentences: z.int().min(1).max(50).optional().describe('Default 3.'),
  maxSentences: z.int().min(1).max(50).optional().describe('Default 6.'),
});

// datetime
const dateFormat = z
  .string()
  .max(64)
  .optional()
  .describe('Tokens YYYY YY MM M DD D HH H mm ss SSS Z, or unix / unix_ms; default ISO 8601.');
const date = def('date', 'datetime', 'Date', 'Calendar date in a range.', '2023-05-17', {
  min: isoDate.optional().describe('Earliest date (default 2020-01-01).'),
  max: isoDate.optional().describe('Latest date (default 2024-12-31).'),
  distribution: dateDistributionSchema.optional(),
  format: dateFormat,
});
const datetime = def(
  'datetime',
  'datetime',
  'Date-time',
  'Instant in a range, rendered in a time zone.',
  '2023-05-17T14:03:22Z',
  {
    min: isoDateOrTime.optional().describe('Earliest instant (default 2020-01-01).'),
    max: isoDateOrTime.optional().describe('Latest instant (default 2024-12-31T23:59:59Z).'),
    distribution: dateDistributionSchema.optional(),
    timeZone: z
      .string()
      .max(64)
      .optional()
      .describe('IANA zone for rendering, e.g. Europe/Berlin (default UTC).'),
    format: dateFormat,
    hourWeights: z
      .array(z.number().min(0))
      .length(24)
      .optional()
      .describe('Relative weight of each hour of the day, for daily activity patterns.'),
  },
);
const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'expected a time HH:mm or HH:mm:ss');
const time = def('time', 'datetime', 'Time of day', 'Time between min and max.', '14:03:22', {
  min: timeOfDay.optional().describe('Earliest time (default 00:00:00).'),
  max: timeOfDay.optional().describe('Latest time (default 23:59:59).'),
});
const timeZone = def(
  'time_zone',
  'datetime',
  'Time zone',
  'IANA zone of the row’s city.',
  'Europe/Berlin',
  {},
);
const weekday = def('weekday', 'datetime', 'Weekday', 'Day of the week in the field’s language.', 'Monday', {
  format: nameFormat,
});
const month = def('month', 'datetime', 'Month', 'Month in the field’s language.', 'March', {
  format: nameFormat,
});
const year = def('year', 'datetime', 'Year', 'Year in a range.', '2019', {
  min: z.int().min(1).max(9999).optional().describe('Default 1970.'),
  max: z.int().min(1).max(9999).optional().describe('Default 2024.'),
});

// numbers
const integer = def('integer', 'number', 'Integer', 'Whole number with a distribution.', '42', numberRange);
const decimal = def('decimal', 'number', 'Decimal', 'Decimal number with a distribution.', '3.14', {
  ...numberRange,
  precision: precision(2),
});

// logic
const boolean = def('boolean', 'logic', 'Boolean', 'true with a probability.', 'true', {
  probability: z.number().min(0).max(1).optional().describe('Chance of true (default 0.5).'),
});
const scalar = z.union([z.string().max(1000), z.number(), z.boolean()]);
const categorical = def(
  'categorical',
  'logic',
  'Categorical',
  'One of a list of values, optionally weighted.',
  'gold',
  {
    values: z.array(scalar).min(1).max(10000).describe('The possible values.'),
    weights: z.array(z.number().min(0)).optional().describe('Relative weight of each value, same length.'),
  },
);
const pattern = def('pattern', 'logic', 'Pattern', 'String matching a regular expression.', 'AB-1234', {
  pattern: z.string().min(1).max(500).describe('Regular expression subset, e.g. [A-Z]{2}-\\d{4}.'),
});
const constant = def('constant', 'logic', 'Constant', 'The same value on every row.', 'v1', {
  value: scalar.describe('The value.'),
});
const template = def(
  'template',
  'logic',
  'Template',
  'Text with {{field}} placeholders from the row.',
  'emma.wilson@example.com',
  {
    template: z
      .string()
      .min(1)
      .max(2000)
      .describe('E.g. {{first_name | lower}}.{{last_name | lower}}@example.com.'),
  },
);
const expression = def(
  'expression',
  'logic',
  'Expression',
  'Formula over the row’s fields.',
  'if(age >= 65, price * 0.8, price)',
  {
    expression: z.string().min(1).max(2000).describe('Arithmetic, comparisons, conditionals and functions.'),
    resultType: z
      .enum(['string', 'integer', 'decimal', 'boolean', 'date', 'datetime'])
      .optional()
      .describe('Column type; inferred when omitted.'),
    precision: precision(2),
  },
);

// relation
const reference = def(
  'reference',
  'relation',
  'Reference',
  'Key of a row of another table (foreign key).',
  '1042',
  {
    table: identifierSchema.describe('Referenced table.'),
    field: identifierSchema.describe('Referenced key field (sequence, uuid, ulid, nanoid or unique).'),
    skew: z
      .number()
      .min(0)
      .max(10)
      .optional()
      .describe('0 = uniform; higher = popular rows picked more often.'),
  },
);

// series
const seriesTimestamp = def(
  'series_timestamp',
  'series',
  'Series timestamp',
  'Ordered event time of the table’s sequence.',
  '2024-01-01T00:15:00Z',
  {
    timeZone: z.string().max(64).optional().describe('IANA zone for rendering (default UTC).'),
    format: dateFormat,
  },
);
const seriesValue = def(
  'series_value',
  'series',
  'Series value',
  'Measurement: trend + seasons + noise process + outliers.',
  '21.37',
  {
    base: z.number().optional().describe('Level at the series start (default 0).'),
    trend: z.number().optional().describe('Change per day (default 0).'),
    seasons: z
      .array(
        z.strictObject({
          period: z.enum(['daily', 'weekly', 'yearly']).describe('Cycle length.'),
          amplitude: z.number().describe('Half the peak-to-trough swing.'),
          peak: z
            .number()
            .min(0)
            .optional()
            .describe('Where the cycle peaks: hour (daily), day 0–6 from Monday (weekly) or day of year.'),
        }),
      )
      .max(3)
      .optional()
      .describe('Seasonal cycles added to the level.'),
    noise: z
      .strictObject({
        process: z
          .enum(['white', 'random_walk', 'ar1'])
          .describe('white: independent; random_walk; ar1: mean-reverting.'),
        sigma: z.number().min(0).describe('Standard deviation of each step.'),
        phi: z.number().gt(-1).lt(1).optional().describe('AR(1) coefficient (default 0.8).'),
      })
      .optional(),
    outliers: z
      .strictObject({
        rate: z.number().min(0).max(1).describe('Share of events that are outliers.'),
        magnitude: z
          .number()
          .positive()
          .optional()
          .describe('Size in noise standard deviations (default 6).'),
      })
      .optional(),
    precision: precision(2),
    min: z.number().optional().describe('Clamp values below.'),
    max: z.number().optional().describe('Clamp values above.'),
  },
);

// misc
const licensePlate = def(
  'license_plate',
  'misc',
  'License plate',
  'Vehicle registration in the country’s format.',
  'M-AB 1234',
  {},
);
const fileName = def('file_name', 'misc', 'File name', 'File name with an extension.', 'report_2023.pdf', {
  extension: z
    .string()
    .regex(/^[A-Za-z0-9]{1,10}$/)
    .optional()
    .describe('Fixed extension.'),
});
const mimeType = def(
  'mime_type',
  'misc',
  'MIME type',
  'Media type, weighted by frequency.',
  'image/jpeg',
  {},
);

// sample
export const learnedTypes = ['integer', 'decimal', 'boolean', 'category', 'date', 'datetime'] as const;
const learned = def(
  'learned',
  'sample',
  'From the sample',
  'Learned from the table’s sample: the column’s distribution and, from `balanced` quality up, its dependence on the other learned columns. Values are drawn from a smoothed fit, never copied row by row.',
  '37.5',
  {
    column: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe('Column of the sample to learn from (default: the field name).'),
    as: z
      .enum(learnedTypes)
      .optional()
      .describe('Type to learn the column as, overriding the profile (default: the profiled type).'),
    precision: z
      .int()
      .min(0)
      .max(12)
      .optional()
      .describe('Decimal places of a decimal column (default: as many as the sample shows, at most 6).'),
  },
);

export const fieldSpecSchema = z
  .discriminatedUnion('type', [
    firstName,
    lastName,
    fullName,
    sex,
    title,
    birthDate,
    age,
    jobTitle,
    username,
    email,
    phone,
    streetAddress,
    streetName,
    buildingNumber,
    secondaryAddress,
    city,
    state,
    postcode,
    country,
    countryCode,
    latitude,
    longitude,
    fullAddress,
    companyName,
    industry,
    companyDomain,
    url,
    domain,
    ipv4,
    ipv6,
    userAgent,
    macAddress,
    httpMethod,
    httpStatus,
    port,
    iban,
    cardNumber,
    cardType,
    cardExpiry,
    cvv,
    currencyCode,
    amount,
    transactionType,
    accountNumber,
    productName,
    department,
    price,
    sku,
    color,
    material,
    ean13,
    sequence,
    uuid,
    ulid,
    nanoid,
    word,
    sentence,
    paragraph,
    date,
    datetime,
    time,
    timeZone,
    weekday,
    month,
    year,
    integer,
    decimal,
    boolean,
    categorical,
    pattern,
    constant,
    template,
    expression,
    reference,
    seriesTimestamp,
    seriesValue,
    licensePlate,
    fileName,
    mimeType,
    learned,
  ])
  .meta({ id: 'FieldSpec', description: 'One column of a table: a name, a type and its options.' });
export type FieldSpec = z.infer<typeof fieldSpecSchema>;
export type FieldType = FieldSpec['type'];
export type FieldOf<T extends FieldType> = Extract<FieldSpec, { type: T }>;
