// Datasets for the chat benchmark: configurations in the style of the web app's templates.

const people = {
  name: 'customers',
  rows: 8_000,
  countries: ['US', 'DE', 'FR', 'GB', 'ES'],
  fields: [
    { name: 'id', type: 'sequence' },
    { name: 'name', type: 'full_name' },
    { name: 'email', type: 'email', unique: true },
    { name: 'age', type: 'age', minAge: 18, maxAge: 80 },
    { name: 'city', type: 'city' },
    { name: 'country', type: 'country_code' },
    { name: 'phone', type: 'phone', nullPercent: 15 },
    { name: 'signup_date', type: 'date', min: '2020-01-01', max: '2024-12-31' },
    { name: 'vip', type: 'boolean', probability: 0.1 },
    {
      name: 'income',
      type: 'decimal',
      min: 0,
      distribution: { type: 'lognormal', mu: 10.8, sigma: 0.5 },
      precision: 2,
    },
  ],
};

export const shopConfig = {
  tables: [
    people,
    {
      name: 'orders',
      parent: { table: 'customers', count: { distribution: 'poisson', mean: 2.5, max: 9 } },
      fields: [
        { name: 'id', type: 'sequence', prefix: 'ORD-', padding: 8 },
        { name: 'customer_id', type: 'reference', table: 'customers', field: 'id' },
        { name: 'ordered_at', type: 'datetime', min: '2023-01-01', max: '2024-12-31' },
        { name: 'quantity', type: 'integer', min: 1, max: 6 },
        { name: 'unit_price', type: 'price', min: 5, max: 400 },
        { name: 'total', type: 'expression', expression: 'round(quantity * unit_price, 2)' },
        {
          name: 'status',
          type: 'categorical',
          values: ['paid', 'shipped', 'refunded', 'cancelled'],
          weights: [20, 70, 6, 4],
        },
        { name: 'channel', type: 'categorical', values: ['web', 'mobile', 'store'], weights: [50, 35, 15] },
      ],
    },
  ],
};

export const clinicConfig = {
  tables: [
    {
      name: 'patients',
      rows: 5_000,
      fields: [
        { name: 'id', type: 'uuid' },
        { name: 'name', type: 'full_name' },
        { name: 'sex', type: 'sex' },
        { name: 'birth_date', type: 'birth_date', minAge: 0, maxAge: 95 },
        {
          name: 'blood_type',
          type: 'categorical',
          values: ['O+', 'A+', 'B+', 'AB+', 'O-', 'A-'],
          weights: [38, 34, 9, 3, 7, 6],
        },
        { name: 'city', type: 'city' },
        {
          name: 'status',
          type: 'categorical',
          values: ['active', 'inactive', 'deceased'],
          weights: [80, 17, 3],
        },
      ],
    },
    {
      name: 'visits',
      parent: { table: 'patients', count: { distribution: 'poisson', mean: 3, max: 12 } },
      fields: [
        { name: 'id', type: 'sequence', prefix: 'V-', padding: 7 },
        { name: 'patient_id', type: 'reference', table: 'patients', field: 'id' },
        {
          name: 'visited_at',
          type: 'datetime',
          min: '2023-01-01',
          max: '2024-12-31',
          timeZone: 'America/New_York',
        },
        {
          name: 'reason',
          type: 'categorical',
          values: ['check-up', 'flu', 'injury', 'follow-up', 'vaccination'],
        },
        { name: 'cost', type: 'amount', min: 20, max: 2000 },
        { name: 'notes', type: 'sentence', nullPercent: 40 },
      ],
    },
  ],
};

export const iotConfig = {
  tables: [
    {
      name: 'sensors',
      rows: 100,
      fields: [
        { name: 'id', type: 'sequence', prefix: 'S-', padding: 4 },
        { name: 'city', type: 'city' },
        { name: 'installed_on', type: 'date', min: '2022-01-01', max: '2023-12-31' },
      ],
    },
    {
      name: 'readings',
      parent: { table: 'sensors', count: { distribution: 'uniform', min: 300, max: 700 } },
      sequence: {
        start: '2024-01-01T00:00:00Z',
        startJitter: '6h',
        interval: { type: 'regular', every: '5m', jitter: 0.1 },
        gaps: { rate: 0.002, meanLength: 12 },
      },
      fields: [
        { name: 'sensor_id', type: 'reference', table: 'sensors', field: 'id' },
        { name: 'at', type: 'series_timestamp' },
        {
          name: 'temperature',
          type: 'series_value',
          base: 21,
          trend: 0.01,
          seasons: [{ period: 'daily', amplitude: 3, peak: 15 }],
          noise: { process: 'ar1', sigma: 0.3, phi: 0.9 },
          outliers: { rate: 0.001, magnitude: 8 },
          precision: 2,
        },
      ],
    },
  ],
};
