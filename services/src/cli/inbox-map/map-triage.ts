/**
 * The triage the map runs on each email: as `replique triage` decides (decideRaw), kept to what the map
 * needs: language, intent, route, and the PII-masked text the classifier's heads read (without the order mark: a
 * topic is what the customer writes, not the state of their parcel).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isQuarantineError } from '@replique/activities/mail/quarantine';
import { structuredModelText } from '@replique/activities/triage/intent-features';
import { maskPii } from '@replique/activities/triage/pii';
import { decideRaw } from '@replique/activities/triage/triage';
import type { TriageDeps } from '@replique/activities/triage/pipeline';
import type { MemoryDecisionLog } from '@replique/activities/adapters/memory/decision-log';
import type { MappedEmail } from './map-inbox';

export type MapTriageResult = { ok: true; email: MappedEmail } | { ok: false; file: string; reason: string };

export async function triageForMap(file: string, deps: TriageDeps & { decisionLog: MemoryDecisionLog; mailbox?: string }): Promise<MapTriageResult> {
  const name = path.basename(file);
  try {
    // As `replique triage` decides (the worker's order of work and memory between emails).
    const c = await decideRaw(await readFile(file), deps, deps.decisionLog, deps.mailbox);
    const text = maskPii(structuredModelText(c.parsed.subject, c.cleaned.clean), c.pii).masked;
    return {
      ok: true,
      email: { file: name, lang: c.classification?.lang ?? null, intent: c.classification?.intent ?? null, route: c.decision?.route ?? 'review', text },
    };
  } catch (err) {
    return { ok: false, file: name, reason: isQuarantineError(err) ? err.reason : `triage_failed: ${(err as Error)?.message ?? String(err)}` };
  }
}
