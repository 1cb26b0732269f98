/**
 * Every recorded history (test/replay/histories, recorded from real runs by record-histories.ts) must replay
 * against today's workflow code. A change to emailWorkflow that would break running workflows fails here: version
 * it with `patched()` instead, and record new histories.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { workflowBundle } from '../support/workflow-bundle';
import { testTemporalDataConverter } from '../support/temporal-payload-keys';

jest.setTimeout(60_000);

const dir = path.join(__dirname, 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
});

test('there are recorded histories to replay', () => {
  expect(files.length).toBeGreaterThanOrEqual(5);
});

// With the payload codec every worker runs with: these histories predate it (plain payloads), and still replay.
test.each(files)('%s replays without nondeterminism', async (file) => {
  const history = historyFromJSON(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
  await expect(
    Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: testTemporalDataConverter() }, history, file.replace(/\.json$/, '')),
  ).resolves.toBeUndefined();
});
