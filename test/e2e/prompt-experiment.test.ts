/**
 * An experiment between two prompt versions, end to end on the real stack (HTTP intake → Kafka → starter → Temporal →
 * worker, whose model is an OpenAI-compatible replay server over HTTP): `prompts@1` (the shipped prompt) against
 * `prompts@2` (saved and checked as data), started while the worker runs. Each conversation's draft is written by the
 * model with its variant's prompt (what reached the model says which), and records the prompt version and the
 * cohort; the promotion puts version 2 in force for every email, and the running worker follows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { activeWordingVersion, saveWordingVersion } from '@replique/activities/adapters/pg/wording-versions';
import { createExperiment, promoteVariant } from '@replique/activities/adapters/pg/experiment-store';
import { latestDraft } from '@replique/activities/adapters/pg/drafts';
import { FINAL_EMAIL_STATES, WAITING_EMAIL_STATES } from '@replique/activities/domain/types';
import { assignVariant } from '@replique/activities/reply/ab-assignment';
import { draftExperimentOf } from '@replique/activities/reply/draft-experiment';
import type { PromptBody } from '@replique/activities/reply/wording/prompt-schema';
import { checkWordingVersion } from '../../services/src/wording/activation-check';
import { waitFor } from '../adapters/stack-env';
import { devEmailsDir, sharedRoot } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { startReplayServer, type ReplayServer } from '../llm/replay-server';

jest.setTimeout(300_000);

const MARKER = 'Write as a friendly neighbour would, in short sentences.';
const ANSWER = JSON.stringify({
  subject: 'Your order CMD-10839',
  paragraphs: ['Your order CMD-10839 is on its way with the carrier.'],
  facts_used: ['order_number'],
});

let replay: ReplayServer;
let h: PipelineHarness;

beforeAll(async () => {
  replay = await startReplayServer({ chat: [{ content: ANSWER, usage: { prompt_tokens: 700, completion_tokens: 40 } }] });
  h = await startPipeline({ workerEnv: { LLM_BASE_URL: replay.baseUrl, LLM_MODEL: 'replay-model', LLM_TIMEOUT_MS: '10000' } });
});

afterAll(async () => {
  await h?.stop();
  await replay?.stop();
});

const SETTLED = [...FINAL_EMAIL_STATES, ...WAITING_EMAIL_STATES];

async function answer(messageId: string) {
  const text = readFileSync(path.join(devEmailsDir, 'd005.eml'), 'latin1').replace(/^Message-ID:.*$/im, `Message-ID: <${messageId}>`);
  const asked = replay.received.length;
  const { emailKey } = await h.deliver(Buffer.from(text, 'latin1'));
  await h.waitForView(emailKey, (v) => SETTLED.includes(v.state as never));
  const systems = replay.received.slice(asked).filter((r) => r.path === '/v1/chat/completions')
    .map((r) => ((r.body as { messages: { role: string; content: string }[] }).messages.find((m) => m.role === 'system')?.content ?? ''));
  return { draft: (await latestDraft(h.db.pool, h.vault, emailKey))!, systems };
}

test('a prompt experiment: each conversation drafted by the model with its variant\'s prompt, recorded; the promotion for everyone', async () => {
  const pool = h.db.pool;
  const shipped = (await activeWordingVersion(pool, 'prompts'))!;
  const body = structuredClone(shipped.row.body) as unknown as PromptBody;
  body.objective = `${body.objective} ${MARKER}`;
  const { row: v2 } = await saveWordingVersion(pool, { kind: 'prompts', body, by: 'paula', note: 'shorter, friendlier' });
  const check = await (await checkWordingVersion(pool, { kind: 'prompts', version: v2.version, by: 'paula' },
    { sets: [devEmailsDir], shopFile: path.join(sharedRoot, 'fixtures', 'shop.json') })).done;
  expect(check.passed).toBe(true);

  const definition = {
    id: 'prompt-friendly-1', kind: 'prompt', title: 'Prompt: shipped or friendlier', metric: 'edit_distance', baseline: 80, mde: 20,
    variants: [{ name: 'shipped', versionKey: 'prompts@1', weight: 1 }, { name: 'friendly', versionKey: `prompts@${v2.version}`, weight: 1 }],
  };
  await createExperiment(pool, definition, 'lena');
  await waitFor('the running worker follows the experiment', () => h.workerExperiments().current().length === 1, 10_000);

  // Conversations picked so that each variant gets two (the assignment is a stable hash the test can compute).
  const experiment = draftExperimentOf({ ...definition, assignmentUnit: 'conversation', status: 'running', promotedVariant: null });
  const picked = new Map<string, string[]>([['shipped', []], ['friendly', []]]);
  while ([...picked.values()].some((ids) => ids.length < 2)) {
    const id = `${randomUUID()}@test.replique`;
    const ids = picked.get(assignVariant(experiment, `thread:${id}`).name)!;
    if (ids.length < 2) ids.push(id);
  }
  for (const [variant, ids] of picked) {
    for (const id of ids) {
      const { draft, systems } = await answer(id);
      expect(draft.experiment).toEqual({ id: definition.id, variant });
      const version = variant === 'friendly' ? v2.version : 1;
      expect(draft).toMatchObject({ generator: 'llm', templateId: 'draft-reply', version: `db-${version}`, model: 'replay-model' });
      expect(draft.generation).toMatchObject({ promptVersion: `db-${version}`, fallbackReason: null });
      expect(systems).toHaveLength(1);
      expect(systems[0]!.includes(MARKER)).toBe(variant === 'friendly');
    }
  }

  await promoteVariant(pool, { experimentId: definition.id, variant: 'friendly', by: 'lena' });
  await waitFor('the worker has prompt version 2 in force and no experiment', () =>
    h.workerWording().prompt().version === v2.version && h.workerExperiments().current().length === 0, 10_000);
  const after = await answer(`${randomUUID()}@test.replique`);
  expect(after.draft.experiment).toBeNull();
  expect(after.draft.version).toBe(`db-${v2.version}`);
  expect(after.systems[0]).toContain(MARKER);
  const { rows } = await pool.query<{ event: string }>(`select event from audit_log where stage = 'wording' and event like 'prompts_%' order by id`);
  expect(rows.map((r) => r.event)).toEqual(['prompts_saved', 'prompts_activated']);
});
