/**
 * Forward-only schema migrations: infra/migrations/NNN_name.sql, applied in number order, each in its own
 * transaction together with its row in `schema_migrations`. A session advisory lock serialises concurrent
 * callers (several workers starting at once): the first applies, the others wait, then find nothing to do.
 * An applied migration is never edited: its checksum is recorded and a changed file stops the run.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';

/** infra/migrations, from activities/src/adapters/pg. */
export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../../infra/migrations');

/** pg_advisory_lock key shared by every migrating process ("rpq-migr" as bytes). */
const MIGRATION_LOCK_KEY = '8246215357638469490';

const MIGRATION_FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  id: number;
  name: string; // the file name
  sql: string;
  checksum: string; // hex sha256 of the file
}

export interface MigrateResult {
  /** File names applied by this call, in order. */
  applied: string[];
  /** Highest migration number in the database after the run. */
  current: number;
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** Reads and orders the migration files; rejects a duplicated number and a stray .sql file. */
export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = MIGRATION_FILE.exec(file);
    if (!match) throw new MigrationError(`migration file name must be NNN_snake_case.sql: ${file}`);
    const id = Number(match[1]);
    if (migrations.some((m) => m.id === id)) throw new MigrationError(`two migrations numbered ${id}`);
    const sql = await readFile(path.join(dir, file), 'utf8');
    migrations.push({ id, name: file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

async function ensureMigrationsTable(client: PoolClient): Promise<void> {
  await client.query(`
    create table if not exists schema_migrations (
      id         integer primary key,
      name       text not null,
      checksum   text not null,
      applied_at timestamptz not null default now()
    )`);
}

async function appliedMigrations(client: PoolClient): Promise<Map<number, { name: string; checksum: string }>> {
  const { rows } = await client.query<{ id: number; name: string; checksum: string }>(
    'select id, name, checksum from schema_migrations order by id',
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, checksum: r.checksum }]));
}

async function applyMigration(client: PoolClient, migration: Migration): Promise<void> {
  await client.query('begin');
  try {
    await client.query(migration.sql);
    await client.query('insert into schema_migrations (id, name, checksum) values ($1, $2, $3)', [
      migration.id, migration.name, migration.checksum,
    ]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
  }
}

/** Brings the database up to the newest migration. Safe to call from several processes at once. */
export async function migrate(pool: Pool, options: { dir?: string } = {}): Promise<MigrateResult> {
  const migrations = await loadMigrations(options.dir);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await ensureMigrationsTable(client);
      const done = await appliedMigrations(client);
      const applied: string[] = [];
      for (const migration of migrations) {
        const previous = done.get(migration.id);
        if (previous) {
          if (previous.checksum !== migration.checksum) {
            throw new MigrationError(
              `migration ${migration.name} was changed after it was applied (as ${previous.name}); ` +
              'migrations are forward-only: add a new file instead',
            );
          }
          continue;
        }
        await applyMigration(client, migration);
        applied.push(migration.name);
      }
      // A database newer than this code (a rolling deploy) is fine: migrations are additive.
      const current = Math.max(0, ...done.keys(), ...migrations.map((m) => m.id));
      return { applied, current };
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
        .catch((unlockError: Error) => { broken = unlockError; });
    }
  } finally {
    client.release(broken);
  }
}
