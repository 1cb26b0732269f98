/**
 * The payload keys of the test pipelines (harness, bench): every process of a pipeline encrypts its Temporal payloads
 * with them, as in production, and the tests' own clients use the same data converter.
 */
import { payloadKeyList } from '@replique/services/config/temporal-env';
import { temporalDataConverter } from '@replique/services/temporal/data-converter';

/** `id:base64` of a fixed 32-byte test key (never a production key). */
export const TEST_TEMPORAL_PAYLOAD_KEYS = `test-1:${Buffer.alloc(32, 'replique-test-payload-key').toString('base64')}`;

export function testTemporalDataConverter(keys: string = TEST_TEMPORAL_PAYLOAD_KEYS) {
  return temporalDataConverter({ TEMPORAL_PAYLOAD_KEYS: payloadKeyList.parse(keys) });
}
