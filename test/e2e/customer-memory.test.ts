/**
 * Customer memory end to end, through the real pipeline (HTTP intake → Kafka → starter → Temporal → worker → Postgres
 * → SMTP peer; decisions through the review API; the memory panel in Chromium):
 * - an offer the customer refused is not offered again: the late-order reply proposes GESTE10 and is sent; the
 *   customer then writes "je ne veux pas de bon d'achat … ne m'appelez pas"; the same late-order question afterwards
 *   gets a draft with no offer;
 * - a stated preference is honoured: the holding reply invites a call ("joignable : Lun-Ven 9h-18h") before, and
 *   after the customer said "ne m'appelez pas" it says the answer comes in writing and invites no call;
 * - the reviewer sees the memory beside the draft (screenshot docs/screenshots/customer-memory.png);
 * - discreet upsell, once per period: a thank-you answered automatically names one complementary product (recorded on
 *   the route and send events), the next thank-you from the same customer does not.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import { loadCase } from '@replique/activities/adapters/pg/emails';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { repoRoot } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { messageIdOf } from '../review/fixtures';
import { addReviewer } from '../review/review-client';
import { freshDevEmail } from '../support/dev-email-copy';

jest.setTimeout(300_000);
const WAIT = 90_000;
const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'customer-memory.png');

let pipeline: PipelineHarness;
let browser: HeadlessChromium;

beforeAll(async () => {
  pipeline = await startPipeline();
  browser = await openChromium({ width: 1440, height: 1100 });
});

afterAll(async () => {
  await browser?.close();
  await pipeline?.stop();
});

/** Manon Leroy (C0005, not VIP): her order CMD-10308 was due on 16 November and is 8 days late on the shop's today. */
function fromManon(subject: string, text: string): Buffer {
  return Buffer.from([
    'From: Manon Leroy <manon.leroy@orange.fr>', 'To: support@maison-lumen.example', `Subject: ${subject}`,
    'Date: Tue, 24 Nov 2026 09:00:00 +0100', `Message-ID: <${randomUUID()}@test.replique>`, 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', text, '', 'Manon Leroy', '',
  ].join('\r\n'), 'utf8');
}
const lateOrder = () => fromManon('Commande CMD-10308 toujours pas reçue',
  'Bonjour,\n\nMa commande CMD-10308 devait arriver le 16 novembre et je ne l\'ai toujours pas reçue. Pouvez-vous me dire où elle en est ?');
const unhappy = () => fromManon('Une question',
  'Bonjour,\n\nJe ne suis pas satisfaite du service ces derniers temps et j\'aimerais en parler avec quelqu\'un.');
const refusal = () => fromManon('Re: Commande CMD-10308',
  'Bonjour,\n\nMerci pour votre réponse. Je ne veux pas de bon d\'achat, je veux simplement recevoir mon colis. Et ne m\'appelez pas, je préfère que vous me répondiez par écrit.');

async function decide(emailKey: string, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${pipeline.reviewUrl}/api/emails/${emailKey}/decision`, {
    method: 'POST',
    headers: { authorization: `Bearer ${pipeline.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ decisionId: randomUUID(), reviewer: 'alice', ...body }),
  });
  expect(res.status).toBe(200);
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = WAIT): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The workflow writes the memory right after recording the final state. */
async function remembered(emailKey: string): Promise<Record<string, unknown>> {
  return waitFor(`memory of ${emailKey}`, async () =>
    (await auditTrail(pipeline.db.pool, emailKey)).find((e) => e.stage === 'memory' && e.event === 'remembered')?.data ?? null);
}

/** Delivers, waits until a person is asked, returns the key and the case file (draft, memory) the worker wrote. */
async function deliverForReview(raw: Buffer) {
  const { emailKey } = await pipeline.deliver(raw);
  await pipeline.waitForView(emailKey, (v) => v.state === 'waiting_review' || v.state === 'escalated', WAIT);
  const emailCase = (await loadCase(pipeline.db.pool, pipeline.vault, emailKey))!;
  return { emailKey, emailCase, draft: emailCase.draft! };
}

test('a refused offer is not offered again, a "no phone" preference is honoured, and the reviewer sees the memory', async () => {
  // 1. Before: the late order's draft proposes the voucher; a reviewer approves it and it is sent.
  const first = await deliverForReview(lateOrder());
  expect(first.draft.offers).toEqual(['GESTE10']);
  expect(first.draft.body).toContain('GESTE10');
  await decide(first.emailKey, { action: 'approve' });
  await pipeline.waitForView(first.emailKey, (v) => v.state === 'sent', WAIT);
  expect(await remembered(first.emailKey)).toMatchObject({ kinds: expect.arrayContaining(['summary', 'offer_made']) });

  // 2. Before: the holding reply invites a call in opening hours. Rejected with a note (remembered, masked).
  const before = await deliverForReview(unhappy());
  expect(before.draft.templateId).toBe('holding');
  expect(before.draft.body).toContain('joignable : Lun-Ven 9h-18h');
  expect(before.emailCase.memory?.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(['summary', 'offer_made']));
  await decide(before.emailKey, { action: 'reject', note: 'Réponse faite à la main, voir le dossier CMD-10308.' });
  await pipeline.waitForView(before.emailKey, (v) => v.state === 'rejected', WAIT);
  await remembered(before.emailKey);

  // 3. The customer refuses the voucher and asks not to be phoned; the email is answered (approved) and closes.
  const said = await deliverForReview(refusal());
  expect(said.draft.offers).toEqual([]); // already honoured in the reply to the email that says it
  await decide(said.emailKey, { action: 'approve' });
  await pipeline.waitForView(said.emailKey, (v) => v.state === 'sent', WAIT);
  expect(await remembered(said.emailKey)).toMatchObject({ kinds: expect.arrayContaining(['offer_refused', 'preference']) });

  // 4. After: the same late-order question, not a word about vouchers in it: no offer in the draft.
  const again = await deliverForReview(lateOrder());
  expect(again.emailCase.memory).toMatchObject({ refusedOffers: ['GESTE10'], preferences: ['no_phone'] });
  expect(again.draft.offers).toEqual([]);
  expect(again.draft.body).not.toMatch(/GESTE10|bon d'achat/i);
  expect(again.draft.body).toContain('CMD-10308'); // the rest of the reply is unchanged: the order's facts

  // 5. After: the same unhappy note: no call invited, the answer comes in writing.
  const after = await deliverForReview(unhappy());
  expect(after.draft.templateId).toBe('holding');
  expect(after.draft.body).not.toContain('joignable');
  expect(after.draft.body).toContain('nous vous répondrons uniquement par écrit, sans vous appeler');
  // Memory holds masked summaries, never the customer's address or name.
  const memoryText = JSON.stringify(after.emailCase.memory);
  expect(memoryText).not.toContain('manon.leroy@orange.fr');
  expect(memoryText).not.toContain('Leroy');

  // 6. The reviewer sees the memory beside the draft.
  const password = await addReviewer(pipeline.db.pool, 'mia', 'reviewer');
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${pipeline.reviewUrl}/emails/${after.emailKey}`);
  await page.fill('input[name=name]', 'mia');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL(`**/emails/${after.emailKey}`), page.click('button[type=submit]')]);
  const panel = page.locator('section.memory');
  await expect(panel.locator('[data-preference="no_phone"]').textContent()).resolves.toContain('no phone calls');
  await expect(panel.locator('[data-refused="GESTE10"]').count()).resolves.toBe(1);
  await expect(panel.locator('li[data-kind="reviewer_note"]').textContent()).resolves.toContain('Réponse faite à la main');
  await expect(panel.locator('li[data-kind="offer_made"]').count()).resolves.toBeGreaterThan(0);
  await expect(page.locator('#draft-body').textContent()).resolves.toContain('uniquement par écrit');
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
});

test('upsell: an automatic thank-you names one complementary product, recorded for conversion; not again within the period', async () => {
  const raw = freshDevEmail('d048.eml').raw;
  const { emailKey } = await pipeline.deliver(raw);
  await pipeline.waitForView(emailKey, (v) => v.state === 'sent', WAIT);
  const draft = (await loadCase(pipeline.db.pool, pipeline.vault, emailKey))!.draft!;
  expect(draft.upsell?.sku).toMatch(/^SKU-\d+$/);
  const replyText = async (r: Buffer) => (await simpleParser(pipeline.sink.messages().find((m) => m.inReplyTo === messageIdOf(r))!.raw)).text ?? '';
  expect(await replyText(raw)).toContain(draft.upsell!.text);
  const trail = await auditTrail(pipeline.db.pool, emailKey);
  expect(trail.find((e) => e.stage === 'route' && e.event === 'auto')?.data).toMatchObject({ upsellSku: draft.upsell!.sku });
  expect(trail.find((e) => e.stage === 'send' && e.event === 'accepted')?.data).toMatchObject({ upsellSku: draft.upsell!.sku });
  expect(await remembered(emailKey)).toMatchObject({ kinds: expect.arrayContaining(['upsell']) });

  const next = freshDevEmail('d048.eml').raw;
  const second = await pipeline.deliver(next);
  await pipeline.waitForView(second.emailKey, (v) => v.state === 'sent', WAIT);
  const secondCase = (await loadCase(pipeline.db.pool, pipeline.vault, second.emailKey))!;
  expect(secondCase.memory?.lastUpsellAt).toBeTruthy();
  expect(secondCase.draft?.upsell ?? null).toBeNull();
  const secondText = await replyText(next);
  expect(secondText).toContain('CMD-10685'); // the reply itself went out
  expect(secondText).not.toContain(draft.upsell!.text);
});
