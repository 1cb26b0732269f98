/** Configuration of the starter process: consumes `email.inbound`, starts one emailWorkflow per email. */
import { z } from 'zod';
import { tlsConsistency } from './tls-env';
import { parseEnv } from './parse-env';
import { commonEnv, kafkaEnv, metricsEnv, postgresEnv, tracingEnv } from './shared-env';
import { temporalEnv } from './temporal-env';

export const StarterEnvSchema = z.object({
  ...commonEnv,
  ...postgresEnv,
  ...kafkaEnv,
  ...temporalEnv,
  ...metricsEnv(9462),
  ...tracingEnv('replique-starter'),
  KAFKA_CLIENT_ID: z.string().min(1).default('replique-starter'),
  STARTER_GROUP_ID: z.string().min(1).default('replique-starter'),
}).superRefine(tlsConsistency);

export type StarterConfig = z.output<typeof StarterEnvSchema>;

export function loadStarterConfig(env: NodeJS.ProcessEnv = process.env): StarterConfig {
  return parseEnv('starter', StarterEnvSchema, env);
}
