/**
 * Whether an email is a GDPR request a person was handed (route `escalate`, for the intent or the signal
 * `gdpr_request`: access, portability, erasure), and whether this reviewer may export its customer's data: leads and
 * admins, who answer those requests (docs/privacy.md, "The customer's rights").
 */
import { hasRole, type Reviewer } from './auth/session-auth';

export function isGdprEscalation(item: { route: string | null; intent: string | null; reasons: string[] }): boolean {
  return item.route === 'escalate' && (item.intent === 'gdpr_request' || item.reasons.includes('gdpr_request'));
}

export function mayExportCustomerData(reviewer: Reviewer): boolean {
  return hasRole(reviewer, 'lead');
}
