import type { GeneratorConfig } from '@synoptic/contract';

/** The reference table of the generator benchmark: 10 columns of typical customer data. */
export function referenceConfig(rows: number): GeneratorConfig {
  return {
    tables: [
      {
        name: 'customers',
        rows,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'full_name', type: 'full_name' },
          { name: 'email', type: 'email' },
          { name: 'age', type: 'age' },
          {
            name: 'income',
            type: 'decimal',
            min: 0,
            distribution: { type: 'normal', mean: 55000, stddev: 18000 },
          },
          { name: 'signup_date', type: 'date', min: '2018-01-01', max: '2024-12-31' },
          { name: 'city', type: 'city' },
          {
            name: 'category',
            type: 'categorical',
            values: ['bronze', 'silver', 'gold', 'platinum'],
            weights: [50, 30, 15, 5],
          },
          { name: 'active', type: 'boolean', probability: 0.8 },
          { name: 'uuid', type: 'uuid' },
        ],
      },
    ],
  };
}
