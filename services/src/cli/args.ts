/** A tiny argv parser: `--name value` options (repeatable names keep the last), `--flag` booleans, positionals. */
export interface ParsedArgs {
  options: Record<string, string>;
  flags: Set<string>;
  positionals: string[];
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A positive integer argument (a version number, a limit), or a UsageError naming what it is. */
export function positiveInt(value: string | undefined, what = 'a version number'): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${what} is a positive integer, not ${value ?? 'nothing'}`);
  return n;
}

export function parseArgs(argv: string[], valued: string[], booleans: string[] = []): ParsedArgs {
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (valued.includes(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        options[name] = v;
      } else if (booleans.includes(name)) flags.add(name);
      else throw new UsageError(`unknown option --${name}`);
    } else positionals.push(a);
  }
  return { options, flags, positionals };
}
