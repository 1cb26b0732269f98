/** Routing decisions, one row per decision key (derived from the email and the step: a retry writes nothing). */
import type { Decision } from '../../domain/types';
import type { Queryable } from './pool';
import type { ChangeRider } from './audit-log';

export interface DecisionRow extends Decision {
  id: string;
  /** The policy_versions.version the route used; null before live policies, or without one. */
  policyVersion: number | null;
  /** The meaning model that classified (its file's `version`); null before it was recorded, or rules only. */
  modelVersion: string | null;
  decisionKey: string;
  emailKey: string;
  createdAt: Date;
}

export interface DecisionInput {
  decisionKey: string;
  emailKey: string;
  decision: Decision;
  policyVersion?: number | null;
  modelVersion?: string | null;
}

const DECISION_COLUMNS = 'decision_key, email_key, route, reasons, confidence, approvals_required, policy_version, model_version';
const decisionValues = (input: DecisionInput): unknown[] => {
  const { route, reasons, confidence, approvalsRequired } = input.decision;
  return [input.decisionKey, input.emailKey, route, JSON.stringify(reasons), confidence, approvalsRequired, input.policyVersion ?? null, input.modelVersion ?? null];
};

export async function recordDecision(db: Queryable, input: DecisionInput): Promise<{ inserted: boolean }> {
  const { rowCount } = await db.query(
    `insert into decisions (${DECISION_COLUMNS}) values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8) on conflict (decision_key) do nothing`,
    decisionValues(input),
  );
  return { inserted: rowCount === 1 };
}

/** `recordDecision` riding on the route's save of the case file (one statement: emails.ts CaseWrite.riders). */
export function decisionRider(input: DecisionInput): ChangeRider {
  return (param) => {
    const [key, emailKey, route, reasons, confidence, approvals, policyVersion, modelVersion] = decisionValues(input).map(param);
    return `insert into decisions (${DECISION_COLUMNS})
      select ${key}, ${emailKey}, ${route}, ${reasons}::jsonb, ${confidence}::double precision, ${approvals}::int, ${policyVersion}::int, ${modelVersion}::text
      from changed limit 1 on conflict (decision_key) do nothing`;
  };
}

export async function latestDecision(db: Queryable, emailKey: string): Promise<DecisionRow | null> {
  const { rows } = await db.query<DecisionRow>(
    `select id, decision_key as "decisionKey", email_key as "emailKey", route, reasons, confidence,
       approvals_required as "approvalsRequired", policy_version as "policyVersion", model_version as "modelVersion", created_at as "createdAt"
     from decisions where email_key = $1 order by id desc limit 1`,
    [emailKey],
  );
  return rows[0] ?? null;
}
