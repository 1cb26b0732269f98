/**
 * The Temporal part of the privacy scan reads every workflow a visibility query lists, page after page, on the local
 * Temporal server: five workflows (started on a task queue no worker polls, each with a fragment of "customer" text in
 * its input, encrypted by the payload codec) are all read with a page size of 2 (three pages), each one's fragment
 * found once decoded; a cap stops it and says so; a start-time window narrows what it lists.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { PayloadEncryptionCodec } from '@replique/services/temporal/payload-encryption-codec';
import { payloadKeyList } from '@replique/services/config/temporal-env';
import { scanTemporalHistories, withinStartWindow } from '@replique/services/privacy/privacy-scan';
import { TEST_TEMPORAL_PAYLOAD_KEYS, testTemporalDataConverter } from '../support/temporal-payload-keys';

jest.setTimeout(60_000);

const namespace = process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test';
const taskQueue = `privacy-scan-paging-${randomUUID()}`;
const query = `TaskQueue = '${taskQueue}'`;
const letters = () => Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join('');
const FRAGMENTS = Array.from({ length: 5 }, (_, i) => `Fragment${i}${letters()}`);
const codec = new PayloadEncryptionCodec(payloadKeyList.parse(TEST_TEMPORAL_PAYLOAD_KEYS));
const decode = (payloads: Parameters<typeof codec.decode>[0]) => codec.decode(payloads);

let connection: Connection;
let client: Client;
let startedAt: Date;

beforeAll(async () => {
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  client = new Client({ connection, namespace, dataConverter: testTemporalDataConverter() });
  startedAt = new Date(Date.now() - 1_000);
  for (const fragment of FRAGMENTS) {
    await client.workflow.start('privacyScanProbe', { taskQueue, workflowId: `privacy-scan-paging-${randomUUID()}`, args: [{ note: `the customer wrote: ${fragment}` }] });
  }
  // Visibility is eventually consistent: wait until the five are listed.
  for (let i = 0; i < 100; i++) {
    if ((await client.workflow.count(query)).count === FRAGMENTS.length) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the probe workflows were never listed');
});

afterAll(async () => {
  for await (const wf of client.workflow.list({ query })) await client.workflow.getHandle(wf.workflowId).terminate('test done').catch(() => undefined);
  await connection?.close();
});

test('every listed workflow is read, page after page: 5 workflows in pages of 2', async () => {
  const scan = await scanTemporalHistories(client, query, decode, FRAGMENTS, { pageSize: 2 });
  expect(scan).toMatchObject({ workflows: 5, pages: 3, truncated: false });
  // Each fragment is in its own workflow's input, found once decoded: each history was read.
  expect(new Set(scan.findings.map((f) => f.place.split('#')[0])).size).toBe(5);
  expect(scan.findings.map((f) => f.fragment).sort()).toEqual([...FRAGMENTS].sort());
  // Undecoded, the payloads hold none of them (the codec encrypted them).
  expect((await scanTemporalHistories(client, query, async (p) => p, FRAGMENTS, { pageSize: 2 })).findings).toEqual([]);
});

test('a cap stops the scan and says so', async () => {
  expect(await scanTemporalHistories(client, query, decode, FRAGMENTS, { pageSize: 2, limit: 3 })).toMatchObject({ workflows: 3, truncated: true });
  expect(await scanTemporalHistories(client, query, decode, FRAGMENTS, { pageSize: 2, limit: 5 })).toMatchObject({ workflows: 5, truncated: false });
});

test('a start-time window narrows the query', async () => {
  expect(withinStartWindow(query, { since: new Date('2026-12-01T00:00:00Z') })).toBe(`(${query}) AND StartTime >= '2026-12-01T00:00:00.000Z'`);
  expect(withinStartWindow(query, {})).toBe(query);
  const inWindow = await scanTemporalHistories(client, withinStartWindow(query, { since: startedAt, until: new Date(Date.now() + 60_000) }), decode, FRAGMENTS, { pageSize: 2 });
  expect(inWindow).toMatchObject({ workflows: 5, pages: 3 });
  const after = await scanTemporalHistories(client, withinStartWindow(query, { since: new Date(Date.now() + 60_000) }), decode, FRAGMENTS, { pageSize: 2 });
  expect(after).toMatchObject({ workflows: 0, pages: 1, findings: [] });
});
