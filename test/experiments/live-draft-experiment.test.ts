/**
 * The running experiments drive the draft stage, on the real Postgres: a worker's LiveDraftExperiments (started with
 * no experiment to name) takes an experiment started after it within milliseconds (LISTEN `replique_experiments`),
 * assigns drafts to the variants by conversation and records them on the draft; a second experiment on the same
 * text is refused while the first runs; a promotion reaches it at once, after which the experiment assigns no more.
 */
import { createExperiment, promoteVariant } from '../../activities/src/adapters/pg/experiment-store';
import { LiveDraftExperiments } from '../../activities/src/adapters/pg/live-draft-experiment';
import { NotifyListener } from '../../activities/src/adapters/pg/notify-listener';
import { createDraftReply } from '../../activities/src/reply/draft-reply';
import { makeCase, replyDeps } from '../../activities/src/reply/test-support/fixture-shop';
import { waitFor } from '../adapters/stack-env';
import { withTestDatabase, type TestDatabase } from '../support/pg';

let db: TestDatabase;
let live: LiveDraftExperiments | undefined;
let listener: NotifyListener | undefined;

beforeAll(async () => {
  db = await withTestDatabase();
});

afterAll(async () => {
  await live?.close();
  await listener?.close();
  await db?.close();
});

const DEFINITION = {
  id: 'order-status-2027-01', kind: 'prompt', title: 'Order status: template or prompt 2.0', metric: 'csat_positive',
  baseline: 0.8, mde: 0.05, variants: [{ name: 'template', versionKey: 'order-status@1.1.0' }, { name: 'prompt-2', versionKey: 'draft-reply@2.0.0' }],
};

test('drafts follow the running experiments live: a start and a promotion reach the draft stage without a restart', async () => {
  // A long poll: only the notification can bring the changes within the waits below.
  listener = new NotifyListener(db.databaseUrl, { name: 'experiments' });
  live = await LiveDraftExperiments.start({ db: db.pool, listener, pollMs: 600_000 });
  expect(live.current()).toEqual([]);
  const stage = createDraftReply({ experiment: (usual) => live!.forDraft(usual) });
  const deps = replyDeps();
  const draftOf = async (messageId: string, references: string[] = []) => {
    const c = makeCase({ intent: 'order_status', customerId: 'C0021', messageId });
    c.parsed.references = references;
    return (await stage(c, deps)).draft!;
  };
  expect((await draftOf('before@example.test')).experiment).toBeNull();

  await createExperiment(db.pool, DEFINITION, 'lena');
  let t0 = performance.now();
  await waitFor('the start reaches the worker', () => live!.current().length === 1, 5_000);
  const startMs = performance.now() - t0;

  const variants = new Set<string>();
  for (let i = 0; i < 16; i++) {
    const first = await draftOf(`os-${i}@example.test`);
    const followUp = await draftOf(`os-${i}-again@example.test`, [`os-${i}@example.test`]);
    expect(first.experiment?.id).toBe('order-status-2027-01');
    expect(followUp.experiment).toEqual(first.experiment);
    variants.add(first.experiment!.variant);
  }
  expect([...variants].sort()).toEqual(['prompt-2', 'template']);

  // One running experiment per text: another one on draft-reply waits for this one's end.
  await expect(createExperiment(db.pool, { ...DEFINITION, id: 'other', variants: [{ name: 'a', versionKey: 'draft-reply@1.1.0' }, { name: 'b', versionKey: 'draft-reply@2.0.0' }] }, 'lena'))
    .rejects.toThrow(/order-status-2027-01 is running on draft-reply/);

  await promoteVariant(db.pool, { experimentId: 'order-status-2027-01', variant: 'prompt-2', by: 'lena' });
  t0 = performance.now();
  await waitFor('the promotion reaches the worker', () => live!.current().length === 0, 5_000);
  const promoteMs = performance.now() - t0;
  expect((await draftOf('after@example.test')).experiment).toBeNull();
  // The text is free again.
  await createExperiment(db.pool, { ...DEFINITION, id: 'next' }, 'lena');
  process.stdout.write(`draft experiments: a start reached the draft stage ${startMs.toFixed(0)} ms after its commit, a promotion ${promoteMs.toFixed(0)} ms after (no restart; poll 10 min)\n`);
});
