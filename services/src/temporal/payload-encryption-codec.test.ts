import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, ValueError, type Payload } from '@temporalio/common';
import { z } from 'zod';
import { payloadKeyList, type PayloadKey } from '../config/temporal-env';
import { ENCRYPTED_ENCODING, METADATA_KEY_ID, PayloadEncryptionCodec } from './payload-encryption-codec';

const key = (id: string): PayloadKey => ({ id, key: randomBytes(32) });
const MARKER = 'Bonjour Mme Durand, votre remboursement de 42 € part demain. MARKER-7f3a';
const edit = (): Payload => defaultPayloadConverter.toPayload({ action: 'edit', reviewer: 'alice', body: MARKER });
const utf8 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

describe('PayloadEncryptionCodec', () => {
  const k1 = key('k1');

  it('round-trips a payload, and the encoded form holds no clear text', async () => {
    const codec = new PayloadEncryptionCodec([k1]);
    const [encoded] = await codec.encode([edit()]);
    expect(utf8(encoded!.metadata![METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
    expect(utf8(encoded!.metadata![METADATA_KEY_ID])).toBe('k1');
    expect(Buffer.from(encoded!.data!).includes('MARKER-7f3a')).toBe(false);
    expect(Buffer.from(encoded!.data!).includes('json/plain')).toBe(false);
    const [decoded] = await codec.decode([encoded!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual({ action: 'edit', reviewer: 'alice', body: MARKER });
  });

  it('encrypts the same payload differently each time (a fresh IV)', async () => {
    const codec = new PayloadEncryptionCodec([k1]);
    const [a, b] = await codec.encode([edit(), edit()]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('refuses to decrypt with a wrong key under the same id, an unknown key id, or altered data', async () => {
    const [encoded] = await new PayloadEncryptionCodec([k1]).encode([edit()]);
    await expect(new PayloadEncryptionCodec([key('k1')]).decode([encoded!])).rejects.toThrow(/could not be decrypted with key "k1"/);
    await expect(new PayloadEncryptionCodec([key('k2')]).decode([encoded!])).rejects.toThrow(ValueError);
    await expect(new PayloadEncryptionCodec([key('k2')]).decode([encoded!])).rejects.toThrow(/key "k1", which is not in TEMPORAL_PAYLOAD_KEYS/);
    const altered = Buffer.from(encoded!.data!);
    altered[20] = altered[20]! ^ 1;
    await expect(new PayloadEncryptionCodec([k1]).decode([{ ...encoded!, data: altered }])).rejects.toThrow(/could not be decrypted/);
  });

  it('authenticates the key id: a payload relabelled to another configured key does not decrypt', async () => {
    const k2 = { id: 'k2', key: k1.key };
    const [encoded] = await new PayloadEncryptionCodec([k1]).encode([edit()]);
    const relabelled = { ...encoded!, metadata: { ...encoded!.metadata, [METADATA_KEY_ID]: Buffer.from('k2') } };
    await expect(new PayloadEncryptionCodec([k1, k2]).decode([relabelled])).rejects.toThrow(/could not be decrypted/);
  });

  it('rotates: the first key encrypts, older keys still decrypt what they encrypted', async () => {
    const k2 = key('k2');
    const [old] = await new PayloadEncryptionCodec([k1]).encode([edit()]);
    const rotated = new PayloadEncryptionCodec([k2, k1]);
    const [fresh] = await rotated.encode([edit()]);
    expect(utf8(fresh!.metadata![METADATA_KEY_ID])).toBe('k2');
    const decoded = await rotated.decode([old!, fresh!]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload<{ body: string }>(p).body)).toEqual([MARKER, MARKER]);
  });

  it('passes plain payloads through unchanged (older histories), and encrypts nothing without keys', async () => {
    const plain = edit();
    expect(await new PayloadEncryptionCodec([k1]).decode([plain])).toEqual([plain]);
    const keyless = new PayloadEncryptionCodec([]);
    expect(keyless.encrypts).toBe(false);
    expect(await keyless.encode([plain])).toEqual([plain]);
    const [encrypted] = await new PayloadEncryptionCodec([k1]).encode([plain]);
    await expect(keyless.decode([encrypted!])).rejects.toThrow(/not in TEMPORAL_PAYLOAD_KEYS/);
  });

  it('keeps an empty payload and binary data intact', async () => {
    const codec = new PayloadEncryptionCodec([k1]);
    const binary: Payload = { metadata: { [METADATA_ENCODING_KEY]: Buffer.from('binary/plain') }, data: randomBytes(1000) };
    const empty: Payload = { metadata: { [METADATA_ENCODING_KEY]: Buffer.from('binary/null') } };
    const decoded = await codec.decode(await codec.encode([binary, empty]));
    expect(Buffer.from(decoded[0]!.data!).equals(Buffer.from(binary.data!))).toBe(true);
    expect(utf8(decoded[1]!.metadata![METADATA_ENCODING_KEY])).toBe('binary/null');
    expect(defaultPayloadConverter.fromPayload(decoded[1]!)).toBeUndefined();
  });
});

describe('TEMPORAL_PAYLOAD_KEYS', () => {
  const schema = z.object({ keys: payloadKeyList });
  const b64 = (n: number) => randomBytes(n).toString('base64');

  it('reads id:base64 pairs in order, the first one current', () => {
    const [a, b] = [b64(32), b64(32)];
    const { keys } = schema.parse({ keys: `2025-06:${a}, 2025-01:${b}` });
    expect(keys.map((k) => k.id)).toEqual(['2025-06', '2025-01']);
    expect(keys[0]!.key.toString('base64')).toBe(a);
  });

  it('refuses short keys, bad ids, duplicates and an empty list, never echoing a key', () => {
    const short = b64(16);
    const result = schema.safeParse({ keys: `a:${short}` });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error)).not.toContain(short);
    expect(schema.safeParse({ keys: `bad id:${b64(32)}` }).success).toBe(false);
    expect(schema.safeParse({ keys: b64(32) }).success).toBe(false);
    expect(schema.safeParse({ keys: `a:${b64(32)},a:${b64(32)}` }).success).toBe(false);
    expect(schema.safeParse({ keys: ' , ' }).success).toBe(false);
  });
});
