/** Decisions, drafts, reviewer actions, IMAP checkpoints and the audit log: idempotent writes, faithful reads. */
import { appendAudit, auditTrail } from '../../activities/src/adapters/pg/audit-log';
import { latestDecision, recordDecision } from '../../activities/src/adapters/pg/decisions';
import { latestDraft, modelDraftStats, saveDraft } from '../../activities/src/adapters/pg/drafts';
import { getCheckpoint, saveCheckpoint } from '../../activities/src/adapters/pg/imap-checkpoints';
import { recordReviewerAction, reviewerActionsOf } from '../../activities/src/adapters/pg/reviewer-actions';
import type { Decision, Draft } from '../../activities/src/domain/types';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { testVault } from '../support/data-keks';
import type { FieldVault } from '../../activities/src/adapters/vault/field-vault';
import { registerTestEmail } from './email-fixture';

let db: TestDatabase;
let vault: FieldVault;
let emailKey: string;
beforeAll(async () => {
  db = await withTestDatabase();
  vault = testVault(db.pool);
  ({ emailKey } = await registerTestEmail(db.pool));
});
afterAll(() => db.close());

describe('decisions', () => {
  it('records a decision once per key and reads the latest back', async () => {
    const decision: Decision = { route: 'review', reasons: ['refund_over_threshold'], confidence: 0.83, approvalsRequired: 2 };
    expect(await recordDecision(db.pool, { decisionKey: `${emailKey}:route:1`, emailKey, decision })).toEqual({ inserted: true });
    expect(await recordDecision(db.pool, { decisionKey: `${emailKey}:route:1`, emailKey, decision })).toEqual({ inserted: false });
    const later: Decision = { route: 'escalate', reasons: [], confidence: 1, approvalsRequired: 0 };
    await recordDecision(db.pool, { decisionKey: `${emailKey}:route:2`, emailKey, decision: later });
    await recordDecision(db.pool, { decisionKey: `${emailKey}:route:3`, emailKey, decision: later, modelVersion: 'meaning-model/v9' });
    expect(await latestDecision(db.pool, emailKey)).toMatchObject({ decisionKey: `${emailKey}:route:3`, policyVersion: null, modelVersion: 'meaning-model/v9' });
    await db.pool.query(`delete from decisions where decision_key = $1`, [`${emailKey}:route:3`]);
    expect(await latestDecision(db.pool, emailKey)).toEqual({
      ...later, id: expect.any(String), decisionKey: `${emailKey}:route:2`, emailKey, createdAt: expect.any(Date), policyVersion: null, modelVersion: null,
    });
    await expect(recordDecision(db.pool, { decisionKey: 'bad', emailKey, decision: { ...later, confidence: 1.5 } }))
      .rejects.toThrow(/check constraint/);
  });
});

describe('drafts', () => {
  const draft: Draft = {
    subject: 'Re: Commande CMD-10234', body: 'Bonjour Camille,\n\nVotre colis…', lang: 'fr',
    templateId: 'order_status', version: '3', generator: 'template', model: null,
    facts: { order_number: 'CMD-10234', total: 49.8, vip: false, carrier: null }, offers: ['GESTE10'],
  };

  it('saves a draft once per key, returning the same id, and reads the latest back as written', async () => {
    const id = await saveDraft(db.pool, vault, { draftKey: `${emailKey}:draft:1`, emailKey, draft });
    expect(await saveDraft(db.pool, vault, { draftKey: `${emailKey}:draft:1`, emailKey, draft: { ...draft, body: 'other' } })).toBe(id);
    const { id: _id, draftKey, emailKey: key, createdAt, ...stored } = (await latestDraft(db.pool, vault, emailKey))!;
    expect({ id: _id, draftKey, key }).toEqual({ id, draftKey: `${emailKey}:draft:1`, key: emailKey });
    expect(createdAt).toBeInstanceOf(Date);
    expect(stored).toStrictEqual({ ...draft, generation: null, wordingVersion: null, experiment: null });
    // A draft of an experiment records its cohort.
    await saveDraft(db.pool, vault, { draftKey: `${emailKey}:draft:x`, emailKey, draft: { ...draft, experiment: { id: 'tone-1', variant: 'warm' } } });
    expect((await latestDraft(db.pool, vault, emailKey))!.experiment).toEqual({ id: 'tone-1', variant: 'warm' });

    const llm: Draft = { ...draft, generator: 'llm', model: 'gpt-test', templateId: 'prompt-order', offers: [] };
    const id2 = await saveDraft(db.pool, vault, { draftKey: `${emailKey}:draft:2`, emailKey, draft: llm });
    expect(id2).not.toBe(id);
    expect(await latestDraft(db.pool, vault, emailKey)).toMatchObject({ id: id2, model: 'gpt-test', generator: 'llm' });
    expect(await latestDraft(db.pool, vault, 'f'.repeat(64))).toBeNull();
  });

  it('keeps how the model call went: prompt, model, tokens, latency; and the reason when the template was used', async () => {
    const generation = {
      promptId: 'draft-reply', promptVersion: '2.0.0', model: 'smollm2', promptTokens: 702, completionTokens: 131,
      latencyMs: 8421, fallbackReason: null,
    };
    const llm: Draft = { ...draft, generator: 'llm', model: 'smollm2', templateId: 'draft-reply', version: '2.0.0', generation };
    await saveDraft(db.pool, vault, { draftKey: `${emailKey}:draft:3`, emailKey, draft: llm });
    expect((await latestDraft(db.pool, vault, emailKey))!.generation).toEqual(generation);

    // the model timed out: the template's draft is kept, with the model that was asked and why it was not used
    const timedOut = { ...generation, promptTokens: null, completionTokens: null, latencyMs: 120004.6, fallbackReason: 'model call failed: Request timed out.' };
    await saveDraft(db.pool, vault, { draftKey: `${emailKey}:draft:4`, emailKey, draft: { ...draft, generation: timedOut } });
    expect(await latestDraft(db.pool, vault, emailKey)).toMatchObject({
      generator: 'template', model: 'smollm2', generation: { ...timedOut, latencyMs: 120005 },
    });

    // the KPIs per model and prompt version (template-only drafts are not model calls)
    expect(await modelDraftStats(db.pool)).toEqual([{
      model: 'smollm2', promptId: 'draft-reply', promptVersion: '2.0.0', calls: 2, modelDrafts: 1, fallbacks: 1,
      avgLatencyMs: 64213, p95LatencyMs: 114426, avgPromptTokens: 702, avgCompletionTokens: 131,
    }]);
  });
});

describe('reviewer actions', () => {
  it('records an action once per idempotency key, oldest first', async () => {
    const input = { idempotencyKey: 'req-1', emailKey, reviewer: 'alice', action: 'approve' as const };
    expect(await recordReviewerAction(db.pool, vault, input)).toEqual({ inserted: true });
    expect(await recordReviewerAction(db.pool, vault, input)).toEqual({ inserted: false });
    await recordReviewerAction(db.pool, vault, {
      idempotencyKey: 'req-2', emailKey, reviewer: 'bob', action: 'edit', payload: { body: 'corrigé' },
    });
    const actions = await reviewerActionsOf(db.pool, vault, emailKey);
    expect(actions.map((a) => [a.reviewer, a.action, a.payload])).toEqual([
      ['alice', 'approve', {}], ['bob', 'edit', { body: 'corrigé' }],
    ]);
    await expect(recordReviewerAction(db.pool, vault, { ...input, idempotencyKey: 'req-3', action: 'ignore' as never }))
      .rejects.toThrow(/check constraint/);
  });
});

describe('imap checkpoints', () => {
  it('moves forward only within one UIDVALIDITY and restarts on a new one', async () => {
    expect(await getCheckpoint(db.pool, 'INBOX')).toBeNull();
    await saveCheckpoint(db.pool, { mailbox: 'INBOX', uidvalidity: 4_000_000_000, lastUid: 10 });
    await saveCheckpoint(db.pool, { mailbox: 'INBOX', uidvalidity: 4_000_000_000, lastUid: 7 });
    expect(await getCheckpoint(db.pool, 'INBOX')).toEqual({ uidvalidity: 4_000_000_000, lastUid: 10 });
    await saveCheckpoint(db.pool, { mailbox: 'INBOX', uidvalidity: 4_000_000_000, lastUid: 12 });
    expect(await getCheckpoint(db.pool, 'INBOX')).toEqual({ uidvalidity: 4_000_000_000, lastUid: 12 });
    await saveCheckpoint(db.pool, { mailbox: 'INBOX', uidvalidity: 5, lastUid: 3 });
    expect(await getCheckpoint(db.pool, 'INBOX')).toEqual({ uidvalidity: 5, lastUid: 3 });
    expect(await getCheckpoint(db.pool, 'Other')).toBeNull();
  });
});

describe('audit log', () => {
  it('appends, once per audit key, and reads the trail oldest first', async () => {
    await appendAudit(db.pool, { emailKey, stage: 'intake', event: 'stored', data: { rawId: '1' } });
    expect(await appendAudit(db.pool, { emailKey, stage: 'route', event: 'decided', auditKey: `${emailKey}:route` }))
      .toEqual({ inserted: true });
    expect(await appendAudit(db.pool, { emailKey, stage: 'route', event: 'decided', auditKey: `${emailKey}:route` }))
      .toEqual({ inserted: false });
    await appendAudit(db.pool, { emailKey: null, stage: 'imap', event: 'polled' });
    const trail = await auditTrail(db.pool, emailKey);
    expect(trail.map((e) => [e.stage, e.event, e.data])).toEqual([['intake', 'stored', { rawId: '1' }], ['route', 'decided', {}]]);
  });

  it('rejects UPDATE, DELETE and TRUNCATE', async () => {
    await appendAudit(db.pool, { emailKey, stage: 'x', event: 'y' });
    await expect(db.pool.query("update audit_log set event = 'changed'")).rejects.toThrow(/append-only: UPDATE rejected/);
    await expect(db.pool.query('delete from audit_log')).rejects.toThrow(/append-only: DELETE rejected/);
    await expect(db.pool.query('truncate audit_log')).rejects.toThrow(/append-only: TRUNCATE rejected/);
    const { rows } = await db.pool.query("select count(*)::int as n from audit_log where event = 'changed'");
    expect(rows[0].n).toBe(0);
    expect((await auditTrail(db.pool, emailKey)).length).toBe(3);
  });
});
