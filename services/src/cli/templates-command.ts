/**
 * `replique templates`: template and prompt versions in Postgres (wording_versions), without a server.
 *
 *   pnpm -s replique templates list [--kind K]                  versions, and which is in force
 *   pnpm -s replique templates show [--kind K] [--version N]    the version in force (or N), as JSON
 *   pnpm -s replique templates save FILE [--kind K] [--note T]  validate FILE (zod) and save it as a new version
 *   pnpm -s replique templates check N [--kind K]               replay the dev and train sets with version N
 *   pnpm -s replique templates activate N [--kind K]            put N in force (its latest check must have passed)
 *   pnpm -s replique templates rollback [--kind K]              put back the version in force before, in one action
 *
 * K is `templates` (default) or `prompts`. A running worker takes an activation or a rollback within a second or two
 * (LISTEN/NOTIFY, and a poll). The shipped wording is version 1, seeded when the kind has none.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { z } from 'zod';
import { readStoredTemplateWording } from '@replique/activities/reply/wording/template-wording-schema';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { migrate } from '@replique/activities/adapters/pg/migrate';
import {
  activateWordingVersion, activeWordingVersion, getWordingVersion, listWordingVersions, rollbackWordingVersion, saveWordingVersion,
  seedWordingVersions, WORDING_KINDS, WordingActionError, type WordingKind,
} from '@replique/activities/adapters/pg/wording-versions';
import { WordingInvalidError } from '@replique/activities/reply/wording/template-wording-schema';
import { parseArgs, positiveInt, UsageError } from './args';
import { parseEnv } from '../config/parse-env';
import { postgresEnv } from '../config/shared-env';
import { checkSettingsFromEnv, checkWordingVersion } from '../wording/activation-check';

export const TEMPLATES_USAGE = 'templates list|show [--version N]|save FILE [--note TEXT]|check N|activate N|rollback [--kind templates|prompts] [--by NAME]';

const envSchema = z.object({ ...postgresEnv });

export async function templatesCommand(argv: string[], write: (line: string) => void, io: { env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, ['version', 'note', 'by', 'kind']);
  if (!['list', 'show', 'save', 'check', 'activate', 'rollback'].includes(sub ?? '')) throw new UsageError(`usage: replique ${TEMPLATES_USAGE}`);
  const kind = (args.options.kind ?? 'templates') as WordingKind;
  if (!WORDING_KINDS.includes(kind)) throw new UsageError(`--kind is ${WORDING_KINDS.join(' or ')}`);
  const env = io.env ?? process.env;
  const config = parseEnv('replique templates', envSchema, env);
  const by = args.options.by ?? `cli:${os.userInfo().username}`;
  const db = createPool(config.DATABASE_URL, { max: 2, applicationName: 'replique-cli' });
  try {
    await migrate(db, { dir: config.REPLIQUE_MIGRATIONS_DIR });
    await seedWordingVersions(db);
    const active = await activeWordingVersion(db, kind);
    switch (sub) {
      case 'list':
        for (const v of await listWordingVersions(db, kind)) {
          const mark = v.version === active?.row.version ? '*' : ' ';
          write(`${mark} ${kind} v${v.version}  ${v.createdAt.toISOString()}  ${v.createdBy}  ${v.diff.length} change(s)${v.note ? `  ${v.note}` : ''}`);
        }
        return 0;
      case 'show': {
        const row = args.options.version ? await getWordingVersion(db, kind, positiveInt(args.options.version)) : active?.row ?? null;
        if (!row) return write(`no ${kind} version ${args.options.version ?? ''}`), 1;
        write(JSON.stringify({ kind, version: row.version, in_force: row.version === active?.row.version, created_by: row.createdBy, created_at: row.createdAt, note: row.note, body: kind === 'templates' ? readStoredTemplateWording(row.body) : row.body }, null, 2));
        return 0;
      }
      case 'save': {
        const file = args.positionals[0];
        if (!file) throw new UsageError('templates save FILE: give the version JSON file');
        const { created, row } = await saveWordingVersion(db, { kind, body: JSON.parse(await readFile(file, 'utf8')) as unknown, by, note: args.options.note ?? null });
        write(created ? `saved ${kind} version ${row.version} (${row.diff.length} change(s)); not in force until checked and activated` : `unchanged: ${kind} version ${row.version} has this text`);
        return 0;
      }
      case 'check': {
        const version = positiveInt(args.positionals[0]);
        const { started, done } = await checkWordingVersion(db, { kind, version, by }, checkSettingsFromEnv(env));
        const report = await done;
        for (const s of report.sets) {
          write(`${s.set}: ${s.emails} emails, unsafe auto ${s.unsafeAuto}, wrong facts sent ${s.wrongFactsSent}, forbidden phrases sent ${s.forbiddenPhrasesSent}, missing facts ${s.missingFact}, automation of routine ${(s.automationOfRoutine * 100).toFixed(1)} % (${(s.ms / 1000).toFixed(1)} s)`);
        }
        if (report.error) write(`error: ${report.error}`);
        write(`check ${started.id} of ${kind} version ${version}: ${report.passed ? 'passed' : 'FAILED'}`);
        return report.passed ? 0 : 1;
      }
      case 'activate': {
        const a = await activateWordingVersion(db, { kind, version: positiveInt(args.positionals[0]), by });
        write(`${kind} version ${a.version} in force (was ${active?.row.version ?? 'none'}); workers take it within seconds`);
        return 0;
      }
      default: {
        const a = await rollbackWordingVersion(db, { kind, by });
        write(`rolled back: ${kind} version ${a.version} in force again (was ${active?.row.version ?? 'none'}); workers take it within seconds`);
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof WordingInvalidError) return write(`not saved, the version is invalid:\n${error.message}`), 1;
    if (error instanceof WordingActionError) return write(error.message), 1;
    throw error;
  } finally {
    await db.end();
  }
}
