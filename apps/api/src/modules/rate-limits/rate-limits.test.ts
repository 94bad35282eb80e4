import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApi, goodPassword, signUp, type TestApi, testClock } from '../../../test/harness.ts';

let first: TestApi;
let second: TestApi;
const clock = testClock();

beforeAll(async () => {
  first = await createTestApi({ clock });
  // A second api process on the same database, as behind a load balancer.
  second = await createTestApi({ clock, databaseUrl: first.pool.options.connectionString });
});
afterAll(async () => {
  await second.destroy();
  await first.destroy();
});

const login = (api: TestApi, email: string, password: string, ip = '203.0.113.7') =>
  api.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

test('limits wrong passwords per account across api instances, with Retry-After', async () => {
  const { email } = await signUp(first);
  for (let i = 0; i < 10; i++) {
    const api = i % 2 === 0 ? first : second;
    expect((await login(api, email, 'wrong password!', `198.51.100.${i}`)).statusCode).toBe(401);
  }
  const blocked = await login(second, email, goodPassword, '198.51.100.99');
  expect(blocked.statusCode).toBe(429);
  expect(blocked.json().error.code).toBe('rate_limited');
  const retryAfter = Number(blocked.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(900);
  clock.advance(retryAfter * 1000);
  expect((await login(first, email, goodPassword, '198.51.100.99')).statusCode).toBe(200);
});

test('limits attempts per address across accounts', async () => {
  for (let i = 0; i < 30; i++) {
    await login(i % 2 ? first : second, `nobody${i}@example.com`, 'irrelevant pass', '192.0.2.1');
  }
  const res = await login(first, 'someone@example.com', 'irrelevant pass', '192.0.2.1');
  expect(res.statusCode).toBe(429);
  expect(res.headers['retry-after']).toBeDefined();
});

test('limits password reset requests per address, answering the same until then', async () => {
  const { email } = await signUp(first);
  const reset = () =>
    first.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email },
      remoteAddress: '192.0.2.50',
    });
  for (let i = 0; i < 3; i++) expect((await reset()).statusCode).toBe(202);
  expect((await reset()).statusCode).toBe(429);
});
