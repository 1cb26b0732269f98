/**
 * A stand-in for an email's workflow as the review queue sees it in the moment after a decision: it answers the
 * `state` query with the view it was started with (`waiting_review`), as the email workflow does until its main line
 * has recorded the verdict the `decide` update already took.
 */
// The workflows package owns @temporalio/workflow (test-workflow-bundle.ts).
import { condition, setHandler } from '../../workflows/node_modules/@temporalio/workflow';
import { stateQuery, type EmailWorkflowView } from '@replique/workflows/contracts';

export async function staleViewWorkflow(view: EmailWorkflowView): Promise<void> {
  setHandler(stateQuery, () => view);
  await condition(() => false);
}
