import { expect, test } from 'vitest';
import { AppError, formatIssuePath } from './errors.ts';

test('formats issue paths the way users read them', () => {
  expect(formatIssuePath(['tables', 1, 'fields', 3, 'distribution', 'mean'])).toBe(
    'tables[1].fields[3].distribution.mean',
  );
  expect(formatIssuePath([])).toBe('');
});

test('maps each error code to one HTTP status', () => {
  expect(new AppError('not_found', 'x').status).toBe(404);
  expect(new AppError('rate_limited', 'x', { retryAfter: 3 }).status).toBe(429);
  expect(new AppError('unprocessable', 'x').status).toBe(422);
});
