import { tableNameOf } from '@synoptic/contract';
import { describe, expect, test } from 'vitest';
import { fieldNames } from './field-names.ts';

describe('field names for sample columns', () => {
  test('keep identifiers and turn other names into snake_case words', () => {
    expect(
      fieldNames([
        'id',
        'lastName',
        'First Name',
        'Customer HTTPStatus',
        'e-mail',
        'Café',
        '2024 sales',
        '€',
      ]),
    ).toEqual([
      'id',
      'lastName',
      'first_name',
      'customer_http_status',
      'e_mail',
      'cafe',
      'c_2024_sales',
      'column',
    ]);
  });

  test('stay unique ignoring case', () => {
    expect(fieldNames(['Total', 'total', 'TOTAL!', 'first name', 'First_Name'])).toEqual([
      'Total',
      'total_2',
      'total_3',
      'first_name_2',
      'First_Name',
    ]);
  });
});

describe('table names for sample files', () => {
  test('come from the file name by the same rule', () => {
    expect(tableNameOf('Seattle Weather (2012).csv')).toBe('seattle_weather_2012');
    expect(tableNameOf('/uploads/SalesByRegion.parquet')).toBe('sales_by_region');
    expect(tableNameOf('2024.csv')).toBe('t_2024');
    expect(tableNameOf('***.csv')).toBe('sample');
  });
});
