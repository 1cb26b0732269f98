/**
 * A follow-up taken by another email's workflow (state `threaded`) has no workflow of its own to query: the demo
 * finds it in the `review.followUps` of the workflow that took it.
 */
import type { EmailWorkflowView } from '@replique/workflows/contracts';

export function threadedViews(emailKeys: string[], views: Map<string, EmailWorkflowView>): Map<string, EmailWorkflowView> {
  const takenBy = new Map<string, string>();
  for (const view of views.values()) {
    for (const followUp of view.review?.followUps ?? []) takenBy.set(followUp.emailKey, view.emailKey);
  }
  const found = new Map<string, EmailWorkflowView>();
  for (const emailKey of emailKeys) {
    const parent = takenBy.get(emailKey);
    if (views.has(emailKey) || !parent) continue;
    found.set(emailKey, {
      emailKey, state: 'threaded', stateReason: `follow-up of ${parent.slice(0, 12)}`, route: null, routeReasons: [],
      intent: null, confidence: null, review: null, sentMessageId: null,
    });
  }
  return found;
}
