import { readFile, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { expect, test } from 'vitest';
import { makeDataDir, startPlatform } from './support/platform.ts';

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

test('stops cleanly on SIGTERM and keeps its data and secrets across a restart', {
  timeout: 180_000,
}, async () => {
  const dataDir = await makeDataDir('onebox');
  try {
    const first = await startPlatform(dataDir);
    const secrets = JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8'));
    expect((await readFile(join(dataDir, 'pg', 'PG_VERSION'), 'utf8')).trim()).toMatch(/^\d+$/);
    const url = `postgres://postgres:${secrets.EMBEDDED_PG_PASSWORD}@127.0.0.1:${first.ports.pg}/synoptic`;
    const client = new pg.Client(url);
    await client.connect();
    await client.query('create table public.survives_restart (note text)');
    await client.query(`insert into public.survives_restart values ('kept')`);
    await client.end();

    expect(await first.platform.stop()).toBe(0);
    for (const port of Object.values(first.ports)) expect(await portIsFree(port)).toBe(true);

    const second = await startPlatform(dataDir, first.ports);
    expect(JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8'))).toEqual(secrets);
    const again = new pg.Client(url);
    await again.connect();
    const { rows } = await again.query('select note from public.survives_restart');
    await again.end();
    expect(rows).toEqual([{ note: 'kept' }]);
    const ready = await fetch(`${second.platform.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await second.platform.stop()).toBe(0);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
