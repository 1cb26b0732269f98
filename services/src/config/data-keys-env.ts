/**
 * The key encryption keys (KEKs) of encryption at rest (activities/src/adapters/vault/README.md), read by every process
 * that stores or shows customer text: intake, worker, review, and the `replique keys` / `gdpr` commands.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseKekList, type KeyEncryptionKey } from '@replique/activities/adapters/vault/key-wrapper';
import { ConfigError, existingFile } from './parse-env';

const kekList = z.string().transform((value, ctx): KeyEncryptionKey[] => {
  const { keks, problems } = parseKekList(value);
  for (const message of problems) ctx.addIssue({ code: 'custom', message });
  return keks;
});

export const dataKeysEnv = {
  /**
   * `id:base64,id:base64,…` (32 bytes each: `openssl rand -base64 32`): the first wraps new data keys, all unwrap.
   * Unset (and no DATA_KEKS_FILE): customer text is stored in clear (a warning at start).
   */
  DATA_KEKS: kekList.optional(),
  /** A file holding the same list (one key per line or comma-separated; `#` comments), e.g. a mounted secret. */
  DATA_KEKS_FILE: existingFile
    .transform((path, ctx): KeyEncryptionKey[] => {
      const { keks, problems } = parseKekList(readFileSync(path, 'utf8'));
      for (const message of problems) ctx.addIssue({ code: 'custom', message });
      return keks;
    })
    .optional(),
};

/** The configured KEKs (from the variable or the file); null when neither is set. */
export function dataKeksOf(
  processName: string, env: { DATA_KEKS?: KeyEncryptionKey[] | undefined; DATA_KEKS_FILE?: KeyEncryptionKey[] | undefined },
): KeyEncryptionKey[] | null {
  if (env.DATA_KEKS && env.DATA_KEKS_FILE) throw new ConfigError(processName, ['DATA_KEKS_FILE: set either DATA_KEKS or DATA_KEKS_FILE, not both']);
  return env.DATA_KEKS ?? env.DATA_KEKS_FILE ?? null;
}
