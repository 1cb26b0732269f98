/**
 * A stored experiment drives the draft stage, on the real Postgres: a worker's LiveDraftExperiment (what
 * DRAFT_EXPERIMENT_ID starts) assigns drafts to the variants by conversation and records them on the draft; a
 * promotion in the store reaches it within one poll, after which every draft gets the promoted variant.
 */
import { createExperiment, promoteVariant } from '../../activities/src/adapters/pg/experiment-store';
import { LiveDraftExperiment } from '../../activities/src/adapters/pg/live-draft-experiment';
import { createDraftReply } from '../../activities/src/reply/draft-reply';
import { makeCase, replyDeps } from '../../activities/src/reply/test-support/fixture-shop';
import { waitFor } from '../adapters/stack-env';
import { withTestDatabase, type TestDatabase } from '../support/pg';

let db: TestDatabase;
let live: LiveDraftExperiment | undefined;

beforeAll(async () => {
  db = await withTestDatabase();
});

afterAll(async () => {
  live?.stop();
  await db?.close();
});

test('drafts follow the stored experiment, and its promotion within one poll', async () => {
  await createExperiment(db.pool, {
    id: 'order-status-2027-01', kind: 'prompt', title: 'Order status: template or prompt 2.0', metric: 'csat_positive',
    baseline: 0.8, mde: 0.05, variants: [{ name: 'template', versionKey: 'order-status@1.1.0' }, { name: 'prompt-2', versionKey: 'draft-reply@2.0.0' }],
  }, 'lena');
  await expect(LiveDraftExperiment.start({ db: db.pool, id: 'no-such-experiment' })).rejects.toThrow(/no experiment/);
  live = await LiveDraftExperiment.start({ db: db.pool, id: 'order-status-2027-01', pollMs: 100 });
  const stage = createDraftReply({ experiment: () => live!.current() });
  const deps = replyDeps();
  const draftOf = async (messageId: string, references: string[] = []) => {
    const c = makeCase({ intent: 'order_status', customerId: 'C0021', messageId });
    c.parsed.references = references;
    return (await stage(c, deps)).draft!;
  };

  const variants = new Set<string>();
  for (let i = 0; i < 16; i++) {
    const first = await draftOf(`os-${i}@example.test`);
    const followUp = await draftOf(`os-${i}-again@example.test`, [`os-${i}@example.test`]);
    expect(first.experiment?.id).toBe('order-status-2027-01');
    expect(followUp.experiment).toEqual(first.experiment);
    variants.add(first.experiment!.variant);
  }
  expect([...variants].sort()).toEqual(['prompt-2', 'template']);

  await promoteVariant(db.pool, { experimentId: 'order-status-2027-01', variant: 'prompt-2', by: 'lena' });
  const t0 = performance.now();
  await waitFor('the promotion reaches the live experiment', () => live!.current().variants.length === 1, 5_000);
  const ms = performance.now() - t0;
  for (let i = 0; i < 16; i++) expect((await draftOf(`late-${i}@example.test`)).experiment).toEqual({ id: 'order-status-2027-01', variant: 'prompt-2' });
  process.stdout.write(`draft experiment: the promotion reached the draft stage ${ms.toFixed(0)} ms after its commit (poll 100 ms)\n`);
});
