/**
 * Every recorded history (test/replay/histories, recorded from real runs by record-histories.ts) must replay
 * against today's workflow code. A change to emailWorkflow that would break running workflows fails here: version
 * it with `patched()` instead, and record new histories (docs/operations.md). The fixtures must also keep what they
 * cover (manifest.json, checked against the histories themselves) and stay free of PII.
 */
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Resource } from '@opentelemetry/resources';
import { makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry';
import { tracedWorkflowBundle, workflowBundle } from '../support/workflow-bundle';
import { testTemporalDataConverter } from '../support/temporal-payload-keys';
import { historyFacts } from './history-facts';
import { findPii } from './history-pii';
import { REQUIRED_CATEGORIES, historyFiles, historyName, readHistoryJson, readManifest } from './history-manifest';

jest.setTimeout(60_000);

const files = historyFiles();
const manifest = readManifest();

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
});

test('at least 50 recorded histories, each listed in the manifest with what it covers', () => {
  expect(files.length).toBeGreaterThanOrEqual(50);
  expect(Object.keys(manifest).sort()).toEqual(files);
  for (const file of files) expect({ file, covers: historyFacts(readHistoryJson(file)).categories }).toEqual({ file, covers: manifest[file]!.covers });
});

test.each(REQUIRED_CATEGORIES)('some history covers %s', (category) => {
  expect(files.filter((file) => manifest[file]!.covers.includes(category))).not.toEqual([]);
});

test('no history holds PII (customer names, addresses, labelled PII, email text); the scan finds it when it is there', () => {
  const found = files.map((file) => ({ file, pii: findPii(historyFacts(readHistoryJson(file)).texts) })).filter((f) => f.pii.length > 0);
  expect(found).toEqual([]);
  expect(findPii(['{"to":"camille.martin@free.fr","note":"Camille"}']).map((p) => p.what)).toEqual(expect.arrayContaining(['customer first name', 'customer email']));
});

// Recorded before the payload codec (plain payloads): they replay with the codec every worker runs with (plain
// payloads pass through it) and without it.
test.each(files)('%s replays without nondeterminism, with and without the payload codec', async (file) => {
  const history = historyFromJSON(readHistoryJson(file));
  const workflowBundle_ = await workflowBundle();
  await expect(Worker.runReplayHistory({ workflowBundle: workflowBundle_ }, history, historyName(file))).resolves.toBeUndefined();
  await expect(
    Worker.runReplayHistory({ workflowBundle: workflowBundle_, dataConverter: testTemporalDataConverter() }, history, historyName(file)),
  ).resolves.toBeUndefined();
});

// Recorded without tracing: they replay on a worker with tracing on (OTEL_EXPORTER_OTLP_ENDPOINT set), whose bundle
// has the OpenTelemetry workflow interceptors (services/src/telemetry/temporal-tracing.ts), as running emails do
// when tracing is turned on.
test.each(files)('%s replays on a worker with tracing on', async (file) => {
  const history = historyFromJSON(readHistoryJson(file));
  const sinks = { exporter: makeWorkflowExporter(new SimpleSpanProcessor(new InMemorySpanExporter()), new Resource({ 'service.name': 'replay' })) };
  await expect(
    Worker.runReplayHistory({ workflowBundle: await tracedWorkflowBundle(), dataConverter: testTemporalDataConverter(), sinks }, history, historyName(file)),
  ).resolves.toBeUndefined();
});
