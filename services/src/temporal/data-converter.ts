/**
 * The one data converter of every Temporal client and worker (worker, starter, review, demo, the codec server, test
 * harnesses): payloads are encrypted with TEMPORAL_PAYLOAD_KEYS (payload-encryption-codec.ts), and failures' messages
 * and stack traces go into an encoded payload first (failure-converter.ts), so the codec encrypts them too. A process
 * builds it from its own configuration and passes it to `new Client({ dataConverter })` /
 * `Worker.create({ dataConverter })`; a prebuilt workflow bundle takes `FAILURE_CONVERTER_PATH` as its
 * `failureConverterPath` (the workflow's own failures are converted inside the sandbox).
 */
import type { DataConverter } from '@temporalio/common';
import { createLogger } from '@replique/activities/logger';
import type { PayloadKey } from '../config/temporal-env';
import { PayloadEncryptionCodec } from './payload-encryption-codec';

const log = createLogger('temporal');

/** The module that exports `failureConverter` (for `bundleWorkflowCode({ failureConverterPath })`). */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');
let warned = false;

export function temporalDataConverter(config: { TEMPORAL_PAYLOAD_KEYS?: PayloadKey[] | undefined }): DataConverter {
  const codec = new PayloadEncryptionCodec(config.TEMPORAL_PAYLOAD_KEYS ?? []);
  if (!codec.encrypts && !warned) {
    warned = true;
    log.warn('TEMPORAL_PAYLOAD_KEYS is unset: payloads sent to Temporal (edits, follow-up texts) are stored in clear');
  }
  return { payloadCodecs: [codec], failureConverterPath: FAILURE_CONVERTER_PATH };
}
