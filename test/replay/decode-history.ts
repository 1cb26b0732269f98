/**
 * Decrypts every payload of a fetched history in place with the test pipelines' payload codec, so that a recorded
 * fixture holds plain payloads, as the fixtures recorded before the codec do: history-facts.ts can read what it covers,
 * the PII scan reads its texts, and it replays with and without the codec (plain payloads pass through it).
 */
import type { temporal } from '@temporalio/proto';
import { testTemporalDataConverter } from '../support/temporal-payload-keys';

type Payload = temporal.api.common.v1.IPayload;

export async function decodeHistoryPayloads(history: temporal.api.history.v1.IHistory): Promise<void> {
  const codec = testTemporalDataConverter().payloadCodecs![0]!;
  for (const payload of payloadsUnder(history, [])) {
    const [plain] = await codec.decode([payload]);
    payload.metadata = plain!.metadata ?? null;
    payload.data = plain!.data ?? null;
  }
}

/** Every payload object under `node` (inputs, results, failures' encoded attributes, markers, search attributes). */
function payloadsUnder(node: unknown, out: Payload[]): Payload[] {
  if (!node || typeof node !== 'object' || ArrayBuffer.isView(node)) return out;
  if (Array.isArray(node)) {
    node.forEach((n) => payloadsUnder(n, out));
    return out;
  }
  const o = node as Record<string, unknown>;
  if (o.metadata && typeof o.metadata === 'object' && o.data instanceof Uint8Array) out.push(o as Payload);
  else Object.values(o).forEach((v) => payloadsUnder(v, out));
  return out;
}
