/**
 * The post-run privacy scan (docs/privacy.md "Checking it"): looks for given customer text (names, phones, addresses,
 * body fragments) in clear where it must not be:
 *  - Postgres: every column of every table but the shop's reference data (CRM, catalogue, orders, policies);
 *  - Kafka: every record (key, value, headers) of the given topics, from the first offset to the last;
 *  - Temporal: every event of the histories of every workflow a visibility query lists (page after page), each payload
 *    decoded as an SRE decodes it (the payload codec or the codec server), failures' encoded messages included.
 * With `open` (a field vault: the control, or "what can still be read with the keys"), sealed Postgres values and sealed
 * text tokens inside payloads are opened first; a value whose key was destroyed counts as unreadable.
 */
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { ErasedFieldError, type FieldVault } from '@replique/activities/adapters/vault/field-vault';
import { isSealedText, openText, SEALED_TEXT_PREFIX } from '@replique/activities/adapters/vault/sealed-text';

export interface Finding {
  where: 'postgres' | 'kafka' | 'temporal';
  /** `table.column`, `topic[partition]@offset`, or `workflowId#eventId`. */
  place: string;
  fragment: string;
}

/** Tables of the shop's reference data: the shop's own copy of its CRM and catalogue (`replique shop import`). */
export const REFERENCE_TABLES: ReadonlySet<string> = new Set(['customers', 'products', 'orders', 'shop_policies']);

function matches(where: Finding['where'], place: string, text: string, fragments: readonly string[]): Finding[] {
  return fragments.filter((f) => text.includes(f)).map((fragment) => ({ where, place, fragment }));
}

async function openOrNull(open: () => Promise<string | null>): Promise<string | null> {
  try {
    return await open();
  } catch (error) {
    if (error instanceof ErasedFieldError) return null;
    throw error;
  }
}

export async function scanPostgres(db: Queryable, fragments: readonly string[], options: { open?: FieldVault } = {}): Promise<Finding[]> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`);
  const found: Finding[] = [];
  for (const { name } of tables) {
    if (REFERENCE_TABLES.has(name)) continue;
    const { rows } = await db.query<Record<string, unknown>>(`select * from ${name}`);
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null) continue;
        let text: string;
        if (Buffer.isBuffer(value)) {
          const bytes = options.open ? await openOrNull(async () => (await options.open!.open(value))!.toString('latin1')) : value.toString('latin1');
          text = bytes === null ? '' : `${Buffer.from(bytes, 'latin1').toString('utf8')}\n${bytes}`;
        } else text = typeof value === 'string' ? value : JSON.stringify(value);
        if (options.open) text = await openSealedTexts(text, options.open);
        found.push(...matches('postgres', `${name}.${column}`, text, fragments));
      }
    }
  }
  return found;
}

const IDLE_MS = 10_000;

/** Reads every record of the topics, from the first offset to the last at the time of the call. */
export async function scanKafkaTopics(kafka: Kafka, topics: readonly string[], fragments: readonly string[]): Promise<Finding[] & { records: number }> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, Map<number, bigint>>();
  try {
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      ends.set(topic, new Map(offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high)])));
    }
  } finally {
    await admin.disconnect();
  }
  const found = Object.assign([] as Finding[], { records: 0 });
  const remaining = new Set([...ends].flatMap(([topic, parts]) => [...parts.keys()].map((p) => `${topic}:${p}`)));
  if (remaining.size === 0) return found;
  const consumer = kafka.consumer({ groupId: `privacy-scan-${randomUUID()}` });
  await consumer.connect();
  try {
    for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      // Offsets a transaction marker takes are never delivered: a partition quiet for IDLE_MS is read to its end.
      let idle = setTimeout(resolve, IDLE_MS);
      consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          clearTimeout(idle);
          idle = setTimeout(resolve, IDLE_MS);
          found.records += 1;
          const headers = Object.entries(message.headers ?? {}).map(([k, v]) => `${k}=${String(v)}`).join('\n');
          const text = `${message.key?.toString('utf8') ?? ''}\n${message.value?.toString('utf8') ?? ''}\n${headers}`;
          found.push(...matches('kafka', `${topic}[${partition}]@${message.offset}`, text, fragments));
          if (BigInt(message.offset) + 1n >= (ends.get(topic)?.get(partition) ?? 0n)) remaining.delete(`${topic}:${partition}`);
          if (remaining.size === 0) {
            clearTimeout(idle);
            resolve();
          }
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return found;
}

/** Decodes payloads as an SRE does: the process's payload codec, or the codec server (`codecServerDecoder`). */
export type PayloadDecoder = (payloads: Payload[]) => Promise<Payload[]>;

/** A decoder that asks a codec server (POST /decode with its bearer token), as the Temporal CLI and UI do. */
export function codecServerDecoder(url: string, token: string): PayloadDecoder {
  return async (payloads) => {
    if (payloads.length === 0) return [];
    const wire = { payloads: payloads.map((p) => ({ metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])), data: Buffer.from(p.data ?? []).toString('base64') })) };
    const res = await fetch(`${url}/decode`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(wire) });
    if (!res.ok) throw new Error(`codec server answered ${res.status}`);
    const body = (await res.json()) as { payloads: { metadata?: Record<string, string>; data?: string }[] };
    return body.payloads.map((p) => ({
      metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
      data: Buffer.from(p.data ?? '', 'base64'),
    }));
  };
}

export interface TemporalScan {
  findings: Finding[];
  workflows: number;
  /** Visibility pages read (`pageSize` workflows each, the last one fewer). */
  pages: number;
  /** True when `limit` stopped the scan before the last page: some listed workflows were not read. */
  truncated: boolean;
  events: number;
  payloads: number;
  /** Sealed text tokens seen in decoded payloads (customer text under its customer's key). */
  sealedTexts: number;
}

/** A visibility query narrowed to workflows started in [since, until) (ISO dates), when either is given. */
export function withinStartWindow(query: string, window: { since?: Date; until?: Date }): string {
  const bounds = [
    window.since ? `StartTime >= '${window.since.toISOString()}'` : null,
    window.until ? `StartTime < '${window.until.toISOString()}'` : null,
  ].filter((b): b is string => b !== null);
  if (bounds.length === 0) return query;
  return [query.trim() ? `(${query})` : null, ...bounds].filter(Boolean).join(' AND ');
}

/**
 * Every payload and string of the histories of every workflow `query` lists (a visibility query, e.g. by task queue or
 * start time), page after page of the visibility API (`pageSize`, 100 by default) until its last page; `limit` caps
 * the workflows read (the scan then says it was truncated).
 */
export async function scanTemporalHistories(
  client: Client, query: string, decode: PayloadDecoder, fragments: readonly string[],
  options: { open?: FieldVault; limit?: number; pageSize?: number } = {},
): Promise<TemporalScan> {
  const scan: TemporalScan = { findings: [], workflows: 0, pages: 0, truncated: false, events: 0, payloads: 0, sealedTexts: 0 };
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await client.workflowService.listWorkflowExecutions({
      namespace: client.options.namespace, query, pageSize: options.pageSize ?? 100, nextPageToken,
    });
    scan.pages += 1;
    for (const wf of page.executions ?? []) {
      if (options.limit !== undefined && scan.workflows >= options.limit) {
        scan.truncated = true;
        return scan;
      }
      scan.workflows += 1;
      await scanHistory(client, scan, { workflowId: wf.execution!.workflowId!, runId: wf.execution!.runId! }, decode, fragments, options.open);
    }
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return scan;
}

async function scanHistory(
  client: Client, scan: TemporalScan, wf: { workflowId: string; runId: string }, decode: PayloadDecoder, fragments: readonly string[], open?: FieldVault,
): Promise<void> {
  const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
  for (const event of history.events ?? []) {
    scan.events += 1;
    const texts: string[] = [];
    const payloads: Payload[] = [];
    collect(event, texts, payloads);
    for (const payload of await decode(payloads)) {
      scan.payloads += 1;
      texts.push(Buffer.from(payload.data ?? []).toString('utf8'));
    }
    let text = texts.join('\n');
    scan.sealedTexts += text.split(SEALED_TEXT_PREFIX).length - 1;
    if (open) text = await openSealedTexts(text, open);
    scan.findings.push(...matches('temporal', `${wf.workflowId}#${String(event.eventId)}`, text, fragments));
  }
}

/** Strings and payloads anywhere in a history event (protobuf objects: payloads are `{ metadata, data }`). */
function collect(value: unknown, texts: string[], payloads: Payload[]): void {
  if (typeof value === 'string') texts.push(value);
  else if (value instanceof Uint8Array) return;
  else if (Array.isArray(value)) for (const v of value) collect(v, texts, payloads);
  else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (object.data instanceof Uint8Array && object.metadata && typeof object.metadata === 'object') {
      payloads.push(object as Payload);
      return;
    }
    for (const v of Object.values(object)) collect(v, texts, payloads);
  }
}

/** The text with each sealed text token replaced by what it opens to (nothing, when its key was destroyed). */
export async function openSealedTexts(text: string, vault: FieldVault): Promise<string> {
  const tokens = text.match(/rq-sealed:v1:[A-Za-z0-9+/=]+/g) ?? [];
  let out = text;
  for (const token of tokens) {
    if (!isSealedText(token)) continue;
    const opened = await openOrNull(() => openText(vault, token));
    out = out.replace(token, opened ?? '');
  }
  return out;
}
