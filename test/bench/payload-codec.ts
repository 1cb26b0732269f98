/**
 * Micro-benchmark of the Temporal payload codec (services/src/temporal/payload-encryption-codec.ts): encode + decode
 * of one payload, per size, as the SDK calls it (one payload per call). No server.
 *
 *   pnpm exec tsx test/bench/payload-codec.ts
 */
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { PayloadEncryptionCodec } from '@replique/services/temporal/payload-encryption-codec';

const codec = new PayloadEncryptionCodec([{ id: 'bench', key: randomBytes(32) }]);
const sizes = [200, 2_000, 20_000, 200_000];

async function main(): Promise<void> {
  console.log('payload bytes   encode µs   decode µs   round trip µs');
  for (const size of sizes) {
    const payload = defaultPayloadConverter.toPayload({ body: 'x'.repeat(size) });
    const rounds = Math.max(200, Math.floor(4_000_000 / size));
    for (let i = 0; i < 100; i++) await codec.decode(await codec.encode([payload])); // warm-up
    let encodeNs = 0n;
    let decodeNs = 0n;
    for (let i = 0; i < rounds; i++) {
      const t0 = process.hrtime.bigint();
      const encoded = await codec.encode([payload]);
      const t1 = process.hrtime.bigint();
      await codec.decode(encoded);
      decodeNs += process.hrtime.bigint() - t1;
      encodeNs += t1 - t0;
    }
    const us = (ns: bigint) => Number(ns) / rounds / 1000;
    console.log(`${String(size).padStart(13)}   ${us(encodeNs).toFixed(1).padStart(9)}   ${us(decodeNs).toFixed(1).padStart(9)}   ${(us(encodeNs) + us(decodeNs)).toFixed(1).padStart(13)}`);
  }
}

void main();
