/** Runs a `replique` subcommand in the test's process against a database, collecting what it writes. */
export type CliCommand = (argv: string[], write: (line: string) => void, io: { env?: NodeJS.ProcessEnv }) => Promise<number>;

export async function runCli(command: CliCommand, databaseUrl: string, argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await command(argv, (l) => lines.push(l), { env: { DATABASE_URL: databaseUrl } });
  return { code, out: lines.join('\n') };
}
