/** Temporal connection variables, shared by the processes that talk to the server. */
import { z } from 'zod';
import { temporalTlsEnv } from './tls-env';

/** One AES-256 key of the Temporal payload codec: its id (stored beside each payload) and its 32 bytes. */
export interface PayloadKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `id:base64,id:base64,…`: the first key encrypts, every listed key decrypts. Rotation: put a new key first, keep the
 * old ones listed for as long as histories written with them are read (replays, the UI, the CLI).
 */
export const payloadKeyList = z
  .string()
  .transform((value, ctx): PayloadKey[] => {
    const keys: PayloadKey[] = [];
    for (const item of value.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
      const colon = item.indexOf(':');
      const id = colon > 0 ? item.slice(0, colon) : '';
      const key = Buffer.from(item.slice(colon + 1), 'base64');
      // Never the value in a message: it is a secret.
      if (!KEY_ID.test(id)) ctx.addIssue({ code: 'custom', message: `key #${keys.length + 1}: expected id:base64 with an id of [A-Za-z0-9._-]{1,64}` });
      else if (key.length !== 32) ctx.addIssue({ code: 'custom', message: `key "${id}": must be 32 bytes in base64 (openssl rand -base64 32)` });
      else if (keys.some((known) => known.id === id)) ctx.addIssue({ code: 'custom', message: `key "${id}" listed twice` });
      else keys.push({ id, key });
    }
    if (keys.length === 0) ctx.addIssue({ code: 'custom', message: 'at least one key' });
    return keys;
  });

/** The payload codec's keys (services/src/temporal/payload-encryption-codec.ts), read by every Temporal client and worker. */
export const temporalPayloadKeysEnv = {
  /**
   * Encrypts every payload sent to Temporal (workflow and activity inputs and results, signals, updates, queries,
   * memos); unset: payloads travel and are stored in clear (a warning at start). The same list in every process.
   */
  TEMPORAL_PAYLOAD_KEYS: payloadKeyList.optional(),
};

export const temporalEnv = {
  TEMPORAL_ADDRESS: z.string().min(3).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('replique-email'),
  ...temporalPayloadKeysEnv,
  ...temporalTlsEnv,
};
