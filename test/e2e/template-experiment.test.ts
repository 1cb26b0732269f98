/**
 * An experiment between two template versions, end to end on the real stack (HTTP intake → Kafka → starter →
 * Temporal → worker → smtp-sink; the outbox relay → Kafka → the KPI consumer → Postgres): a tone experiment
 * (`templates@1`, the shipped closing, against `templates@2`, a warmer one, saved and checked as data) started while
 * the worker runs reaches it without a restart; each customer's emails are drafted with their variant's words (stable
 * assignment by customer), each draft records its template version and cohort; the outcomes per variant (automation,
 * time to close, CSAT through the rating link, re-escalation, conversion through the order feed) come from the KPI
 * tables and match the KPI dashboard's split by cohort. A person's promotion puts the winner's version in force for
 * everyone, audited, and the running worker follows within seconds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { createKafka } from '@replique/activities/adapters/kafka/kafka-client';
import type { EventConsumer } from '@replique/activities/adapters/kafka/event-consumer';
import { activeWordingVersion, saveWordingVersion } from '@replique/activities/adapters/pg/wording-versions';
import { createExperiment, experimentReport, getExperiment, promoteVariant, type VariantFigures } from '@replique/activities/adapters/pg/experiment-store';
import { kpiRows } from '@replique/activities/adapters/pg/kpi-store';
import { storePlacedOrders } from '@replique/activities/adapters/pg/placed-orders';
import { latestDraft } from '@replique/activities/adapters/pg/drafts';
import type { Draft } from '@replique/activities/domain/types';
import { FINAL_EMAIL_STATES, WAITING_EMAIL_STATES } from '@replique/activities/domain/types';
import { assignVariant } from '@replique/activities/reply/ab-assignment';
import { draftExperimentOf } from '@replique/activities/reply/draft-experiment';
import type { TemplateWording } from '@replique/activities/reply/wording/phrase-catalogue';
import { signLinkToken } from '@replique/activities/outbound/reply-link-token';
import { checkWordingVersion } from '../../services/src/wording/activation-check';
import { startKpiConsumer } from '../../services/src/kpi/kpi-consumer';
import { stack, waitFor } from '../adapters/stack-env';
import { devEmailsDir, sharedRoot } from '../support/paths';
import { REPLY_LINK_SECRET, startPipeline, type PipelineHarness } from '../support/pipeline-harness';

jest.setTimeout(300_000);

const SHIPPED_CLOSING = 'Kind regards,';
const WARM_CLOSING = 'With our warmest regards,';
// Two customers of the shop fixture whose questions are answered automatically (English, so the closing shows).
const HANNAH = { file: 'd005.eml', address: 'hannah.evans@btinternet.com', customerId: 'C0039' };
const OLIVIA = { file: 'd016.eml', address: 'olivia.clarke@outlook.com', customerId: 'C0033' };

let h: PipelineHarness;
let kafka: Kafka;
let kpi: EventConsumer;

beforeAll(async () => {
  h = await startPipeline();
  kafka = createKafka(stack.kafkaBrokers, `replique-abtest-${randomUUID().slice(0, 8)}`);
  kpi = await startKpiConsumer({ db: h.db.pool, kafka, groupId: `test-abtest-kpi-${randomUUID().slice(0, 8)}`, topic: h.topics.events });
});

afterAll(async () => {
  await kpi?.stop();
  await h?.stop();
});

/** A dev fixture under a fresh Message-ID, optionally as a reply in the thread of an earlier one. */
function copyOf(file: string, inReplyTo?: string): { raw: Buffer; messageId: string } {
  const messageId = `${randomUUID()}@test.replique`;
  let text = readFileSync(path.join(devEmailsDir, file), 'latin1');
  const thread = inReplyTo ? `\r\nIn-Reply-To: <${inReplyTo}>\r\nReferences: <${inReplyTo}>` : '';
  text = text.replace(/^Message-ID:.*$/im, `Message-ID: <${messageId}>${thread}`);
  return { raw: Buffer.from(text, 'latin1'), messageId };
}

const SETTLED = [...FINAL_EMAIL_STATES, ...WAITING_EMAIL_STATES];

async function answer(file: string, inReplyTo?: string): Promise<{ emailKey: string; messageId: string; state: string; draft: Draft }> {
  const { raw, messageId } = copyOf(file, inReplyTo);
  const { emailKey } = await h.deliver(raw);
  const view = await h.waitForView(emailKey, (v) => SETTLED.includes(v.state as never));
  return { emailKey, messageId, state: view.state, draft: (await latestDraft(h.db.pool, h.vault, emailKey))! };
}

const variantOf = (f: VariantFigures[], name: string) => f.find((x) => x.variant === name)!;

test('a tone experiment between two template versions: live start, drafts per variant, outcomes from the KPI tables, promotion for everyone', async () => {
  const pool = h.db.pool;
  // A prompt owner saves a warmer closing as template version 2 and runs its activation check (the dev set replayed).
  const shipped = (await activeWordingVersion(pool, 'templates'))!;
  const body = structuredClone(shipped.row.body) as unknown as TemplateWording;
  body.phrases.signature.en = body.phrases.signature.en.replace(SHIPPED_CLOSING, WARM_CLOSING);
  const { row: v2 } = await saveWordingVersion(pool, { kind: 'templates', body, by: 'paula', note: 'a warmer closing' });
  const check = await (await checkWordingVersion(pool, { kind: 'templates', version: v2.version, by: 'paula' },
    { sets: [devEmailsDir], shopFile: path.join(sharedRoot, 'fixtures', 'shop.json') })).done;
  expect(check.passed).toBe(true);

  // Assigned by customer: an experiment id under which the two customers land in different variants (the assignment
  // is a stable hash of the id and the customer's address, so the test can know it in advance).
  const definitionOf = (id: string) => ({
    id, kind: 'tone', title: 'Closing: shipped or warmer', metric: 'csat_positive', baseline: 0.8, mde: 0.1, assignmentUnit: 'customer' as const,
    variants: [{ name: 'shipped', versionKey: 'templates@1', weight: 1 }, { name: 'warmer', versionKey: `templates@${v2.version}`, weight: 1 }],
  });
  const planned = (id: string, address: string) =>
    assignVariant(draftExperimentOf({ ...definitionOf(id), status: 'running', promotedVariant: null }), `customer:${address}`).name;
  let id = '';
  for (let i = 0; !id || planned(id, HANNAH.address) === planned(id, OLIVIA.address); i++) id = `closing-tone-${i}`;
  const expected = { hannah: planned(id, HANNAH.address), olivia: planned(id, OLIVIA.address) };

  // Started while the worker runs: no setting names it, no restart.
  expect(h.workerExperiments().current()).toEqual([]);
  await createExperiment(pool, definitionOf(id), 'lena');
  const t0 = performance.now();
  await waitFor('the running worker follows the experiment', () => h.workerExperiments().current().some((e) => e.id === id), 10_000);
  const followedMs = performance.now() - t0;
  // One running experiment per text.
  await expect(createExperiment(pool, { ...definitionOf(`${id}-again`) }, 'lena')).rejects.toThrow(/one running experiment per text/);

  const hannah1 = await answer(HANNAH.file);
  const olivia1 = await answer(OLIVIA.file);
  const olivia2 = await answer(OLIVIA.file);
  // Hannah writes again in the same thread about the same matter: her automatic reply is re-escalated (KPI definition).
  const hannah2 = await answer(HANNAH.file, hannah1.messageId);
  for (const [who, emails] of [['hannah', [hannah1, hannah2]], ['olivia', [olivia1, olivia2]]] as const) {
    for (const e of emails) {
      const variant = expected[who];
      expect(e.draft.experiment).toEqual({ id, variant });
      expect(e.draft.wordingVersion).toBe(variant === 'warmer' ? v2.version : 1);
      expect(e.draft.body.includes(WARM_CLOSING)).toBe(variant === 'warmer');
      expect(e.draft.body.includes(SHIPPED_CLOSING)).toBe(variant === 'shipped');
    }
  }
  for (const e of [hannah1, olivia1, olivia2]) expect(e.state).toBe('sent');

  // Outcomes: Hannah rates her first reply 5, Olivia hers 2 (the rating links' endpoint); Hannah orders the next day.
  const rate = async (emailKey: string, score: number) => {
    const token = signLinkToken(REPLY_LINK_SECRET, { purpose: 'csat', emailKey, expiresAt: new Date(Date.now() + 86_400_000) });
    const res = await fetch(`${h.reviewUrl}/r/rate/${token}`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ score: String(score) }) });
    expect(res.status).toBeLessThan(400);
  };
  await rate(hannah1.emailKey, 5);
  await rate(olivia1.emailKey, 2);
  await storePlacedOrders(pool, [{
    id: `ABTEST-${randomUUID().slice(0, 8)}`, customerId: HANNAH.customerId, placedAt: new Date(Date.now() + 86_400_000).toISOString(),
    currency: 'EUR', total: 42, items: [{ sku: 'TEA-01', qty: 1, unitPrice: 42 }],
  }], 'http');

  // The KPI consumer takes the events; the experiment's figures are read from the KPI tables.
  const emailsOf = { [expected.hannah]: [hannah1, hannah2], [expected.olivia]: [olivia1, olivia2] };
  let figures: VariantFigures[] = [];
  await waitFor('the KPI tables have every email and rating of the experiment', async () => {
    figures = (await experimentReport(pool, (await getExperiment(pool, id))!)).figures;
    return figures.every((f) => f.emails === 2 && f.rated === 1 && f.closed >= emailsOf[f.variant]!.filter((e) => e.state === 'sent').length);
  }, 60_000);
  const H = variantOf(figures, expected.hannah);
  const O = variantOf(figures, expected.olivia);
  const sentOf = (emails: { state: string }[]) => emails.filter((e) => e.state === 'sent').length;
  expect(H).toMatchObject({ emails: 2, rated: 1, csat: 1, automated: sentOf([hannah1, hannah2]), closed: sentOf([hannah1, hannah2]) });
  expect(O).toMatchObject({ emails: 2, rated: 1, csat: 0, automated: 2, closed: 2, reescalationRate: 0 });
  // Hannah's first automatic reply came back in its thread: one re-escalation among her variant's automatic replies.
  expect(H.reescalationRate).toBeCloseTo(1 / H.automated, 9);
  for (const f of [H, O]) expect(f.timeToCloseP50Seconds!).toBeGreaterThan(0);
  for (const f of [H, O]) expect(f.timeToCloseP50Seconds!).toBeLessThan(600);
  // Conversion: Hannah's replies were followed by an order, Olivia's not.
  expect(H.conversionConverted).toBe(H.conversionMatched);
  expect(H.conversionMatched).toBeGreaterThan(0);
  expect(O.conversionConverted).toBe(0);

  // The same figures as the KPI dashboard's split by cohort.
  const byCohort = await kpiRows(pool, { from: null, to: null, granularity: 'all', split: 'cohort', filters: {} });
  for (const f of [H, O]) {
    const row = byCohort.find((r) => r.group === `${id}:${f.variant}`)!;
    expect(row).toMatchObject({ emails: f.emails, automated: f.automated, rated: f.rated, csat: f.csat, conversionConverted: f.conversionConverted });
    expect(row.reescalationRate).toBeCloseTo(f.reescalationRate!, 9);
  }

  // A person promotes the warmer closing: version 2 is in force for every email, audited; the worker follows.
  await promoteVariant(pool, { experimentId: id, variant: 'warmer', by: 'lena', note: 'warmer reads better' });
  const t1 = performance.now();
  await waitFor('the worker has version 2 in force and no experiment', () =>
    h.workerWording().templates().version === v2.version && h.workerExperiments().current().length === 0, 10_000);
  const promotedMs = performance.now() - t1;
  for (const who of [HANNAH, OLIVIA]) {
    const after = await answer(who.file);
    expect(after.draft.experiment).toBeNull();
    expect(after.draft.wordingVersion).toBe(v2.version);
    expect(after.draft.body).toContain(WARM_CLOSING);
  }
  const { rows: audit } = await pool.query<{ stage: string; event: string; data: Record<string, unknown> }>(
    `select stage, event, data from audit_log where stage in ('experiment', 'wording') order by id`);
  expect(audit.map((a) => `${a.stage}:${a.event}`)).toEqual([
    'wording:templates_saved', 'experiment:experiment_created', 'wording:templates_activated', 'experiment:variant_promoted',
  ]);
  expect(audit[2]!.data).toMatchObject({ version: v2.version, from: 1, by: 'lena', experiment: id });
  expect(audit[3]!.data).toMatchObject({ experiment: id, variant: 'warmer', by: 'lena', versionKey: `templates@${v2.version}`, inForce: `templates@${v2.version}` });
  process.stdout.write(`template experiment: the running worker followed the start ${followedMs.toFixed(0)} ms after its commit and the promotion `
    + `${promotedMs.toFixed(0)} ms after; ${[H, O].map((f) => `${f.variant}: ${f.emails} emails, CSAT ${f.csat}, re-escalation ${f.reescalationRate?.toFixed(2)}, `
      + `time to close p50 ${f.timeToCloseP50Seconds?.toFixed(1)} s, conversion ${f.conversionConverted}/${f.conversionMatched}`).join('; ')}\n`);
});
