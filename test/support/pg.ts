/**
 * A throwaway database per test file, on the local stack's Postgres: created, migrated, dropped on close. Tests
 * never touch the demo database (`replique`).
 *
 *   const db = await withTestDatabase();   // db.pool, db.databaseUrl
 *   afterAll(() => db.close());
 */
import { randomBytes } from 'node:crypto';
import { createPool, type Pool } from '../../activities/src/adapters/pg/pool';
import { migrate } from '../../activities/src/adapters/pg/migrate';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5433/replique';

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** The same server, another database. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestDatabase {
  name: string;
  databaseUrl: string;
  pool: Pool;
  /** Opens another pool on the same database (for concurrency tests); closed by close(). */
  newPool(): Pool;
  /** Ends every pool and drops the database. */
  close(): Promise<void>;
}

async function onAdmin<T>(work: (admin: Pool) => Promise<T>): Promise<T> {
  const admin = createPool(withDatabaseName(databaseUrl(), 'postgres'), { max: 1, applicationName: 'replique-test-admin' });
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export async function withTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `replique_test_${randomBytes(6).toString('hex')}`;
  await onAdmin((admin) => admin.query(`create database ${name}`));
  const url = withDatabaseName(databaseUrl(), name);
  const pools: Pool[] = [];
  const newPool = (): Pool => {
    const pool = createPool(url, { max: 5, applicationName: 'replique-test' });
    pools.push(pool);
    return pool;
  };
  const pool = newPool();
  const close = async (): Promise<void> => {
    await Promise.all(pools.map((p) => p.end()));
    await onAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
  };
  if (options.migrate ?? true) {
    try {
      await migrate(pool);
    } catch (error) {
      await close();
      throw error;
    }
  }
  return { name, databaseUrl: url, pool, newPool, close };
}
