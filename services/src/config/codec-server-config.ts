/**
 * Configuration of the codec server (services/src/codec-server/main.ts): decrypts Temporal payloads for the
 * Temporal UI and CLI of authorised SREs. It holds the payload keys but never connects to Temporal.
 */
import { z } from 'zod';
import { booleanFromEnv, csvList, listenPort, parseEnv } from './parse-env';
import { commonEnv } from './shared-env';
import { payloadKeyList } from './temporal-env';

export const CodecServerEnvSchema = z.object({
  ...commonEnv,
  /** The same list as the workers and clients (the first key encrypts for /encode, all decrypt). */
  TEMPORAL_PAYLOAD_KEYS: payloadKeyList,
  CODEC_SERVER_HOST: z.string().min(1).default('127.0.0.1'),
  CODEC_SERVER_PORT: listenPort.default(8083),
  /** The SREs' bearer token (CLI: --codec-auth "Bearer …"; UI: entered once on the server's /session page). */
  CODEC_SERVER_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  /** The Temporal UI origins allowed to call /encode and /decode from a browser (CORS). */
  CODEC_SERVER_UI_ORIGINS: csvList.default(['http://127.0.0.1:8233', 'http://localhost:8233']),
  /** The UI session cookie marked Secure: on whenever the codec server is served over TLS. */
  CODEC_SERVER_COOKIE_SECURE: booleanFromEnv.default(false),
});

export type CodecServerConfig = z.output<typeof CodecServerEnvSchema>;

export function loadCodecServerConfig(env: NodeJS.ProcessEnv = process.env): CodecServerConfig {
  return parseEnv('codec-server', CodecServerEnvSchema, env);
}
