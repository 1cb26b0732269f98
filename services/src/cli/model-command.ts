/**
 * `replique model`: the meaning model's versions in Postgres (model_versions), without a server.
 *
 *   pnpm -s replique model list                       versions, and which is in force (*)
 *   pnpm -s replique model publish FILE [--note T]    validate FILE (the loader's zod schema, this code's feature_version)
 *                                                     and put it in force
 *   pnpm -s replique model activate N                 put stored version N in force again
 *   pnpm -s replique model rollback                   put back the version in force before, in one action
 *
 * A running worker takes a publish or a rollback within a second or two (LISTEN/NOTIFY, and a poll); each decision
 * records the model's `version`. On a database with no model stored, the configured file (REPLIQUE_INTENT_MODEL_FILE,
 * default ml/models/intent-model.json) is stored first, as a worker's first start does.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { z } from 'zod';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { migrate } from '@replique/activities/adapters/pg/migrate';
import {
  activateModelVersion, activeModelVersion, listModelActivations, listModelVersions, ModelActionError, publishModelVersion, rollbackModelVersion,
  seedModelVersion,
} from '@replique/activities/adapters/pg/model-versions';
import { DEFAULT_INTENT_MODEL_FILE, IntentModelInvalidError } from '@replique/activities/triage/intent-model';
import { parseArgs, positiveInt, UsageError } from './args';
import { existingFile, parseEnv } from '../config/parse-env';
import { postgresEnv } from '../config/shared-env';

export const MODEL_USAGE = 'model list|publish FILE [--note TEXT]|activate N|rollback [--by NAME]';

const envSchema = z.object({ ...postgresEnv, REPLIQUE_INTENT_MODEL_FILE: existingFile.default(DEFAULT_INTENT_MODEL_FILE) });

const when = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

export async function modelCommand(argv: string[], write: (line: string) => void, io: { env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, ['note', 'by']);
  if (!['list', 'publish', 'activate', 'rollback'].includes(sub ?? '')) throw new UsageError(`usage: replique ${MODEL_USAGE}`);
  const config = parseEnv('replique model', envSchema, io.env ?? process.env);
  const by = args.options.by ?? `cli:${os.userInfo().username}`;
  const db = createPool(config.DATABASE_URL, { max: 2, applicationName: 'replique-cli' });
  try {
    await migrate(db, { dir: config.REPLIQUE_MIGRATIONS_DIR });
    if (!(await activeModelVersion(db))) await seedModelVersion(db, JSON.parse(await readFile(config.REPLIQUE_INTENT_MODEL_FILE, 'utf8')) as unknown);
    const active = await activeModelVersion(db);
    switch (sub) {
      case 'list': {
        const activations = await listModelActivations(db, 1000);
        for (const v of await listModelVersions(db)) {
          const last = activations.find((a) => a.version === v.version);
          write(`${v.version === active?.row.version ? '*' : ' '} v${v.version}  ${v.modelVersion}  published ${when(v.createdAt)} by ${v.createdBy}`
            + `${last ? `  last ${last.action} ${when(last.createdAt)} by ${last.activatedBy}` : ''}${v.note ? `  "${v.note}"` : ''}`);
        }
        return 0;
      }
      case 'publish': {
        const file = args.positionals[0];
        if (!file) throw new UsageError('model publish FILE: give the model file (ml/train-meaning-model.ts writes one)');
        const { created, activated, row } = await publishModelVersion(db, { json: JSON.parse(await readFile(file, 'utf8')) as unknown, by, note: args.options.note ?? null });
        write(activated
          ? `model v${row.version} (${row.modelVersion}) ${created ? 'published and ' : ''}in force (was ${active ? `v${active.row.version}, ${active.row.modelVersion}` : 'none'}); workers take it within seconds`
          : `unchanged: model v${row.version} (${row.modelVersion}) is this file and is in force already`);
        return 0;
      }
      case 'activate': {
        const a = await activateModelVersion(db, { version: positiveInt(args.positionals[0]), by });
        write(`model v${a.version} (${a.modelVersion}) in force (was v${active?.row.version ?? '-'}); workers take it within seconds`);
        return 0;
      }
      default: {
        const a = await rollbackModelVersion(db, { by });
        write(`rolled back: model v${a.version} (${a.modelVersion}) in force again (was v${active?.row.version ?? '-'}, ${active?.row.modelVersion ?? '-'}); workers take it within seconds`);
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof IntentModelInvalidError) return write(`not published: ${error.message}`), 1;
    if (error instanceof ModelActionError) return write(error.message), 1;
    if (error instanceof SyntaxError) return write(`not published, not JSON: ${error.message}`), 1;
    throw error;
  } finally {
    await db.end();
  }
}
