import {
  EMAIL_STATES, EmailNotFoundError, getEmail, listEmails, loadCase, registerEmail, saveCase, setEmailState,
  setRouteAndIntent,
} from '../../activities/src/adapters/pg/emails';
import { RawEmailNotFoundError, loadRawEmail, storeRawEmail } from '../../activities/src/adapters/pg/raw-emails';
import { auditTrail } from '../../activities/src/adapters/pg/audit-log';
import { rawSha256 } from '../../activities/src/domain/email-key';
import type { EmailCase } from '../../activities/src/domain/types';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { testVault } from '../support/data-keks';
import { ErasedFieldError, type FieldVault } from '../../activities/src/adapters/vault/field-vault';
import { rawMessage, registerTestEmail } from './email-fixture';

let db: TestDatabase;
let vault: FieldVault;
beforeAll(async () => {
  db = await withTestDatabase();
  vault = testVault(db.pool);
});
afterAll(() => db.close());

describe('raw emails', () => {
  it('stores the same bytes once, whoever delivers them', async () => {
    const raw = Buffer.concat([rawMessage({ 'Message-ID': '<once@test>' }), Buffer.from([0x00, 0xff, 0xe9, 0x0d])]);
    const first = await storeRawEmail(db.pool, vault, { raw, source: 'imap', mailbox: 'support' });
    const again = await storeRawEmail(db.pool, vault, { raw: Buffer.from(raw), source: 'http', mailbox: 'other' });
    expect(first).toEqual({ rawId: expect.stringMatching(/^\d+$/), sha256: rawSha256(raw), inserted: true });
    expect(again).toEqual({ ...first, inserted: false });
    const { rows } = await db.pool.query('select count(*)::int as n, min(source) as source, min(size) as size from raw_emails where sha256 = $1', [first.sha256]);
    expect(rows[0]).toEqual({ n: 1, source: 'imap', size: raw.length });
    expect((await loadRawEmail(db.pool, vault, first.rawId)).equals(raw)).toBe(true);
  });

  it('stores once under concurrent deliveries', async () => {
    const raw = rawMessage({ 'Message-ID': '<concurrent@test>' });
    const results = await Promise.all([db.newPool(), db.newPool(), db.pool].map((pool) =>
      storeRawEmail(pool, vault, { raw, source: 'kafka-replay', mailbox: 'support' })));
    expect(results.filter((r) => r.inserted)).toHaveLength(1);
    expect(new Set(results.map((r) => r.rawId)).size).toBe(1);
  });

  it('opens a message whose key the vault has not cached with one statement (its key row comes with it); an erased key refuses', async () => {
    const raw = rawMessage({ From: `Ana <ana-${Date.now()}@example.org>`, 'Message-ID': `<key-with-raw-${Date.now()}@test>` });
    const stored = await storeRawEmail(db.pool, vault, { raw, source: 'http', mailbox: 'support' });
    let statements = 0;
    const counted = { query: ((...args: Parameters<typeof db.pool.query>) => { statements += 1; return db.pool.query(...args); }) as typeof db.pool.query };
    expect((await loadRawEmail(counted, testVault(counted), stored.rawId)).equals(raw)).toBe(true);
    expect(statements).toBe(1);
    await db.pool.query(
      `update data_keys set wrapped_key = null, kek_id = null, destroyed_at = now()
       where id = (select data_key_id from raw_emails where id = $1)`, [stored.rawId]);
    await expect(loadRawEmail(db.pool, testVault(db.pool), stored.rawId)).rejects.toThrow(ErasedFieldError);
  });

  it('refuses an unknown source, and an unknown id on load', async () => {
    await expect(storeRawEmail(db.pool, vault, { raw: Buffer.from('x'), source: 'fax' as never, mailbox: 'support' }))
      .rejects.toThrow(/check constraint/);
    await expect(loadRawEmail(db.pool, vault, '999999999')).rejects.toThrow(RawEmailNotFoundError);
  });
});

describe('emails', () => {
  it('registers an email once', async () => {
    const email = await registerTestEmail(db.pool);
    const again = await registerEmail(db.pool, { ...email, mailbox: 'support' });
    expect(again).toEqual({ inserted: false });
    expect(await getEmail(db.pool, email.emailKey)).toEqual({
      ...email, mailbox: 'support', conversationId: null, state: 'received', stateReason: null, route: null,
      intent: null, createdAt: expect.any(Date), updatedAt: expect.any(Date),
    });
  });

  it('accepts every declared state and nothing else', async () => {
    const { emailKey } = await registerTestEmail(db.pool);
    for (const state of EMAIL_STATES) {
      await setEmailState(db.pool, emailKey, state, `because ${state}`);
      expect(await getEmail(db.pool, emailKey)).toMatchObject({ state, stateReason: `because ${state}` });
    }
    await setEmailState(db.pool, emailKey, 'analysing');
    expect(await getEmail(db.pool, emailKey)).toMatchObject({ state: 'analysing', stateReason: null });
    await expect(setEmailState(db.pool, emailKey, 'lost' as never)).rejects.toThrow(/check constraint/);
  });

  it('saves and loads the case file, route and intent', async () => {
    const { emailKey } = await registerTestEmail(db.pool);
    expect(await loadCase(db.pool, vault, emailKey)).toBeNull();
    const emailCase = {
      parsed: { messageId: 'x@y', subject: 'Où est ma commande ?', text: 'Bonjour\n\u00e9t\u00e9 \u{1F600}' },
      cleaned: { clean: 'Bonjour', quoted: '', signature: '' },
      machine: { isMachine: false, kind: null, reasons: [] },
      pii: [], enrichment: null, classification: null, context: [], draft: null, guardrails: null,
      decision: { route: 'review', reasons: ['low_confidence'], confidence: 0.42, approvalsRequired: 1 },
    } as unknown as EmailCase;
    await saveCase(db.pool, vault, emailKey, emailCase);
    await saveCase(db.pool, vault, emailKey, emailCase);
    expect(await loadCase(db.pool, vault, emailKey)).toStrictEqual(emailCase);
    await setRouteAndIntent(db.pool, emailKey, { route: 'review', intent: 'order_status' });
    expect(await getEmail(db.pool, emailKey)).toMatchObject({ route: 'review', intent: 'order_status' });
    await expect(setRouteAndIntent(db.pool, emailKey, { route: 'maybe' as never, intent: null })).rejects.toThrow();
  });

  it('refuses to update an email that was never registered', async () => {
    const missing = 'f'.repeat(64);
    await expect(setEmailState(db.pool, missing, 'sent')).rejects.toThrow(EmailNotFoundError);
    await expect(saveCase(db.pool, vault, missing, {} as EmailCase)).rejects.toThrow(EmailNotFoundError);
    expect(await getEmail(db.pool, missing)).toBeNull();
    expect(await loadCase(db.pool, vault, missing)).toBeNull();
  });

  it('writes a change and its audit row in one statement: once on a retry, neither for an unknown email', async () => {
    const { emailKey } = await registerTestEmail(db.pool);
    const audit = { stage: 'classify', event: 'done', data: { notes: ['order_status', 'fr'] }, auditKey: `${emailKey}:classify:done` };
    const emailCase = { parsed: { subject: 'x' } } as unknown as EmailCase;
    await saveCase(db.pool, vault, emailKey, emailCase, audit);
    await saveCase(db.pool, vault, emailKey, emailCase, audit); // an activity retried after its save
    await setEmailState(db.pool, emailKey, 'waiting_review', null, 'review', { stage: 'state', event: 'waiting_review', data: { reason: null }, auditKey: `${emailKey}:state:waiting_review` });
    expect(await loadCase(db.pool, vault, emailKey)).toStrictEqual(emailCase);
    expect(await getEmail(db.pool, emailKey)).toMatchObject({ state: 'waiting_review', route: 'review' });
    expect((await auditTrail(db.pool, emailKey)).map(({ stage, event, data }) => ({ stage, event, data }))).toEqual([
      { stage: 'classify', event: 'done', data: { notes: ['order_status', 'fr'] } },
      { stage: 'state', event: 'waiting_review', data: { reason: null } },
    ]);

    const missing = 'e'.repeat(64);
    await expect(saveCase(db.pool, vault, missing, emailCase, { ...audit, auditKey: `${missing}:classify:done` })).rejects.toThrow(EmailNotFoundError);
    expect(await auditTrail(db.pool, missing)).toEqual([]);
    const { rows } = await db.pool.query('select count(*)::int as n from audit_log where audit_key = $1', [`${missing}:classify:done`]);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('lists newest first, optionally by state', async () => {
    const a = await registerTestEmail(db.pool);
    const b = await registerTestEmail(db.pool);
    await setEmailState(db.pool, a.emailKey, 'quarantined', 'not_an_email');
    await setEmailState(db.pool, b.emailKey, 'quarantined', 'not_an_email');
    const quarantined = await listEmails(db.pool, { state: 'quarantined', limit: 10 });
    expect(quarantined.map((e) => e.emailKey)).toEqual([b.emailKey, a.emailKey]);
    expect(await listEmails(db.pool, { state: 'quarantined', limit: 1 })).toHaveLength(1);
    const all = await listEmails(db.pool, { limit: 100 });
    expect(all.length).toBeGreaterThan(2);
    expect(all[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(all[all.length - 1]!.createdAt.getTime());
  });
});
