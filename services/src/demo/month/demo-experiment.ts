/**
 * The demo month's experiment: the month's drafts are split between two template versions, so the experiments page
 * (/experiments) shows each variant's figures from the KPI tables after `pnpm demo`. Version 2 is the shipped
 * wording with a warmer closing (English and French); it is saved as a prompt owner would, its activation check is
 * run (on the dev set only, to keep the demo short: the review tool's check also replays the train set), and a tone
 * experiment `templates@1` against `templates@2` is started, assigned by customer. The running worker follows it at
 * once (no restart). Idempotent: a re-run finds the experiment and changes nothing; nothing is promoted (a person
 * does that, in the tool).
 */
import type { Pool } from '@replique/activities/adapters/pg/pool';
import { createExperiment, getExperiment } from '@replique/activities/adapters/pg/experiment-store';
import { activeWordingVersion, latestWordingCheck, saveWordingVersion } from '@replique/activities/adapters/pg/wording-versions';
import type { TemplateWording } from '@replique/activities/reply/wording/phrase-catalogue';
import { checkSettingsFromEnv, checkWordingVersion } from '../../wording/activation-check';

export const DEMO_EXPERIMENT_ID = 'demo-month-closing';

const WARMER = { en: ['Kind regards,', 'Warm regards, and thank you for writing to us,'], fr: ['Bien cordialement,', 'Bien chaleureusement, et merci de nous avoir écrit,'] } as const;

export async function startDemoExperiment(db: Pool, log: (line: string) => void): Promise<void> {
  if (await getExperiment(db, DEMO_EXPERIMENT_ID)) return;
  const t0 = performance.now();
  const shipped = await activeWordingVersion(db, 'templates');
  if (!shipped) throw new Error('no template version in force: is the worker running (it seeds the shipped wording)?');
  const body = structuredClone(shipped.row.body) as unknown as TemplateWording;
  for (const lang of ['en', 'fr'] as const) body.phrases.signature[lang] = body.phrases.signature[lang].replace(WARMER[lang][0], WARMER[lang][1]);
  const { row } = await saveWordingVersion(db, { kind: 'templates', body, by: 'demo-paula', note: 'demo: a warmer closing' });
  if ((await latestWordingCheck(db, 'templates', row.version))?.status !== 'passed') {
    const settings = checkSettingsFromEnv(process.env);
    const report = await (await checkWordingVersion(db, { kind: 'templates', version: row.version, by: 'demo-paula' }, { ...settings, sets: settings.sets.slice(0, 1) })).done;
    if (!report.passed) throw new Error(`the demo's template version ${row.version} failed its activation check: ${JSON.stringify(report.sets)}`);
  }
  await createExperiment(db, {
    id: DEMO_EXPERIMENT_ID, kind: 'tone', title: 'Closing: shipped or warmer (demo month)', metric: 'csat_positive',
    baseline: 0.85, mde: 0.1, alpha: 0.05, power: 0.8, assignmentUnit: 'customer',
    variants: [{ name: 'shipped', versionKey: `templates@${shipped.row.version}` }, { name: 'warmer', versionKey: `templates@${row.version}` }],
  }, 'demo-lena');
  log(`experiment ${DEMO_EXPERIMENT_ID} started: template version ${shipped.row.version} (shipped closing) against ${row.version} (warmer), `
    + `by customer (saved, checked and started in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
