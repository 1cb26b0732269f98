/**
 * `replique map --mailbox` against the stack's Dovecot, in a folder of the test's own: the messages are copied
 * read-only (none marked \Seen), mapped like a folder, named by UID, and the copy is removed afterwards.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { generateInbox, type ShopData } from '../../ml/inbox-generator';
import { mapCommand } from '@replique/services/cli/map-command';
import { stack } from '../adapters/stack-env';
import { shopFixture } from '../support/paths';

jest.setTimeout(120_000);

const folder = `map-test-${randomUUID().slice(0, 8)}`;
let client: ImapFlow;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'replique-map-mailbox-'));
  client = new ImapFlow({ host: stack.imap.host, port: stack.imap.port, secure: false, auth: { user: stack.imap.user, pass: stack.imap.password }, logger: false });
  await client.connect();
  await client.mailboxCreate(folder);
});
afterAll(async () => {
  await client?.mailboxDelete(folder).catch(() => undefined);
  await client?.logout();
  await rm(dir, { recursive: true, force: true });
});

test('the mailbox copied read-only and mapped', async () => {
  const shop = JSON.parse(await readFile(shopFixture, 'utf8')) as ShopData;
  for (const e of generateInbox(shop, 40, 9)) await client.append(folder, e.raw);
  const lines: string[] = [];
  const env = {
    IMAP_HOST: stack.imap.host, IMAP_PORT: String(stack.imap.port), IMAP_USER: stack.imap.user, IMAP_PASSWORD: stack.imap.password, IMAP_MAILBOX: folder,
  };
  const out = path.join(dir, 'map');
  expect(await mapCommand(['--mailbox', '--shop', shopFixture, '--workers', '1', '--topics', '5', '--out', out], (l) => lines.push(l), env)).toBe(0);
  expect(lines[0]).toBe(`40 messages copied from ${folder} (read-only)`);
  expect(lines[1]).toMatch(/^40 emails \(0 quarantined\)/);
  const map = JSON.parse(await readFile(path.join(out, 'inbox-map.json'), 'utf8')) as { emails: number; source: string; topics: { examples: string[] }[] };
  expect(map.emails).toBe(40);
  expect(map.topics.flatMap((t) => t.examples).every((f) => /^uid-\d{8}\.eml$/.test(f))).toBe(true);
  await expect(readFile(path.join(map.source, 'uid-00000001.eml'))).rejects.toThrow(); // the copy is gone

  await client.mailboxOpen(folder, { readOnly: true });
  const seen: boolean[] = [];
  for await (const m of client.fetch('1:*', { flags: true })) seen.push(m.flags?.has('\\Seen') ?? false);
  expect(seen).toHaveLength(40);
  expect(seen.some(Boolean)).toBe(false);
});
