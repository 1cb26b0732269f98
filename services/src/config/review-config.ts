/** Configuration of the review process: the reviewers' HTTP API (and, later, the web tool). */
import { z } from 'zod';
import { parseEnv, port } from './parse-env';
import { commonEnv, postgresEnv } from './shared-env';
import { temporalEnv } from './temporal-env';

export const ReviewEnvSchema = z.object({
  ...commonEnv,
  ...postgresEnv,
  ...temporalEnv,
  REVIEW_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  REVIEW_HTTP_PORT: port.default(8082),
  /** Bearer token for the review API until the review tool's login exists. */
  REVIEW_TOKEN: z.string().min(16, 'must be at least 16 characters'),
});

export type ReviewConfig = z.output<typeof ReviewEnvSchema>;

export function loadReviewConfig(env: NodeJS.ProcessEnv = process.env): ReviewConfig {
  return parseEnv('review', ReviewEnvSchema, env);
}
