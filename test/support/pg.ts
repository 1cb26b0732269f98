/**
 * A throwaway database per test file, on the local stack's Postgres: created, migrated, dropped on close. Tests
 * never touch the demo database (`replique`). Databases left behind by a killed run (named with their creation
 * time) are dropped by a later run once they are a few hours old and nobody is connected to them.
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

const TEST_DATABASE = /^replique_test_(\d+)_[0-9a-f]+$/;
const STALE_AFTER_MS = 6 * 3600_000;

/** Drops test databases older than STALE_AFTER_MS that have no connection (a killed run's leftovers). */
async function dropStaleTestDatabases(admin: Pool): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database d where datname like 'replique\\_test\\_%'
     and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)`,
  );
  for (const { datname } of rows) {
    const created = TEST_DATABASE.exec(datname);
    if (!created || Date.now() - Number(created[1]) * 1000 < STALE_AFTER_MS) continue;
    // Without FORCE: a database someone connected to meanwhile is left alone.
    await admin.query(`drop database if exists ${datname}`).catch(() => undefined);
  }
}

export async function withTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `replique_test_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await onAdmin(async (admin) => {
    await dropStaleTestDatabases(admin);
    await admin.query(`create database ${name}`);
  });
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
