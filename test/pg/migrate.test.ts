import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS_DIR, MigrationError, loadMigrations, migrate } from '../../activities/src/adapters/pg/migrate';
import { withTestDatabase, type TestDatabase } from '../support/pg';

async function migrationIds(db: TestDatabase): Promise<number[]> {
  const { rows } = await db.pool.query<{ id: number }>('select id from schema_migrations order by id');
  return rows.map((r) => r.id);
}

describe('migrate', () => {
  let files: string[];
  beforeAll(async () => {
    files = (await loadMigrations()).map((m) => m.name);
  });

  it('applies every migration once; a second run is a no-op', async () => {
    const db = await withTestDatabase({ migrate: false });
    try {
      const first = await migrate(db.pool);
      expect(first.applied).toEqual(files);
      const second = await migrate(db.pool);
      expect(second.applied).toEqual([]);
      expect(second.current).toBe(first.current);
      expect(await migrationIds(db)).toEqual((await loadMigrations()).map((m) => m.id));
    } finally {
      await db.close();
    }
  });

  it('is safe when three processes migrate the same database at once', async () => {
    const db = await withTestDatabase({ migrate: false });
    try {
      const pools = [db.newPool(), db.newPool(), db.newPool()];
      const results = await Promise.all(pools.map((pool) => migrate(pool)));
      const applied = results.flatMap((r) => r.applied).sort();
      expect(applied).toEqual(files);
      expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
      expect(await migrationIds(db)).toHaveLength(files.length);
    } finally {
      await db.close();
    }
  });

  describe('with a copy of the migrations directory', () => {
    let db: TestDatabase;
    let dir: string;
    beforeEach(async () => {
      db = await withTestDatabase();
      dir = await mkdtemp(path.join(os.tmpdir(), 'replique-migrations-'));
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
    });
    afterEach(async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('applies a new migration after the existing ones', async () => {
      await writeFile(path.join(dir, '900_add_test_table.sql'), 'create table test_added (id int primary key);');
      const result = await migrate(db.pool, { dir });
      expect(result).toEqual({ applied: ['900_add_test_table.sql'], current: 900 });
      await db.pool.query('select * from test_added');
    });

    it('rolls back a failing migration entirely', async () => {
      await writeFile(path.join(dir, '901_broken.sql'), 'create table half_done (id int); select 1/0;');
      await expect(migrate(db.pool, { dir })).rejects.toThrow(/901_broken\.sql failed: division by zero/);
      const { rows } = await db.pool.query("select to_regclass('half_done') as t");
      expect(rows[0].t).toBeNull();
      expect(await migrationIds(db)).not.toContain(901);
      // The lock was released: a fixed file goes through.
      await writeFile(path.join(dir, '901_broken.sql'), 'create table half_done (id int);');
      expect((await migrate(db.pool, { dir })).applied).toEqual(['901_broken.sql']);
    });

    it('refuses to run when an applied migration was edited', async () => {
      const first = files[0]!;
      await writeFile(path.join(dir, first), '-- edited\n', { flag: 'a' });
      await expect(migrate(db.pool, { dir })).rejects.toThrow(MigrationError);
      await expect(migrate(db.pool, { dir })).rejects.toThrow(/changed after it was applied/);
    });

    it('rejects a badly named or duplicated migration file', async () => {
      await writeFile(path.join(dir, '9_bad.sql'), 'select 1;');
      await expect(migrate(db.pool, { dir })).rejects.toThrow(/NNN_snake_case/);
      await rm(path.join(dir, '9_bad.sql'));
      await writeFile(path.join(dir, '001_again.sql'), 'select 1;');
      await expect(migrate(db.pool, { dir })).rejects.toThrow(/two migrations numbered 1/);
    });
  });
});
