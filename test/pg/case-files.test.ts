/**
 * The case files a worker keeps between the stages of an email (activities/src/adapters/pg/case-files.ts), on a real
 * Postgres: a stage starts from the kept copy without reading, and whenever anyone else changed the stored case file
 * (another worker's save, the body purge, re-sealing), the save changes nothing and the stage runs again on what
 * Postgres holds.
 */
import { CaseFiles } from '../../activities/src/adapters/pg/case-files';
import { loadCase, saveCase } from '../../activities/src/adapters/pg/emails';
import { auditTrail } from '../../activities/src/adapters/pg/audit-log';
import type { Decision, Draft, EmailCase } from '../../activities/src/domain/types';
import { sealDraftRider } from '../../activities/src/adapters/pg/drafts';
import { decisionRider } from '../../activities/src/adapters/pg/decisions';
import type { Queryable } from '../../activities/src/adapters/pg/pool';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { testVault } from '../support/data-keks';
import { registerTestEmail } from './email-fixture';
import { loadRawEmail } from '../../activities/src/adapters/pg/raw-emails';

let db: TestDatabase;
beforeAll(async () => {
  db = await withTestDatabase();
});
afterAll(() => db.close());

/** The pool, with every statement's text recorded. */
function countingDb(): { db: Queryable; statements: string[] } {
  const statements: string[] = [];
  const counting: Queryable = {
    query: ((text: string, values?: unknown[]) => {
      statements.push(text.replace(/\s+/g, ' ').trim());
      return db.pool.query(text, values);
    }) as Queryable['query'],
  };
  return { db: counting, statements };
}

function caseWith(subject: string, notes: string[] = []): EmailCase {
  return {
    parsed: { messageId: 'm@test', subject, text: 'Bonjour', from: { address: 'client@example.org', name: 'Client' } },
    cleaned: { clean: 'Bonjour', quoted: '', signature: '' },
    machine: { isMachine: false, kind: null, reasons: [] },
    pii: [], enrichment: null, classification: null, context: [], draft: null, guardrails: null, decision: null,
    notes,
  } as unknown as EmailCase;
}

/** A pure "stage": appends a note. */
const addNote = (note: string) => async (c: EmailCase) => ({ updated: { ...c, notes: [...((c as unknown as { notes: string[] }).notes ?? []), note] } as EmailCase });
const notesOf = (c: EmailCase | null) => (c as unknown as { notes: string[] } | null)?.notes;
const auditRow = (emailKey: string, stage: string) => ({ stage, event: 'done', data: {}, auditKey: `${emailKey}:${stage}:done` });
const auditOf = (emailKey: string, stage: string) => () => ({ audit: auditRow(emailKey, stage) });

it('runs the next stage on the case file it saved, without reading it back, and saves with its audit row', async () => {
  const { emailKey } = await registerTestEmail(db.pool);
  const { db: counting, statements } = countingDb();
  const vault = testVault(db.pool);
  const files = new CaseFiles(counting, vault);
  await files.save(emailKey, caseWith('first'), auditRow(emailKey, 'read'));
  statements.length = 0;

  const ran = await files.runOnCase(emailKey, addNote('enrich'), auditOf(emailKey, 'enrich'));
  const ranAgain = await files.runOnCase(emailKey, addNote('classify'), auditOf(emailKey, 'classify'));

  expect(notesOf(ran!.updated)).toEqual(['enrich']);
  expect(notesOf(ranAgain!.updated)).toEqual(['enrich', 'classify']);
  expect(statements.filter((s) => /^select email_case/.test(s))).toEqual([]);
  expect(statements.filter((s) => /update emails/.test(s))).toHaveLength(2);
  expect(notesOf(await loadCase(db.pool, vault, emailKey))).toEqual(['enrich', 'classify']);
  expect((await auditTrail(db.pool, emailKey)).map((a) => a.stage)).toEqual(['read', 'enrich', 'classify']);
});

it('reruns the stage on the stored case file when another writer changed it, with one audit row', async () => {
  const { emailKey } = await registerTestEmail(db.pool);
  const vault = testVault(db.pool);
  const files = new CaseFiles(db.pool, vault);
  await files.save(emailKey, caseWith('first'));
  // Another worker ran a stage of this email meanwhile.
  await saveCase(db.pool, vault, emailKey, caseWith('first', ['elsewhere']));

  const seen: string[][] = [];
  const ran = await files.runOnCase(emailKey, async (c) => {
    seen.push(notesOf(c) ?? []);
    return addNote('here')(c);
  }, auditOf(emailKey, 'check'));

  expect(seen).toEqual([[], ['elsewhere']]); // the kept copy first; its save changed nothing; then what Postgres holds
  expect(notesOf(ran!.updated)).toEqual(['elsewhere', 'here']);
  expect(notesOf(await loadCase(db.pool, vault, emailKey))).toEqual(['elsewhere', 'here']);
  expect((await auditTrail(db.pool, emailKey)).filter((a) => a.stage === 'check')).toHaveLength(1);
});

it('does not resurrect a purged case file: the stage runs on nothing and says so', async () => {
  const { emailKey } = await registerTestEmail(db.pool);
  const vault = testVault(db.pool);
  const files = new CaseFiles(db.pool, vault);
  await files.save(emailKey, caseWith('first'));
  await db.pool.query('update emails set email_case = null where email_key = $1', [emailKey]); // the body purge

  expect(await files.runOnCase(emailKey, addNote('late'), auditOf(emailKey, 'late'))).toBeNull();
  expect(await loadCase(db.pool, vault, emailKey)).toBeNull();
  expect(await auditTrail(db.pool, emailKey)).toEqual([]);
});

it('reads from Postgres once the kept copy is older than its time to live, and keeps at most maxKept', async () => {
  let now = 0;
  const vault = testVault(db.pool);
  const { db: counting, statements } = countingDb();
  const files = new CaseFiles(counting, vault, { ttlMs: 1000, maxKept: 2, now: () => now });
  const [a, b, c] = await Promise.all([registerTestEmail(db.pool), registerTestEmail(db.pool), registerTestEmail(db.pool)]);
  for (const e of [a!, b!, c!]) await files.save(e.emailKey, caseWith('x'));
  statements.length = 0;
  await files.runOnCase(a!.emailKey, addNote('a'), auditOf(a!.emailKey, 'stage')); // the oldest was let go
  await files.runOnCase(c!.emailKey, addNote('c'), auditOf(c!.emailKey, 'stage')); // kept
  now = 1001;
  await files.runOnCase(c!.emailKey, addNote('c2'), auditOf(c!.emailKey, 'stage2')); // kept too long
  expect(statements.filter((s) => /^select email_case/.test(s))).toHaveLength(2);
  expect(notesOf(await loadCase(db.pool, vault, c!.emailKey))).toEqual(['c', 'c2']);
});

it('writes the route and intent with the case file, and several audit rows in their order, in one statement', async () => {
  const { emailKey } = await registerTestEmail(db.pool);
  const { db: counting, statements } = countingDb();
  const files = new CaseFiles(counting, testVault(db.pool));
  await files.save(emailKey, caseWith('first'));
  statements.length = 0;
  await files.runOnCase(emailKey, addNote('route'), () => ({
    audit: [{ ...auditRow(emailKey, 'route'), publish: true }, { stage: 'route', event: 'review', data: { reasons: ['x'] }, auditKey: `${emailKey}:route:review`, publish: true }],
    routed: { route: 'review', intent: 'order_status' },
  }));
  expect(statements).toHaveLength(1);
  const { rows } = await db.pool.query('select route, intent from emails where email_key = $1', [emailKey]);
  expect(rows).toEqual([{ route: 'review', intent: 'order_status' }]);
  expect((await auditTrail(db.pool, emailKey)).map((a) => [a.stage, a.event, a.data])).toEqual([['route', 'done', {}], ['route', 'review', { reasons: ['x'] }]]);
  const outbox = await db.pool.query('select count(*)::int as n from event_outbox where email_key = $1', [emailKey]);
  expect(outbox.rows[0].n).toBe(2);
});

it("writes the draft's and the decision's rows with the case file, in its statement, and none when the save changes nothing", async () => {
  const { emailKey } = await registerTestEmail(db.pool);
  const vault = testVault(db.pool);
  const { db: counting, statements } = countingDb();
  const files = new CaseFiles(counting, vault);
  await files.save(emailKey, caseWith('first'));
  const draft = { subject: 'Re: colis', body: 'Bonjour, votre colis arrive.', lang: 'fr', templateId: 'order_status', version: '3', generator: 'template', facts: { order: 'AB-1' }, offers: [] } as unknown as Draft;
  const decision = { route: 'review', reasons: ['low_confidence'], confidence: 0.5, approvalsRequired: 1 } as unknown as Decision;
  const riders = async () => [await sealDraftRider(vault, { draftKey: `${emailKey}:draft`, emailKey, draft }), decisionRider({ decisionKey: `${emailKey}:route`, emailKey, decision, policyVersion: null, modelVersion: 'm1' })];
  // Another writer changed the stored case file: the kept copy's save writes nothing, the rerun writes each row once.
  await saveCase(db.pool, vault, emailKey, caseWith('first', ['elsewhere']));
  statements.length = 0;
  await files.runOnCase(emailKey, async (c) => ({ ...(await addNote('route')(c)), riders: await riders() }), ({ riders: r }) => ({ audit: auditRow(emailKey, 'route'), riders: r }));
  // The kept copy's save (changing nothing), the read, the save: the rows rode on the saves, no statement of their own.
  expect(statements.map((s) => s.slice(0, 30))).toEqual(['with changed as (update emails', 'select email_case from emails ', 'with changed as (update emails']);
  const drafts = await db.pool.query<{ draft_key: string; template_id: string; subject: Buffer }>('select draft_key, template_id, subject from drafts where email_key = $1', [emailKey]);
  expect(drafts.rows.map((r) => [r.draft_key, r.template_id])).toEqual([[`${emailKey}:draft`, 'order_status']]);
  expect(await vault.openText(drafts.rows[0]!.subject)).toBe('Re: colis'); // sealed
  expect(drafts.rows[0]!.subject.toString('utf8')).not.toContain('colis');
  const decided = await db.pool.query('select route, reasons, confidence, approvals_required, model_version from decisions where email_key = $1', [emailKey]);
  expect(decided.rows).toEqual([{ route: 'review', reasons: ['low_confidence'], confidence: 0.5, approvals_required: 1, model_version: 'm1' }]);
  // A retried stage writes no second row (same keys).
  await files.runOnCase(emailKey, async (c) => ({ updated: c, riders: await riders() }), ({ riders: r }) => ({ audit: auditRow(emailKey, 'route'), riders: r }));
  expect((await db.pool.query('select count(*)::int as n from drafts where email_key = $1', [emailKey])).rows[0].n).toBe(1);
  expect((await db.pool.query('select count(*)::int as n from decisions where email_key = $1', [emailKey])).rows[0].n).toBe(1);
});

it("reading an email's message tells the vault the email's data key: its first save looks nothing up", async () => {
  const { emailKey, rawId } = await registerTestEmail(db.pool);
  const { db: counting, statements } = countingDb();
  const vault = testVault(counting);
  await loadRawEmail(counting, vault, rawId, emailKey);
  statements.length = 0;
  await new CaseFiles(counting, vault).save(emailKey, caseWith('first'));
  expect(statements.filter((s) => /raw_emails/.test(s))).toEqual([]);
  expect(await vault.keyIdOfEmail(emailKey)).toBe(await testVault(db.pool).keyIdOfEmail(emailKey));
  expect(notesOf(await loadCase(db.pool, testVault(db.pool), emailKey))).toEqual([]);
});

it('does not keep a case file larger than a tenth of its budget, and keeps the budget', async () => {
  const vault = testVault(db.pool);
  const { db: counting, statements } = countingDb();
  const files = new CaseFiles(counting, vault, { maxKeptChars: 20_000 });
  const [big, small, other] = await Promise.all([registerTestEmail(db.pool), registerTestEmail(db.pool), registerTestEmail(db.pool)]);
  await files.save(big!.emailKey, caseWith('x'.repeat(5_000)));
  await files.save(small!.emailKey, caseWith('x'.repeat(1_000)));
  await files.save(other!.emailKey, caseWith('x'.repeat(1_500)));
  statements.length = 0;
  for (const e of [big!, small!, other!]) await files.runOnCase(e.emailKey, addNote('n'), auditOf(e.emailKey, 'stage'));
  expect(statements.filter((s) => /^select email_case/.test(s))).toHaveLength(1); // the big one only
});

it('an email with no row fails the save as before', async () => {
  const files = new CaseFiles(db.pool, testVault(db.pool));
  await expect(files.save('no-such-email', caseWith('x'))).rejects.toThrow(/no email with key|not found|no-such-email/i);
});
