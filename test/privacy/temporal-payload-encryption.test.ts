/**
 * Temporal payload encryption, on the real stack (HTTP intake → Kafka → starter → Temporal dev server → worker →
 * review API → smtp-sink), every process with TEMPORAL_PAYLOAD_KEYS: a customer's follow-up and a reviewer's edit,
 * each carrying a marker text, go through a workflow that ends normally (the edited reply reaches the SMTP peer), and
 * neither marker is in clear in the workflow's history, fetched through the client or shown by the `temporal` CLI.
 * Decoded with the payload key, the edit is there as a sealed text token under the customer's data key, which opens
 * to it (docs/privacy.md; test/privacy/erasure-everywhere.test.ts erases it). The same history replays with the
 * codec; the pipeline's codec server decodes it over HTTP for a valid token only.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Worker } from '@temporalio/worker';
import type { Payload } from '@temporalio/common';
import { workflowIdForEmailKey } from '@replique/workflows/contracts';
import { PayloadEncryptionCodec } from '@replique/services/temporal/payload-encryption-codec';
import { payloadKeyList } from '@replique/services/config/temporal-env';
import { devEmailsDir, localHome } from '../support/paths';
import { customerReply } from '../review/fixtures';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { TEST_TEMPORAL_PAYLOAD_KEYS, testTemporalDataConverter } from '../support/temporal-payload-keys';
import { workflowBundle } from '../support/workflow-bundle';
import { SEALED_TEXT_PREFIX } from '@replique/activities/adapters/vault/sealed-text';
import { openSealedTexts } from '@replique/services/privacy/privacy-scan';

jest.setTimeout(180_000);

const run = promisify(execFile);
/** Letters only: digits in a reply could read as an order number or an amount, which the edit checks verify. */
const letters = () => Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join('');
const FOLLOW_UP_MARKER = `FollowUpMarker${letters()}`;
const EDIT_MARKER = `EditMarker${letters()}`;
const temporalCli = process.env.TEMPORAL_CLI ?? path.join(localHome, 'venv', 'bin', 'temporal');

let pipeline: PipelineHarness;
let codecUrl: string;
let codecToken: string;
let workflowId: string;
let sentText = '';

beforeAll(async () => {
  pipeline = await startPipeline();
  ({ codecUrl, codecToken } = pipeline);

  // An email that waits for review; the customer writes again (marker); a reviewer edits the reply (marker); sent.
  const messageId = `${randomUUID()}@test.replique`;
  const original = Buffer.from(
    readFileSync(path.join(devEmailsDir, 'd007.eml')).toString('latin1').replace(/^Message-ID:.*$/im, `Message-ID: <${messageId}>`),
    'latin1',
  );
  const { emailKey } = await pipeline.deliver(original);
  workflowId = workflowIdForEmailKey(emailKey);
  await pipeline.waitForView(emailKey, (v) => v.state === 'waiting_review');
  await pipeline.deliver(customerReply(original, messageId, `Je précise : ${FOLLOW_UP_MARKER}, merci de me rappeler.`));
  await pipeline.waitForView(emailKey, (v) => v.review?.followUps?.[0]?.status === 'read');
  const res = await fetch(`${pipeline.reviewUrl}/api/emails/${emailKey}/decision`, {
    method: 'POST',
    headers: { authorization: `Bearer ${pipeline.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'edit', reviewer: 'alice', decisionId: randomUUID(), body: `Bonjour,\n\n${EDIT_MARKER} : c'est noté.\n` }),
  });
  const answer = await res.json();
  if (res.status !== 200) throw new Error(JSON.stringify(answer));
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent');
  for (let i = 0; i < 50 && !sentText; i++) {
    sentText = pipeline.sink.messages().find((m) => m.inReplyTo === messageId)?.raw ?? '';
    if (!sentText) await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(async () => {
  await pipeline?.stop();
});


/** Every string and byte array in a history (payload data, metadata, failure messages…) that holds `text`. */
function holds(value: unknown, text: string): boolean {
  if (typeof value === 'string') return value.includes(text);
  if (value instanceof Uint8Array) return Buffer.from(value).includes(text);
  if (Array.isArray(value)) return value.some((item) => holds(item, text));
  if (value && typeof value === 'object') return Object.values(value).some((item) => holds(item, text));
  return false;
}

/**
 * Every payload of a history (proto objects: a Payload has `data` and `metadata.encoding`), except two kinds no codec
 * touches: search attributes (the server indexes them; ours hold route, intent and state labels) and the `patched()`
 * markers' `patch-data` (written by the SDK's core: a patch id and a flag).
 */
function payloadsOf(value: unknown, found: Payload[] = []): Payload[] {
  if (Array.isArray(value)) value.forEach((item) => payloadsOf(item, found));
  else if (value && typeof value === 'object' && ('indexedFields' in value || 'patch-data' in value)) return found;
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const record = value as Record<string, unknown>;
    const metadata = record.metadata as Record<string, unknown> | undefined;
    if (metadata && metadata.encoding instanceof Uint8Array) found.push(record as Payload);
    else Object.values(record).forEach((item) => payloadsOf(item, found));
  }
  return found;
}

/** Base64 payload data of the CLI's JSON output, decoded: a marker inside a payload would show here. */
function cliTexts(output: string): string {
  const texts: string[] = [output];
  for (const match of output.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)) texts.push(Buffer.from(match[1]!, 'base64').toString('utf8'));
  return texts.join('\n');
}

/** Decoded payload text carries the edit as a sealed text token (not in clear), which the customer's key opens. */
async function carriesSealedEdit(text: string): Promise<boolean> {
  return text.includes(SEALED_TEXT_PREFIX) && !text.includes(EDIT_MARKER) && (await openSealedTexts(text, pipeline.vault)).includes(EDIT_MARKER);
}
const dataOf = (payloads: Payload[]) => payloads.map((p) => Buffer.from(p.data ?? []).toString('utf8')).join('\n');

test('the workflow works as before: the edited reply reached the customer', () => {
  expect(sentText).toContain(EDIT_MARKER);
});

test('the history fetched through the client holds neither marker in clear, only encrypted payloads', async () => {
  const history = await pipeline.client.workflow.getHandle(workflowId).fetchHistory();
  const payloads = payloadsOf(history.events);
  expect(payloads.length).toBeGreaterThan(20);
  const encodings = new Set(payloads.map((p) => Buffer.from(p.metadata!.encoding!).toString()));
  expect(encodings).toEqual(new Set(['binary/encrypted']));
  expect(holds(history, FOLLOW_UP_MARKER)).toBe(false);
  expect(holds(history, EDIT_MARKER)).toBe(false);

  // The control: decrypted, the same payloads do carry the edit (the scan above would have seen it in clear), sealed
  // with the customer's data key.
  const codec = new PayloadEncryptionCodec(payloadKeyList.parse(TEST_TEMPORAL_PAYLOAD_KEYS));
  const decoded = await codec.decode(payloads);
  expect(await carriesSealedEdit(dataOf(decoded))).toBe(true);
});

test('`temporal workflow show --output json` shows no marker; with the codec server and its token, the edit sealed with its customer\'s key', async () => {
  const base = [
    'workflow', 'show', '--workflow-id', workflowId, '--output', 'json',
    '--address', process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233', '--namespace', process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test',
  ];
  const plain = cliTexts((await run(temporalCli, base, { maxBuffer: 64 * 1024 * 1024 })).stdout);
  expect(plain).toContain(Buffer.from('binary/encrypted').toString('base64'));
  expect(plain).not.toContain(FOLLOW_UP_MARKER);
  expect(plain).not.toContain(EDIT_MARKER);

  const decoded = cliTexts((await run(temporalCli, [...base, '--codec-endpoint', codecUrl, '--codec-auth', `Bearer ${codecToken}`], { maxBuffer: 64 * 1024 * 1024 })).stdout);
  expect(await carriesSealedEdit(decoded)).toBe(true);

  const refused = await run(temporalCli, [...base, '--codec-endpoint', codecUrl, '--codec-auth', 'Bearer wrong-token-0123456789'], { maxBuffer: 64 * 1024 * 1024 })
    .then(({ stdout }) => cliTexts(stdout), (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`);
  expect(refused).not.toContain(EDIT_MARKER);
  expect(refused).not.toContain(SEALED_TEXT_PREFIX);
});

test('the encrypted history replays with the codec, and not without the keys', async () => {
  const history = await pipeline.client.workflow.getHandle(workflowId).fetchHistory();
  const bundle = await workflowBundle();
  await expect(Worker.runReplayHistory({ workflowBundle: bundle, dataConverter: testTemporalDataConverter() }, history, workflowId)).resolves.toBeUndefined();
  await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, workflowId)).rejects.toThrow();
});

describe('the codec server over HTTP', () => {
  async function encryptedPayloads() {
    const history = await pipeline.client.workflow.getHandle(workflowId).fetchHistory();
    return payloadsOf(history.events).map((p) => ({
      metadata: Object.fromEntries(Object.entries(p.metadata!).map(([k, v]) => [k, Buffer.from(v as Uint8Array).toString('base64')])),
      data: Buffer.from(p.data ?? []).toString('base64'),
    }));
  }
  const decode = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${codecUrl}/decode`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-namespace': 'replique-test', ...headers }, body: JSON.stringify(body) });
  const texts = (payloads: { data?: string }[]) => payloads.map((p) => Buffer.from(p.data ?? '', 'base64').toString('utf8')).join('\n');

  test('decodes for a valid bearer token, refuses without one or with a wrong one', async () => {
    const payloads = await encryptedPayloads();
    const missing = await decode({ payloads });
    expect(missing.status).toBe(401);
    expect(await missing.text()).not.toContain(EDIT_MARKER);
    expect((await decode({ payloads }, { authorization: 'Bearer not-the-token-0123456789' })).status).toBe(401);
    const ok = await decode({ payloads }, { authorization: `Bearer ${codecToken}` });
    expect(ok.status).toBe(200);
    const answer = (await ok.json()) as { payloads: { data?: string; metadata: Record<string, string> }[] };
    expect(answer.payloads).toHaveLength(payloads.length);
    expect(await carriesSealedEdit(texts(answer.payloads))).toBe(true);
    expect(Buffer.from(answer.payloads[0]!.metadata.encoding!, 'base64').toString()).not.toBe('binary/encrypted');
  });

  test('encode then decode round-trips; an empty body is an empty list; a malformed one is a 400', async () => {
    const auth = { authorization: `Bearer ${codecToken}` };
    const plain = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('"hello"').toString('base64') };
    const encoded = await fetch(`${codecUrl}/encode`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ payloads: [plain] }) });
    const { payloads } = (await encoded.json()) as { payloads: unknown[] };
    expect(texts(payloads as { data?: string }[])).not.toContain('hello');
    const back = (await (await decode({ payloads }, auth)).json()) as { payloads: unknown[] };
    expect(back.payloads).toEqual([plain]);
    expect((await decode({ payloads: [{ data: 'not base64!' }] }, auth)).status).toBe(400);
    // What the CLI sends for a query without arguments (proto JSON leaves an empty list out).
    expect(await (await decode({}, auth)).json()).toEqual({ payloads: [] });
  });

  test('CORS answers the Temporal UI origin only; the UI session cookie works once the token was entered', async () => {
    const preflight = (origin: string) => fetch(`${codecUrl}/decode`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
    });
    const ui = await preflight('http://127.0.0.1:8233');
    expect(ui.status).toBe(204);
    expect(ui.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8233');
    expect(ui.headers.get('access-control-allow-credentials')).toBe('true');
    expect((await preflight('http://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

    const payloads = await encryptedPayloads();
    const wrong = await fetch(`${codecUrl}/session`, { method: 'POST', body: new URLSearchParams({ token: 'nope' }) });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const session = await fetch(`${codecUrl}/session`, { method: 'POST', body: new URLSearchParams({ token: codecToken }) });
    expect(session.status).toBe(200);
    const cookie = session.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    const withCookie = await decode({ payloads }, { cookie: cookie.split(';')[0]!, origin: 'http://127.0.0.1:8233' });
    expect(withCookie.status).toBe(200);
    expect(withCookie.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8233');
    expect(await carriesSealedEdit(texts(((await withCookie.json()) as { payloads: { data?: string }[] }).payloads))).toBe(true);
    expect((await decode({ payloads }, { cookie: 'replique_codec_session=9999999999.forged' })).status).toBe(401);
  });
});
