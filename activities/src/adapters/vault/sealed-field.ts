/**
 * The format of one sealed field (AES-256-GCM under a data key):
 *
 *   0x00 'r' 'q' 0x01 ‖ data key id (uint64, big-endian) ‖ IV (12 bytes) ‖ ciphertext ‖ GCM tag (16 bytes)
 *
 * The first 12 bytes (prefix and key id) are the GCM additional data: a value cannot be moved under another key id.
 * A value without the prefix is legacy plaintext (UTF-8 text never starts with a NUL byte; neither does a message).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = Buffer.from([0x00, 0x72, 0x71, 0x01]);
const HEADER_BYTES = PREFIX.length + 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';

export class SealedFieldError extends Error {
  override readonly name = 'SealedFieldError';
}

export function isSealed(value: Buffer): boolean {
  return value.length >= HEADER_BYTES + IV_BYTES + TAG_BYTES && value.subarray(0, PREFIX.length).equals(PREFIX);
}

/** The data key a sealed value names (call isSealed first). */
export function sealedKeyId(value: Buffer): string {
  return value.readBigUInt64BE(PREFIX.length).toString();
}

export function sealWith(keyId: string, key: Buffer, plain: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  PREFIX.copy(header);
  header.writeBigUInt64BE(BigInt(keyId), PREFIX.length);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(header);
  return Buffer.concat([header, iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

export function openWith(key: Buffer, sealed: Buffer): Buffer {
  const header = sealed.subarray(0, HEADER_BYTES);
  const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES));
  decipher.setAAD(header);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES + IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealedFieldError(`a field sealed with data key ${sealedKeyId(sealed)} did not decrypt (altered data)`);
  }
}
