/**
 * The Postgres connection pool, and `Queryable`: what every repository function takes first — the pool, or a
 * client inside a transaction (see transaction.ts). Plain `pg`, no ORM.
 */
import { Pool, type PoolClient, type QueryResult, type QueryResultRow } from 'pg';

export type { Pool, PoolClient };

/** Anything that runs one parameterised query: a Pool, a PoolClient, a Client. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

export interface PoolOptions {
  /** Most connections this process opens. */
  max?: number;
  /** Shown in pg_stat_activity: which service holds a connection. */
  applicationName?: string;
  /** An idle client lost its connection (server restart...). The pool replaces it; this only reports. */
  onIdleError?: (error: Error) => void;
}

export function createPool(databaseUrl: string, options: PoolOptions = {}): Pool {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'replique',
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  // Without a listener, an idle client's error would crash the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}
