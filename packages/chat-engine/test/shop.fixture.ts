import type { DuckDBConnection } from '@duckdb/node-api';
import type { ChatPlan, ChatTurn, QueryResult, TableProfile } from '../src/types.ts';
import { openDuck, profileTable, run } from './duck.harness.ts';

// A small shop with known rows: expectations in tests are computed from these arrays.

export type Customer = {
  id: number;
  name: string;
  email: string | null;
  age: number;
  city: string;
  country: string;
  phone: string | null;
  signup_date: string;
  vip: boolean;
  income: number;
};

export type Order = {
  id: string;
  customer_id: number;
  ordered_at: string;
  quantity: number;
  unit_price: number;
  total: number;
  status: string;
};

const c = (
  id: number,
  name: string,
  email: string | null,
  age: number,
  city: string,
  country: string,
  phone: string | null,
  signup_date: string,
  vip: boolean,
  income: number,
): Customer => ({ id, name, email, age, city, country, phone, signup_date, vip, income });

export const customers: Customer[] = [
  c(1, 'Ann Lee', 'ann@example.com', 25, 'Berlin', 'DE', '+49 30 1', '2021-03-01', false, 42000),
  c(2, 'Bob Stone', 'bob@example.com', 67, 'Berlin', 'DE', null, '2020-05-10', true, 88000),
  c(3, 'Cleo Park', null, 71, 'Berlin', 'DE', '+49 30 2', '2022-01-15', false, 51000),
  c(4, 'Dan Brown', 'dan@example.com', 34, 'Paris', 'FR', '+33 1 1', '2023-07-07', false, 39000),
  c(5, 'Eve Adams', 'eve@example.com', 62, 'Paris', 'FR', null, '2019-11-30', true, 120000),
  c(6, 'Finn Wolf', 'finn@example.com', 45, 'Hamburg', 'DE', '+49 40 1', '2024-02-02', false, 47000),
  c(7, 'Gus Hall', null, 19, 'New York', 'US', '+1 212 1', '2024-06-20', false, 21000),
  c(8, 'Hana Ito', 'hana@example.com', 58, 'New York', 'US', '+1 212 2', '2021-09-09', false, 76000),
  c(9, 'Ivan Petrov', 'ivan@example.com', 81, 'Paris', 'FR', '+33 1 2', '2020-12-12', true, 65000),
  c(10, "Jo O'Neil", 'jo@example.com', 29, 'Berlin', 'DE', '+49 30 3', '2023-03-03', false, 33000),
  c(11, 'Kim Ray', 'kim@example.com', 40, 'New York', 'US', null, '2022-08-08', false, 58000),
  c(12, 'Lou Chen', 'lou@example.com', 52, 'Hamburg', 'DE', '+49 40 2', '2021-01-01', true, 99000),
];

const o = (
  n: number,
  customer_id: number,
  ordered_at: string,
  quantity: number,
  unit_price: number,
  status: string,
): Order => ({
  id: `O-${String(n).padStart(3, '0')}`,
  customer_id,
  ordered_at,
  quantity,
  unit_price,
  total: Math.round(quantity * unit_price * 100) / 100,
  status,
});

export const orders: Order[] = [
  o(1, 1, '2024-01-05 10:00:00', 2, 30, 'shipped'),
  o(2, 1, '2024-03-17 12:30:00', 1, 150, 'paid'),
  o(3, 2, '2024-06-01 09:00:00', 3, 45.5, 'shipped'),
  o(4, 2, '2024-06-02 18:45:00', 5, 40, 'refunded'),
  o(5, 4, '2023-11-11 11:11:00', 1, 199.99, 'shipped'),
  o(6, 5, '2024-07-20 08:00:00', 4, 60, 'shipped'),
  o(7, 5, '2024-08-01 14:00:00', 2, 75, 'paid'),
  o(8, 6, '2024-02-29 16:20:00', 6, 12.5, 'shipped'),
  o(9, 8, '2024-09-09 09:09:00', 1, 320, 'shipped'),
  o(10, 8, '2023-12-24 20:00:00', 3, 55, 'refunded'),
  o(11, 9, '2024-10-10 10:10:00', 2, 99, 'shipped'),
  o(12, 10, '2024-11-30 23:59:00', 1, 15, 'paid'),
  o(13, 12, '2024-12-01 00:30:00', 4, 110, 'shipped'),
  o(14, 12, '2024-05-05 05:05:00', 2, 64.25, 'shipped'),
  o(15, 3, '2024-04-04 04:04:00', 1, 480, 'paid'),
  o(16, 7, '2024-06-15 15:00:00', 3, 33.3, 'shipped'),
];

function sqlValue(v: unknown): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return `'${String(v).replaceAll("'", "''")}'`;
}

export type Shop = {
  conn: DuckDBConnection;
  dataset: TableProfile[];
  run: (sql: string) => Promise<QueryResult>;
  /** Plans a question and runs its SQL; throws when the plan is unanswerable. */
  ask: (
    question: string,
    history?: ChatTurn[],
  ) => Promise<{
    plan: Extract<ChatPlan, { kind: 'sql' }>;
    result: QueryResult;
    rows: Array<Record<string, unknown>>;
  }>;
  close: () => void;
};

export async function openShop(
  plan: (q: string, d: TableProfile[], h: ChatTurn[]) => Promise<ChatPlan>,
): Promise<Shop> {
  const duck = await openDuck();
  const { conn } = duck;
  await conn.run(`CREATE TABLE customers (id BIGINT, name VARCHAR, email VARCHAR, age INTEGER, city VARCHAR, country VARCHAR,
    phone VARCHAR, signup_date DATE, vip BOOLEAN, income DOUBLE)`);
  await conn.run(`CREATE TABLE orders (id VARCHAR, customer_id BIGINT, ordered_at TIMESTAMP, quantity INTEGER,
    unit_price DOUBLE, total DOUBLE, status VARCHAR)`);
  await conn.run(
    `INSERT INTO customers VALUES ${customers.map((r) => `(${Object.values(r).map(sqlValue).join(', ')})`).join(', ')}`,
  );
  await conn.run(
    `INSERT INTO orders VALUES ${orders.map((r) => `(${Object.values(r).map(sqlValue).join(', ')})`).join(', ')}`,
  );
  const dataset = [await profileTable(conn, 'customers'), await profileTable(conn, 'orders')];
  const runSql = (sql: string) => run(conn, sql);
  return {
    conn,
    dataset,
    run: runSql,
    ask: async (question, history = []) => {
      const p = await plan(question, dataset, history);
      if (p.kind !== 'sql') throw new Error(`unanswerable: ${question}: ${p.message}`);
      const result = await runSql(p.sql);
      const rows = result.rows.map((row) =>
        Object.fromEntries(result.columns.map((col, i) => [col.name, row[i]])),
      );
      return { plan: p, result, rows };
    },
    close: duck.close,
  };
}
