/**
 * The Temporal payload codec: AES-256-GCM over the whole serialized payload (data and metadata), so the server, its
 * histories, the UI and `temporal workflow show` hold only ciphertext. Each encrypted payload names the key it was
 * encrypted with (`encryption-key-id`): the first configured key encrypts, any configured key decrypts, so keys
 * rotate without rewriting histories. A payload that is not encrypted (older histories, a process without keys) is
 * passed through unchanged.
 *
 * Wire format of `data`: 12-byte IV ‖ ciphertext ‖ 16-byte GCM tag; the key id is authenticated (GCM AAD).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, ValueError, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { PayloadKey } from '../config/temporal-env';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const METADATA_KEY_ID = 'encryption-key-id';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ProtoPayload = temporal.api.common.v1.Payload;

export class PayloadEncryptionCodec implements PayloadCodec {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly current: PayloadKey | undefined;

  /** `keys[0]` encrypts; all of them decrypt. No keys: encode leaves payloads in clear, decode still passes plain ones. */
  constructor(keys: readonly PayloadKey[]) {
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
    this.current = keys[0];
  }

  get encrypts(): boolean {
    return this.current !== undefined;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const current = this.current;
    if (!current) return payloads;
    return payloads.map((payload) => encrypt(payload, current));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
      const keyId = text(payload.metadata?.[METADATA_KEY_ID]);
      if (!keyId) throw new ValueError('encrypted Temporal payload without an encryption key id');
      const key = this.keys.get(keyId);
      if (!key) throw new ValueError(`Temporal payload encrypted with key "${keyId}", which is not in TEMPORAL_PAYLOAD_KEYS`);
      return decrypt(payload.data ?? new Uint8Array(), keyId, key);
    });
  }
}

function encrypt(payload: Payload, { id, key }: PayloadKey): Payload {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(additionalData(id));
  const plain = ProtoPayload.encode(payload).finish();
  const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return {
    metadata: { [METADATA_ENCODING_KEY]: bytes(ENCRYPTED_ENCODING), [METADATA_KEY_ID]: bytes(id) },
    data: sealed,
  };
}

function decrypt(data: Uint8Array, keyId: string, key: Buffer): Payload {
  const sealed = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new ValueError(`encrypted Temporal payload too short (key "${keyId}")`);
  const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(additionalData(keyId));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new ValueError(`Temporal payload could not be decrypted with key "${keyId}" (another key under that id, or altered data)`);
  }
  return ProtoPayload.decode(plain);
}

const additionalData = (keyId: string): Buffer => Buffer.from(`${ENCRYPTED_ENCODING};${keyId}`);
const bytes = (value: string): Uint8Array => Buffer.from(value, 'utf8');
const text = (value: Uint8Array | null | undefined): string | undefined =>
  value ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8') : undefined;
