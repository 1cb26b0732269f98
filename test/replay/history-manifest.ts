/** The recorded histories and their manifest (what each covers), shared by the recorder and the replay test. */
import { gunzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonHistory } from './history-facts';

export const historiesDir = path.join(__dirname, 'histories');
export const manifestFile = path.join(historiesDir, 'manifest.json');

export interface ManifestEntry {
  /** Where it comes from: the dev email and the scenario the recorder drove, or the test that recorded it. */
  source: string;
  covers: string[];
}
export type Manifest = Record<string, ManifestEntry>;

/**
 * Categories the fixtures must keep covering: every route, every final state a review leads to, every reviewer
 * action through both ways in (update and signal), blocked and overridden edits, follow-ups, the review SLA, open
 * workflows, and machine mail (bounces, auto-replies, lists).
 */
export const REQUIRED_CATEGORIES = [
  'route:auto', 'route:review', 'route:escalate', 'route:suppress',
  'final:sent', 'final:suppressed', 'final:rejected',
  'sent:automatic', 'sent:approved', 'sent:edited_and_approved', 'sent:edited_over_failed_checks',
  'decision:approve', 'decision:edit', 'decision:reject', 'decision:escalate', 'decision:takeover',
  'decision-via:update', 'decision-via:signal',
  'edit:blocked', 'edit:overridden', 'review:double-approval',
  'follow-up', 'follow-up:escalated', 'sla:reminder', 'sla:escalated',
  'open:waiting_review', 'open:escalated',
  'suppressed:delivery_status_report', 'suppressed:out_of_office', 'suppressed:newsletter',
] as const;

export const isHistoryFile = (file: string) => /\.json(\.gz)?$/.test(file) && file !== 'manifest.json';

export function historyFiles(): string[] {
  return readdirSync(historiesDir).filter(isHistoryFile).sort();
}

/** The history as JSON text, gunzipped when the file is `.json.gz`. */
export function readHistoryText(file: string): string {
  const bytes = readFileSync(path.join(historiesDir, file));
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

export function readHistoryJson(file: string): JsonHistory {
  return JSON.parse(readHistoryText(file)) as JsonHistory;
}

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
}

export const historyName = (file: string) => file.replace(/\.json(\.gz)?$/, '');
