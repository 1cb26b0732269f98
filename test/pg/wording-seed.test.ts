/**
 * A later edition of the shipped wording reaches a database seeded with an earlier one: saved as a new version by
 * `seed` (the earlier version kept as it was, for the drafts that name it), put in force when the version in force was
 * a shipped one, left beside a version staff activated. A second seed of the same edition is a no-op.
 */
import { activeWordingVersion, activateWordingVersion, finishWordingCheck, getWordingVersion, listWordingVersions, saveWordingVersion, seedWordingVersions, startWordingCheck } from '@replique/activities/adapters/pg/wording-versions';
import { BUILTIN_TEMPLATE_WORDING, SHIPPED_WORDING_EDITION, type TemplateWording } from '@replique/activities/reply/wording/phrase-catalogue';
import { withTestDatabase, type TestDatabase } from '../support/pg';

jest.setTimeout(60_000);

let db: TestDatabase;
beforeEach(async () => {
  db = await withTestDatabase();
});
afterEach(async () => {
  await db?.close();
});

/** An earlier edition: the processing order's reply still promised an email with the tracking number. */
function earlierEdition(): TemplateWording {
  const phrases = structuredClone(BUILTIN_TEMPLATE_WORDING.phrases);
  phrases['order.processing'].en += ' As soon as it ships, you will receive an email with the tracking number and link.';
  return { phrases };
}

/** Version 1 as a database seeded by an earlier release holds it. */
async function seededWithEarlierEdition(): Promise<void> {
  await db.pool.query(`insert into wording_versions (kind, version, body, created_by, note) values ('templates', 1, $1::jsonb, 'seed', 'the shipped wording')`,
    [JSON.stringify(earlierEdition())]);
  await db.pool.query(`insert into wording_activations (kind, version, action, activated_by) values ('templates', 1, 'seed', 'seed')`);
}

test('an empty database gets the shipped wording as version 1, in force; seeding again changes nothing', async () => {
  expect((await seedWordingVersions(db.pool)).seeded).toEqual(['templates', 'prompts']);
  expect(await seedWordingVersions(db.pool)).toEqual({ seeded: [], updated: [] });
  const inForce = (await activeWordingVersion(db.pool, 'templates'))!;
  expect(inForce.row).toMatchObject({ version: 1, createdBy: 'seed', note: `the shipped wording, edition ${SHIPPED_WORDING_EDITION}` });
  expect(inForce.row.body).toEqual(BUILTIN_TEMPLATE_WORDING);
});

test('a database in force on an earlier shipped edition gets this one as a new version in force; the earlier one is kept', async () => {
  await seededWithEarlierEdition();
  expect((await seedWordingVersions(db.pool)).updated).toEqual(['templates']);
  const inForce = (await activeWordingVersion(db.pool, 'templates'))!;
  expect(inForce.activation).toMatchObject({ version: 2, action: 'seed', activatedBy: 'seed' });
  expect(inForce.row.body).toEqual(BUILTIN_TEMPLATE_WORDING);
  expect(inForce.row.diff).toEqual([expect.objectContaining({ path: expect.stringContaining('order.processing') })]);
  expect((await getWordingVersion(db.pool, 'templates', 1))!.body).toEqual(earlierEdition());
  const { rows } = await db.pool.query<{ event: string }>(`select event from audit_log where stage = 'wording' order by id`);
  expect(rows.map((r) => r.event)).toEqual(['templates_saved', 'templates_seeded']);
  expect(await seedWordingVersions(db.pool)).toEqual({ seeded: [], updated: [] });
  expect((await listWordingVersions(db.pool, 'templates')).map((v) => v.version)).toEqual([2, 1]);
});

test('a version staff activated stays in force: the new shipped edition is saved beside it for their check', async () => {
  await seededWithEarlierEdition();
  const own = earlierEdition();
  own.phrases['thanks.closing'].en = 'See you soon!';
  const saved = (await saveWordingVersion(db.pool, { kind: 'templates', body: own, by: 'paula' })).row.version;
  const check = await startWordingCheck(db.pool, { kind: 'templates', version: saved, by: 'paula' });
  await finishWordingCheck(db.pool, check.id, true, {});
  await activateWordingVersion(db.pool, { kind: 'templates', version: saved, by: 'paula' });

  expect((await seedWordingVersions(db.pool)).updated).toEqual(['templates']);
  expect((await activeWordingVersion(db.pool, 'templates'))!.row.version).toBe(saved);
  const latest = (await listWordingVersions(db.pool, 'templates', 1))[0]!;
  expect(latest).toMatchObject({ version: saved + 1, createdBy: 'seed' });
  expect(latest.body).toEqual(BUILTIN_TEMPLATE_WORDING);
});
