/**
 * Configuration of the worker process (services/src/worker/main.ts): runs emailWorkflow and its activities.
 * Parsed once at start; an invalid variable stops the process with a clear message.
 */
import { z } from 'zod';
import { parseEnv } from './parse-env';
import { commonEnv, kafkaEnv, postgresEnv, smtpEnv } from './shared-env';
import { temporalEnv } from './temporal-env';

export const WorkerEnvSchema = z.object({
  ...commonEnv,
  ...postgresEnv,
  ...kafkaEnv,
  ...smtpEnv,
  ...temporalEnv,
  KAFKA_CLIENT_ID: z.string().min(1).default('replique-worker'),
  /** The routing policy file (zod-validated at load); default: policies/default.json. */
  REPLIQUE_POLICY_FILE: z.string().min(1).optional(),
  /** Seed the shop CRM from this JSON file at start (idempotent), e.g. the demo shop. */
  REPLIQUE_SHOP_FILE: z.string().min(1).optional(),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(1000).default(50),
});

export type WorkerConfig = z.output<typeof WorkerEnvSchema>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return parseEnv('worker', WorkerEnvSchema, env);
}
