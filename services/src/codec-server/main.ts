/**
 * The codec server: decrypts (and encrypts) Temporal payloads over HTTP for the Temporal UI and the `temporal` CLI of
 * authorised SREs (CODEC_SERVER_TOKEN), with the same keys as the workers. It never connects to Temporal; payloads
 * reach it only from a caller who already read them from Temporal. See docs/privacy.md ("Temporal payloads").
 *
 *   CODEC_SERVER_TOKEN=… TEMPORAL_PAYLOAD_KEYS=… pnpm exec tsx services/src/codec-server/main.ts
 */
import type { Server } from 'node:http';
import express from 'express';
import { createLogger } from '@replique/activities/logger';
import { ConfigError } from '../config/parse-env';
import { loadCodecServerConfig, type CodecServerConfig } from '../config/codec-server-config';
import { PayloadEncryptionCodec } from '../temporal/payload-encryption-codec';
import { createCodecRouter } from './codec-routes';

const log = createLogger('codec-server');

export async function startCodecServer(config: CodecServerConfig) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(createCodecRouter({
    codec: new PayloadEncryptionCodec(config.TEMPORAL_PAYLOAD_KEYS),
    token: config.CODEC_SERVER_TOKEN,
    uiOrigins: config.CODEC_SERVER_UI_ORIGINS,
    cookieSecure: config.CODEC_SERVER_COOKIE_SECURE,
  }));
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.CODEC_SERVER_PORT, config.CODEC_SERVER_HOST, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.CODEC_SERVER_PORT;
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const config = loadCodecServerConfig();
  const server = await startCodecServer(config);
  log.info({ host: config.CODEC_SERVER_HOST, port: server.port, keys: config.TEMPORAL_PAYLOAD_KEYS.map((k) => k.id) }, 'codec server listening');
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else log.error({ err: error }, 'codec server stopped with an error');
    process.exit(1);
  });
}
