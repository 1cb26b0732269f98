/**
 * `replique gen-inbox` then `replique map` on the generated inbox (300 emails: the benchmark maps 5,000,
 * test/bench/inbox-map.ts): the generator is deterministic and realistic enough to carry machine mail, and the map's
 * topics, volumes and automatable share agree with `replique triage` run on the same files, in one process and in
 * worker threads.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { genInboxCommand } from '@replique/services/cli/gen-inbox-command';
import { mapCommand } from '@replique/services/cli/map-command';
import { buildTriageDeps, triageEach } from '@replique/services/cli/triage-command';
import { shopFixture } from '../support/paths';

jest.setTimeout(240_000);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'replique-map-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = async (command: typeof mapCommand, argv: string[]) => {
  const lines: string[] = [];
  const code = await command(argv, (l) => lines.push(l));
  return { code, lines };
};

test('a generated inbox mapped into topics that agree with the triage, written as a report, a chart and data', async () => {
  const inbox = path.join(dir, 'inbox');
  expect(await run(genInboxCommand, ['--count', '300', '--seed', '5', '--shop', shopFixture, inbox])).toEqual({ code: 0, lines: [`300 emails written to ${inbox} (seed 5)`] });
  const again = path.join(dir, 'again');
  await run(genInboxCommand, ['--count', '20', '--seed', '5', '--shop', shopFixture, again]);
  expect(await readFile(path.join(again, 'inbox-00017.eml'))).toEqual(await readFile(path.join(inbox, 'inbox-00017.eml')));
  const files = (await readdir(inbox)).sort();
  expect(files).toHaveLength(300);

  const out = path.join(dir, 'map');
  const mapped = await run(mapCommand, ['--shop', shopFixture, '--workers', '1', '--out', out, inbox]);
  expect(mapped.code).toBe(0);
  expect(mapped.lines[0]).toMatch(/^300 emails \(0 quarantined\) in [\d.]+ s .*: 50 topics, \d+ automatable today/);
  const map = JSON.parse(await readFile(path.join(out, 'inbox-map.json'), 'utf8')) as {
    emails: number; automatable: number; topics: { volume: number; automatable: number; intent: string; examples: string[]; label: string }[];
  };

  // the same decisions as `replique triage` on the same files
  const deps = await buildTriageDeps(shopFixture, undefined);
  const lines: { file: string; route: string; intent: string | null; machine: string | null }[] = [];
  try {
    await triageEach([inbox], deps, (l) => lines.push(l as unknown as (typeof lines)[number]));
  } finally {
    await deps.close();
  }
  const routeOf = new Map(lines.map((l) => [l.file, l.route]));
  expect(map.emails).toBe(300);
  expect(map.automatable).toBe(lines.filter((l) => l.route === 'auto').length);
  expect(map.automatable).toBeGreaterThan(20);
  expect(lines.filter((l) => l.machine).length).toBeGreaterThan(10); // out-of-office, bounces, newsletters, carriers
  expect(map.topics.reduce((s, t) => s + t.volume, 0)).toBe(300);
  for (const t of map.topics) {
    expect(t.examples.every((f) => files.includes(f))).toBe(true);
    expect(t.label).not.toBe('');
  }
  // a topic's automatable count is the triage's auto routes among its emails, checked on its examples
  const top = map.topics[0]!;
  expect(top.volume).toBeGreaterThanOrEqual(top.automatable);
  expect(top.examples.filter((f) => routeOf.get(f) === 'auto').length).toBeLessThanOrEqual(top.automatable);

  const svg = await readFile(path.join(out, 'inbox-map.svg'), 'utf8');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.match(/<rect [^>]*fill="#c8ccd2"/g)).toHaveLength(map.topics.length + 1);
  const md = await readFile(path.join(out, 'inbox-map.md'), 'utf8');
  expect(md).toContain('![Top topics](inbox-map.svg)');
  expect(md.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(map.topics.length);

  // a seeded sample triaged by two worker threads: the same routes for the files it holds
  const sampled = await run(mapCommand, ['--shop', shopFixture, '--workers', '2', '--sample', '80', '--topics', '10', '--out', path.join(dir, 'sample'), inbox]);
  expect(sampled.lines[0]).toMatch(/^80 emails \(a sample of 300\)/);
  const sample = JSON.parse(await readFile(path.join(dir, 'sample', 'inbox-map.json'), 'utf8')) as { topics: { estimatedVolume: number; volume: number }[] };
  expect(sample.topics).toHaveLength(10);
  for (const t of sample.topics) expect(t.estimatedVolume).toBe(Math.round((t.volume * 300) / 80));
});
