import { describe, expect, it } from 'vitest';
import { patientsProfile, shopProfile } from '../test/profiles.ts';
import { planQuestion } from './built-in.engine.ts';
import type { TableProfile } from './types.ts';

function sqlOf(question: string, dataset: TableProfile[] = shopProfile): string {
  const plan = planQuestion(question, dataset);
  if (plan.kind !== 'sql') throw new Error(`unanswerable: ${question}: ${plan.message}`);
  return plan.sql;
}

describe('loose column matching', () => {
  it('ignores case, spaces and underscores in column names', () => {
    expect(sqlOf('latest signup date')).toBe(
      'SELECT max("signup_date") AS "max_signup_date" FROM "customers"',
    );
    expect(sqlOf('what is the earliest Signup_Date?')).toContain('min("signup_date")');
    expect(sqlOf('average UNIT PRICE')).toContain('avg("unit_price")');
  });

  it('matches singular and plural', () => {
    expect(sqlOf('which cities are there')).toContain('SELECT DISTINCT "city"');
    expect(sqlOf('list the statuses')).toContain('SELECT DISTINCT "status"');
  });

  it('understands words for age, money, dates and places', () => {
    expect(sqlOf('how many customers are older than 50')).toContain('"age" > 50');
    expect(sqlOf('5 most expensive orders')).toContain('ORDER BY "total" DESC');
    expect(sqlOf('cheapest order')).toMatch(/ORDER BY "total" ASC NULLS LAST LIMIT 1$/);
    expect(sqlOf('when was the latest order?')).toContain('max("ordered_at")');
    expect(sqlOf('where do most customers live?')).toMatch(
      /GROUP BY "city" ORDER BY "count" DESC.* LIMIT 1$/,
    );
  });

  it('matches category values case-insensitively, and country names to codes', () => {
    expect(sqlOf('customers in berlin')).toContain(`"city" = 'Berlin'`);
    expect(sqlOf('customers from Germany')).toContain(`"country" = 'DE'`);
    // "in" is a word, not India's code, unless typed as the code
    expect(sqlOf('how many customers in Paris')).not.toContain(`'IN'`);
    expect(sqlOf('how many customers in IN')).toContain(`"country" = 'IN'`);
  });

  it('picks the table by the columns mentioned, or by its name', () => {
    expect(sqlOf('average unit price')).toContain('FROM "orders"');
    expect(sqlOf('average income')).toContain('FROM "customers"');
    expect(sqlOf('how many orders')).toBe('SELECT count(*) AS "count" FROM "orders"');
  });

  it('reads a column named through its table', () => {
    expect(sqlOf('orders by customer country')).toContain('"customers"."country"');
    expect(sqlOf('average order value')).toContain('avg("total")');
  });

  it('derives an age from a birth date', () => {
    const sql = sqlOf('patients older than 60', patientsProfile);
    expect(sql).toContain(`CAST(date_part('year', age(current_date, "birth_date")) AS INTEGER) > 60`);
    expect(sqlOf('youngest patient', patientsProfile)).toMatch(/ORDER BY CAST\(.*\) ASC NULLS LAST LIMIT 1$/);
    expect(sqlOf('patients born before 1950', patientsProfile)).toContain(`"birth_date" < DATE '1950-01-01'`);
  });

  it('compares a place name with a column that has too many values to list', () => {
    expect(sqlOf('how many patients in Springfield', patientsProfile)).toContain(
      `lower("city") = lower('Springfield')`,
    );
    expect(sqlOf('patients with status active', patientsProfile)).toContain(`"status" = 'active'`);
    expect(sqlOf('patients with blood type O-', patientsProfile)).toContain(`"blood_type" = 'O-'`);
  });
});
