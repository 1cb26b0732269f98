/**
 * The outcomes an experiment can be judged on, each one of the KPIs (services/src/kpi/README.md) per email:
 * proportions (a yes/no per email) and continuous values. `better` says which direction wins. Pure.
 */
export const EXPERIMENT_METRICS = ['csat_positive', 'reescalation', 'automation', 'time_to_close', 'edit_distance', 'conversion'] as const;
export type ExperimentMetric = (typeof EXPERIMENT_METRICS)[number];

export interface MetricDefinition {
  type: 'proportion' | 'continuous';
  better: 'higher' | 'lower';
  label: string;
  /** Which emails have this outcome. */
  population: string;
  unit: 'rate' | 'hours' | 'chars';
}

export const METRICS: Record<ExperimentMetric, MetricDefinition> = {
  csat_positive: { type: 'proportion', better: 'higher', label: 'CSAT (rated 4 or 5)', population: 'rated replies', unit: 'rate' },
  reescalation: { type: 'proportion', better: 'lower', label: 'Re-escalation rate', population: 'automated replies', unit: 'rate' },
  automation: { type: 'proportion', better: 'higher', label: 'Automation rate', population: 'customer emails', unit: 'rate' },
  time_to_close: { type: 'continuous', better: 'lower', label: 'Time to close', population: 'closed emails', unit: 'hours' },
  edit_distance: { type: 'continuous', better: 'lower', label: 'Reviewer edit distance', population: 'edited drafts', unit: 'chars' },
  conversion: {
    type: 'proportion', better: 'higher', label: 'Conversion after the reply (an order within the window)',
    population: 'replies to known customers whose window the order feed has passed', unit: 'rate',
  },
};

export function isExperimentMetric(value: unknown): value is ExperimentMetric {
  return typeof value === 'string' && (EXPERIMENT_METRICS as readonly string[]).includes(value);
}
