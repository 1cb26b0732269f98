/** Configuration of the KPI process: consumes `email.events` into the KPI tables of Postgres. */
import { z } from 'zod';
import { tlsConsistency } from './tls-env';
import { parseEnv } from './parse-env';
import { commonEnv, kafkaEnv, metricsEnv, postgresEnv } from './shared-env';

export const KpiEnvSchema = z.object({
  ...commonEnv,
  ...postgresEnv,
  ...kafkaEnv,
  ...metricsEnv(9465),
  KAFKA_CLIENT_ID: z.string().min(1).default('replique-kpi'),
  /** The consumer group: its committed offsets are where a restarted KPI process resumes. */
  KPI_GROUP_ID: z.string().min(1).default('replique-kpi'),
}).superRefine(tlsConsistency);

export type KpiConfig = z.output<typeof KpiEnvSchema>;

export function loadKpiConfig(env: NodeJS.ProcessEnv = process.env): KpiConfig {
  return parseEnv('kpi', KpiEnvSchema, env);
}
