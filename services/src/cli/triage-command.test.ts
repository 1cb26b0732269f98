import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SHOP_FILE } from '@replique/activities/triage/test-support/fixtures';
import { parseArgs, UsageError } from './args';
import { main } from './main';
import { listEmailFiles, triageCommand } from './triage-command';

const EML = (subject: string, body: string, from = 'Anne Leclerc <anne.leclerc@example.fr>'): string =>
  `From: ${from}\nTo: help@atelier-test.example\nSubject: ${subject}\nDate: Mon, 09 Mar 2026 10:00:00 +0100\n` +
  `Message-ID: <${subject.replace(/\W/g, '')}@example.fr>\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`;

async function workspace(): Promise<{ dir: string; shop: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'replique-cli-'));
  const shop = path.join(dir, 'shop.json');
  await writeFile(shop, JSON.stringify(SHOP_FILE));
  const mail = path.join(dir, 'mail');
  await import('node:fs/promises').then((fs) => fs.mkdir(mail));
  await writeFile(path.join(mail, 'b.eml'), EML('Commande ORD-5501', 'Bonjour, où en est ma commande ORD-5501 ? Merci'));
  await writeFile(path.join(mail, 'a.eml'), EML('Avocat', 'Mon avocat saisira le tribunal pour la commande ORD-5502.'));
  await writeFile(path.join(mail, 'c.eml'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7]));
  await writeFile(path.join(mail, 'notes.txt'), 'not an email');
  return { dir, shop };
}

describe('args', () => {
  it('parses valued options, flags and positionals', () => {
    expect(parseArgs(['--shop', 's.json', 'x', '--policy=p.json', 'y'], ['shop', 'policy'])).toEqual({
      options: { shop: 's.json', policy: 'p.json' }, flags: new Set(), positionals: ['x', 'y'],
    });
    expect(() => parseArgs(['--nope'], ['shop'])).toThrow(UsageError);
    expect(() => parseArgs(['--shop'], ['shop'])).toThrow(/needs a value/);
  });
});

describe('replique triage', () => {
  it('prints one line per .eml in sorted order, with quarantine lines for non-emails', async () => {
    const { dir, shop } = await workspace();
    expect((await listEmailFiles([path.join(dir, 'mail')])).map((f) => path.basename(f))).toEqual(['a.eml', 'b.eml', 'c.eml']);
    const out: string[] = [];
    expect(await triageCommand(['--shop', shop, path.join(dir, 'mail')], (l) => out.push(l))).toBe(0);
    const lines = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual(['a.eml', 'b.eml', 'c.eml']);
    expect(lines[0]).toMatchObject({ route: 'escalate', intent: 'legal_threat', customer_id: 'K1', order_number: 'ORD-5502' });
    expect(lines[1]).toMatchObject({ lang: 'fr', intent: 'order_status', customer_id: 'K1', order_number: 'ORD-5501' });
    for (const key of ['message_id', 'sentiment', 'urgency', 'criticality', 'route_reasons', 'confidence', 'clean_body', 'pii', 'draft', 'guardrails']) {
      expect(lines[1]).toHaveProperty(key);
    }
    expect(lines[2]).toMatchObject({ route: 'review', quarantined: expect.any(String) });
  });

  it('is deterministic', async () => {
    const { dir, shop } = await workspace();
    const run = async (): Promise<string[]> => {
      const out: string[] = [];
      await triageCommand(['--shop', shop, path.join(dir, 'mail')], (l) => out.push(l));
      return out;
    };
    expect(await run()).toEqual(await run());
  });

  it('reads the routing policy from --policy', async () => {
    const { dir, shop } = await workspace();
    const policy = path.join(dir, 'policy.json');
    await writeFile(policy, JSON.stringify({ version: 'closed', automation: { enabled_intents: [] }, rollout: { percentage: 0 }, auto_reply_limits: {} }));
    const out: string[] = [];
    await triageCommand(['--shop', shop, '--policy', policy, path.join(dir, 'mail', 'b.eml')], (l) => out.push(l));
    expect(JSON.parse(out[0]!)).toMatchObject({ route: 'review' });
    expect((JSON.parse(out[0]!) as { route_reasons: string[] }).route_reasons).toEqual(expect.arrayContaining(['intent_not_automated', 'rollout_holdback']));
  });

  it('rejects unknown commands with usage', async () => {
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['triage'])).toBe(2);
    err.mockRestore();
  });
});
