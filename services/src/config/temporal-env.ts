/** Temporal connection variables, shared by the processes that talk to the server. */
import { z } from 'zod';

export const temporalEnv = {
  TEMPORAL_ADDRESS: z.string().min(3).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('replique-email'),
};
