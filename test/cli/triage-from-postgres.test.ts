/** Without --shop, `replique triage` reads the shop from the CRM in Postgres — and decides exactly as from the file. */
import { readFile } from 'node:fs/promises';
import { seedShop } from '@replique/activities/adapters/pg/seed-shop';
import { triageCommand } from '@replique/services/cli/triage-command';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { devEmailsDir, shopFixture } from '../support/paths';

jest.setTimeout(60_000);

let db: TestDatabase;
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  db = await withTestDatabase();
  await seedShop(db.pool, JSON.parse(await readFile(shopFixture, 'utf8')));
});

afterAll(async () => {
  process.env.DATABASE_URL = savedUrl;
  await db?.close();
});

test('the dev inbox triaged from Postgres gives the same lines as from the shop file', async () => {
  const fromFile: string[] = [];
  await triageCommand(['--shop', shopFixture, devEmailsDir], (l) => fromFile.push(l));
  process.env.DATABASE_URL = db.databaseUrl;
  const fromDb: string[] = [];
  await triageCommand([devEmailsDir], (l) => fromDb.push(l));
  expect(fromDb).toHaveLength(48);
  expect(fromDb).toEqual(fromFile);
});
