/**
 * Records the histories of finished (and waiting) emailWorkflows as replay fixtures: one per distinct outcome
 * (EmailState × Route) found on the server. Histories carry IDs, verdicts and reasons only — no PII by design.
 *
 *   pnpm exec tsx test/replay/record-histories.ts     (after `pnpm demo` and a few reviewer decisions)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

async function main(): Promise<void> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  const seen = new Set<string>();
  for await (const execution of client.workflow.list({ query: 'WorkflowType = "emailWorkflow"' })) {
    const state = String(execution.searchAttributes.EmailState?.[0] ?? 'unknown');
    const route = String(execution.searchAttributes.Route?.[0] ?? 'none');
    const outcome = `${state}-${route}`;
    if (seen.has(outcome) || execution.status.name === 'TERMINATED') continue;
    seen.add(outcome);
    const history = await client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
    const file = path.join(__dirname, 'histories', `${outcome}.json`);
    writeFileSync(file, historyToJSON(history));
    console.log(`${outcome}: ${execution.workflowId} → ${path.relative(process.cwd(), file)}`);
  }
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
