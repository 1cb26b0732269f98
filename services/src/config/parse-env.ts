/**
 * Parsing a process's environment once, at start, against its zod schema. An invalid or missing variable stops
 * the process with one message naming every bad variable (never its value: it may be a secret).
 */
import { statSync } from 'node:fs';
import { z } from 'zod';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly processName: string,
    readonly problems: string[],
  ) {
    super(`invalid configuration for ${processName}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function parseEnv<S extends z.ZodType>(
  processName: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  // An empty value means "unset" (a line `FOO=` in a .env file), so defaults apply.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
  throw new ConfigError(processName, problems);
}

/** `true/false/1/0/yes/no/on/off`, case-insensitive. */
export const booleanFromEnv = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off']))
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

/** `a,b , c` → `['a','b','c']`; at least one item. */
export const csvList = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter((item) => item !== ''))
  .pipe(z.array(z.string()).min(1));

export const port = z.coerce.number().int().min(1).max(65_535);

/** A port a process listens on: 0 lets the system pick a free one (tests), which the process then logs and reports. */
export const listenPort = z.coerce.number().int().min(0).max(65_535);

/** A path the process reads at start, checked when the configuration is parsed (not at first use). */
function existingPath(kind: 'file' | 'directory') {
  return z
    .string()
    .min(1)
    .refine(
      (value) => {
        try {
          const stat = statSync(value);
          return kind === 'file' ? stat.isFile() : stat.isDirectory();
        } catch {
          return false;
        }
      },
      { message: `must name an existing ${kind}` },
    );
}
export const existingFile = existingPath('file');
export const existingDirectory = existingPath('directory');

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
