/**
 * Records replay fixtures from real runs: the dev emails go through the whole pipeline on the shared local stack
 * (test/support/pipeline-harness.ts: HTTP intake, Kafka, starter, Temporal, worker, Postgres, SMTP sink, review API),
 * reviewers decide every way the workflow knows (approve, edit, reject, escalate, takeover; by update and by signal;
 * edits blocked then fixed or sent anyway; customers' follow-ups while a review waits; a VIP review SLA run out), and
 * each workflow's history is kept, gzipped, with what it covers in histories/manifest.json. Histories are
 * deduplicated by command shape while at least MIN_FILES remain, and none is written if any payload holds PII.
 *
 *   eval "$(cd /work/stack && bash infra/local/stack.sh env)"; pnpm exec tsx test/replay/record-histories.ts
 *
 * `--keep <tag>`: the histories already there stay (those of older workflow code, which must keep replaying), and the
 * new ones are added as `<name>-<tag>.json.gz`, one per shape and coverage. Payloads are decrypted
 * before they are kept (decode-history.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import {
  reviewDecisionSignal, workflowIdForEmailKey, type EmailWorkflowView, type ReviewDecision,
} from '@replique/workflows/contracts';
import { devEmailsDir, repoRoot } from '../support/paths';
import { customerReply } from '../review/fixtures';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { historyFacts, type JsonHistory } from './history-facts';
import { findPii } from './history-pii';
import {
  REQUIRED_CATEGORIES, historiesDir, historyFiles, manifestFile, readHistoryJson, readManifest, type Manifest,
} from './history-manifest';
import { freshDevEmail } from '../support/dev-email-copy';
import { decodeHistoryPayloads } from './decode-history';

const MIN_FILES = 50;
const keepAt = process.argv.indexOf('--keep');
/** `--keep <tag>`: add to the histories there, tagged (see above); null: replace the recorded ones. */
const KEEP_TAG = keepAt >= 0 ? process.argv[keepAt + 1] ?? 'new' : null;
const CONCURRENCY = 4;
const FINAL = new Set(['sent', 'suppressed', 'rejected', 'send_failed', 'quarantined']);
/** Reviewers' texts are written here, never copied from a draft: a draft greets the customer by name. */
const SAFE_BODY = 'Bonjour,\n\nMerci pour votre message : notre équipe examine votre demande.\n\nLe service client';
const WRONG_FACT = 'Hello,\n\nYour order will arrive on 23 November 2026.\n\nCustomer service';
const RIGHT_FACT = 'Hello,\n\nYour order will arrive on 22 November 2026.\n\nCustomer service';

type Scenario =
  | 'approve' | 'approve-by-signal' | 'edit' | 'edit-by-signal' | 'reject' | 'escalate-then-takeover' | 'takeover-edit'
  | 'follow-up-then-approve' | 'follow-up-escalating' | 'edit-blocked-then-fixed' | 'edit-blocked-then-overridden'
  | 'left-open' | 'sla-reminder-then-approve' | 'sla-escalated-then-takeover';
interface Run { file: string; scenario: Scenario }
interface Recorded { name: string; source: string; history: JsonHistory; json: string }

const REVIEW_CYCLE: Scenario[] = [
  'approve', 'edit', 'reject', 'escalate-then-takeover', 'takeover-edit', 'approve-by-signal', 'edit-by-signal',
  'follow-up-then-approve', 'follow-up-escalating',
];
const ESCALATED_CYCLE: Scenario[] = ['takeover-edit', 'reject', 'left-open'];

async function main(): Promise<void> {
  const dev = readdirEml();
  const reviewFiles = ['d007', 'd013', 'd014', 'd018', 'd019', 'd022', 'd024', 'd026', 'd027', 'd031', 'd037', 'd038'].map((d) => `${d}.eml`);
  const runs: Run[] = [
    // Every dev email once; the scenario applies only if it waits for a person.
    ...dev.map((file, i) => ({ file, scenario: REVIEW_CYCLE[i % REVIEW_CYCLE.length]! })),
    // The review emails again, each with another decision.
    ...reviewFiles.map((file, i) => ({ file, scenario: REVIEW_CYCLE[(i + 4) % REVIEW_CYCLE.length]! })),
    { file: 'd025.eml', scenario: 'edit-blocked-then-fixed' },
    { file: 'd025.eml', scenario: 'edit-blocked-then-overridden' },
    { file: 'd025.eml', scenario: 'left-open' },
  ];
  const recorded = await withPipeline({}, (p) => runAll(p, runs));
  // A policy whose VIP reviews remind after 3 s and escalate after 6 s: the SLA paths in real time.
  const dir = mkdtempSync(path.join(tmpdir(), 'replique-policy-'));
  const policy = JSON.parse(readFileSync(path.join(repoRoot, 'policies', 'default.json'), 'utf8')) as { vip: { review_sla: unknown } };
  policy.vip.review_sla = { remind_after: '3s', escalate_after: '6s' };
  writeFileSync(path.join(dir, 'policy.json'), JSON.stringify(policy));
  recorded.push(...await withPipeline({ REPLIQUE_POLICY_FILE: path.join(dir, 'policy.json') }, (p) => runAll(p, [
    { file: 'd025.eml', scenario: 'sla-reminder-then-approve' },
    { file: 'd025.eml', scenario: 'sla-escalated-then-takeover' },
  ])));
  rmSync(dir, { recursive: true });
  write(recorded);
}

function readdirEml(): string[] {
  const labels = JSON.parse(readFileSync(path.join(devEmailsDir, 'labels.json'), 'utf8')) as { file: string }[];
  return labels.map((l) => l.file);
}

async function withPipeline<T>(workerEnv: Record<string, string>, work: (p: PipelineHarness) => Promise<T>): Promise<T> {
  const pipeline = await startPipeline({ workerEnv });
  try {
    return await work(pipeline);
  } finally {
    await pipeline.stop();
  }
}

async function runAll(pipeline: PipelineHarness, runs: Run[]): Promise<Recorded[]> {
  const out: Recorded[] = [];
  const queue = [...runs];
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let run = queue.shift(); run; run = queue.shift()) {
      try {
        out.push(await drive(pipeline, run));
      } catch (error) {
        console.error(`${run.file} ${run.scenario}: ${(error as Error).message}`);
      }
    }
  }));
  return out;
}

async function drive(pipeline: PipelineHarness, run: Run): Promise<Recorded> {
  const original = freshDevEmail(run.file);
  const { emailKey } = await pipeline.deliver(original.raw);
  const handle = pipeline.client.workflow.getHandle(workflowIdForEmailKey(emailKey));
  const view = await pipeline.waitForView(emailKey, (v) => FINAL.has(v.state) || v.state === 'waiting_review' || v.state === 'escalated', 60_000);
  let scenario: string = FINAL.has(view.state) ? view.route ?? view.state : run.scenario;
  if (!FINAL.has(view.state)) {
    if (view.state === 'escalated' && !run.scenario.startsWith('sla-') && run.scenario !== 'left-open') {
      scenario = ESCALATED_CYCLE[Number.parseInt(emailKey.slice(0, 2), 16) % 2]!;
    }
    await act(pipeline, emailKey, scenario as Scenario, original);
    if (scenario !== 'left-open') await settle(pipeline, emailKey);
  }
  const history = await handle.fetchHistory();
  await decodeHistoryPayloads(history);
  if (scenario === 'left-open') await handle.terminate('recorded as an open workflow');
  const json = historyToJSON(history);
  const name = `${run.file.replace(/\.eml$/, '')}-${scenario}`;
  console.log(`${name}: ${(await pipeline.waitForView(emailKey, () => true).catch(() => ({ state: 'terminated' }))).state}`);
  return { name, source: `${run.file}, ${scenario}`, history: JSON.parse(json) as JsonHistory, json };
}

/** Until the email is final; if approvals are still missing, more reviewers approve. */
async function settle(pipeline: PipelineHarness, emailKey: string): Promise<void> {
  for (const reviewer of ['dave', 'erin', 'frank']) {
    const done = await pipeline.waitForView(emailKey, (v) => FINAL.has(v.state), 5_000).catch(() => null);
    if (done) return;
    await decide(pipeline, emailKey, { action: 'approve', reviewer });
  }
  await pipeline.waitForView(emailKey, (v) => FINAL.has(v.state), 30_000);
}

async function act(pipeline: PipelineHarness, emailKey: string, scenario: Scenario, original: { raw: Buffer; messageId: string }): Promise<void> {
  const signal = (d: Omit<ReviewDecision, 'decisionId'>) =>
    pipeline.client.workflow.getHandle(workflowIdForEmailKey(emailKey)).signal(reviewDecisionSignal, { decisionId: randomUUID(), ...d });
  const waitFor = (done: (v: EmailWorkflowView) => boolean, ms = 30_000) => pipeline.waitForView(emailKey, done, ms);
  switch (scenario) {
    case 'approve': return void await decide(pipeline, emailKey, { action: 'approve', reviewer: 'alice' });
    case 'approve-by-signal': return signal({ action: 'approve', reviewer: 'alice' });
    case 'edit': return void await decide(pipeline, emailKey, { action: 'edit', reviewer: 'carol', body: SAFE_BODY });
    case 'edit-by-signal': return signal({ action: 'edit', reviewer: 'carol', body: SAFE_BODY });
    case 'reject': return void await decide(pipeline, emailKey, { action: 'reject', reviewer: 'alice', note: 'not for us' });
    case 'escalate-then-takeover':
      await decide(pipeline, emailKey, { action: 'escalate', reviewer: 'alice' });
      await waitFor((v) => v.state === 'escalated');
      return takeoverAndEdit(pipeline, emailKey);
    case 'takeover-edit': return takeoverAndEdit(pipeline, emailKey);
    case 'follow-up-then-approve':
    case 'follow-up-escalating': {
      const text = scenario === 'follow-up-escalating'
        ? 'Sans réponse sous 48 h, je transmets le dossier à mon avocat et je porte plainte.'
        : 'Pardon, une précision : je ne serai pas là vendredi.';
      await pipeline.deliver(customerReply(original.raw, original.messageId, text));
      await waitFor((v) => v.review?.followUps?.[0]?.status === 'read');
      if (scenario === 'follow-up-escalating') return takeoverAndEdit(pipeline, emailKey);
      return void await decide(pipeline, emailKey, { action: 'approve', reviewer: 'alice' });
    }
    case 'edit-blocked-then-fixed':
      await decide(pipeline, emailKey, { action: 'edit', reviewer: 'alice', body: WRONG_FACT });
      await waitFor((v) => v.review?.blockedEdit != null || FINAL.has(v.state));
      return void await decide(pipeline, emailKey, { action: 'edit', reviewer: 'alice', body: RIGHT_FACT });
    case 'edit-blocked-then-overridden':
      await decide(pipeline, emailKey, { action: 'edit', reviewer: 'alice', body: WRONG_FACT });
      await waitFor((v) => v.review?.blockedEdit != null || FINAL.has(v.state));
      return signal({
        action: 'edit', reviewer: 'alice', body: WRONG_FACT,
        override: { checks: ['fact_mismatch'], reason: 'the carrier re-dated the shipment' },
      });
    case 'left-open': return;
    case 'sla-reminder-then-approve':
      await waitFor((v) => v.review?.remindedAt != null);
      return void await decide(pipeline, emailKey, { action: 'approve', reviewer: 'alice' });
    case 'sla-escalated-then-takeover':
      await waitFor((v) => v.review?.slaEscalated === true);
      return takeoverAndEdit(pipeline, emailKey);
  }
}

async function takeoverAndEdit(pipeline: PipelineHarness, emailKey: string): Promise<void> {
  await decide(pipeline, emailKey, { action: 'takeover', reviewer: 'sam' });
  await pipeline.waitForView(emailKey, (v) => v.review?.owner === 'sam', 30_000);
  await decide(pipeline, emailKey, { action: 'edit', reviewer: 'sam', body: SAFE_BODY });
}

/** Through the review API, as the web tool and its API clients decide (a Temporal update). */
async function decide(pipeline: PipelineHarness, emailKey: string, body: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${pipeline.reviewUrl}/api/emails/${emailKey}/decision`, {
    method: 'POST',
    headers: { authorization: `Bearer ${pipeline.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ decisionId: randomUUID(), ...body }),
  });
  await res.text();
  return res.status;
}


/** Keeps one history per (shape, categories), topped up to MIN_FILES; refuses to write any if one holds PII. */
function write(recorded: Recorded[]): void {
  const groups = new Map<string, Recorded[]>();
  for (const r of recorded) {
    const facts = historyFacts(r.history);
    const pii = findPii(facts.texts);
    if (pii.length > 0) throw new Error(`${r.name} holds PII: ${pii.map((p) => p.what).join(', ')}`);
    const key = `${facts.shape} ${facts.categories.join(' ')}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const kept = [...groups.values()].map((g) => g.shift()!);
  const previous = readManifest();
  // Recorded by the workflow tests, kept as they are; with --keep, every history already there.
  const untouched = historyFiles().filter((f) => KEEP_TAG !== null || f.endsWith('.json'));
  for (let spare = [...groups.values()].flat(); kept.length + untouched.length < MIN_FILES && spare.length > 0;) kept.push(spare.shift()!);
  if (KEEP_TAG === null) for (const file of historyFiles()) if (file.endsWith('.json.gz')) unlinkSync(path.join(historiesDir, file));
  const manifest: Manifest = {};
  for (const file of untouched) manifest[file] = { source: previous[file]?.source ?? 'test/workflows (time-skipping test server)', covers: historyFacts(readHistoryJson(file)).categories };
  const names = new Map<string, number>();
  for (const r of kept.sort((a, b) => a.name.localeCompare(b.name))) {
    const n = (names.get(r.name) ?? 0) + 1;
    names.set(r.name, n);
    const file = `${r.name}${KEEP_TAG ? `-${KEEP_TAG}` : ''}${n > 1 ? `-${n}` : ''}.json.gz`;
    writeFileSync(path.join(historiesDir, file), gzipSync(r.json, { level: 9 }));
    manifest[file] = { source: r.source, covers: historyFacts(r.history).categories };
  }
  writeFileSync(manifestFile, `${JSON.stringify(Object.fromEntries(Object.entries(manifest).sort()), null, 1)}\n`);
  const covered = new Set(Object.values(manifest).flatMap((m) => m.covers));
  const missing = REQUIRED_CATEGORIES.filter((c) => !covered.has(c));
  console.log(`${Object.keys(manifest).length} histories (${recorded.length} recorded, ${groups.size} shapes); missing: ${missing.join(', ') || 'none'}`);
  if (missing.length > 0) process.exitCode = 1;
}

/** `--manifest`: recomputes what the kept files cover (after history-facts.ts learns a category), recording nothing. */
function rewriteManifest(): void {
  const previous = readManifest();
  const manifest: Manifest = {};
  for (const file of historyFiles()) manifest[file] = { source: previous[file]?.source ?? 'unknown', covers: historyFacts(readHistoryJson(file)).categories };
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 1)}\n`);
}

(process.argv.includes('--manifest') ? Promise.resolve(rewriteManifest()) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
