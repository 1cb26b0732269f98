/**
 * What the CLI's triage-like commands share without loading the triage itself (a command that hands the triage to
 * worker threads, as `replique map`, starts them sooner): the .eml files of the paths given, and the model choice.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Which intent model the CLI loads: the committed one by default, another file, or none (rules only). */
export interface ModelChoice { model?: string; noModel?: boolean }

export function modelChoice(args: { options: Record<string, string>; flags: Set<string> }): ModelChoice {
  return { model: args.options.model, noModel: args.flags.has('no-model') };
}

/** The .eml files named by the paths: files as given (even unreadable: they get a line), folders expanded to their .eml files in sorted order. */
export async function listEmailFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const st = await stat(p).catch(() => null);
    if (st?.isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.toLowerCase().endsWith('.eml')).sort();
      out.push(...names.map((n) => path.join(p, n)));
    } else out.push(p);
  }
  return out;
}
