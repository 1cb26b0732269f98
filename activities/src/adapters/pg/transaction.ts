/** Runs `work` on one client inside BEGIN / COMMIT, rolling back when it throws. */
import type { Pool, PoolClient } from 'pg';

export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('begin');
    try {
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      // A failed rollback means the connection is unusable: the pool must discard it, not reuse it.
      await client.query('rollback').catch((rollbackError: Error) => { broken = rollbackError; });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
