/**
 * Attachments on the email page, through the real pipeline and the review tool: a damaged-item email with a photo,
 * a text note, a delivery note as a PDF, a damaged PDF and an SVG disguised as a PNG. The page lists all five; the
 * photo is previewed (served only as the image its bytes are, under a CSP that runs nothing), the note's text is
 * shown, the delivery note's text is read from the stored (sealed) raw message by pdf.js and shown as text, the
 * damaged PDF says it cannot be read, the disguised SVG is refused (415). Chromium loads the previews; the
 * screenshot goes to docs/screenshots/review-attachments.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import MailComposer from 'nodemailer/lib/mail-composer';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { parseEmail } from '@replique/activities/mail/parse-email';
import { textPdf } from '@replique/activities/mail/test-support/hand-written-pdf';
import { repoRoot } from '../support/paths';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { addReviewer, ReviewClient } from './review-client';

jest.setTimeout(300_000);

const WAIT = 90_000;
const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'review-attachments.png');

let pipeline: PipelineHarness;
let browser: HeadlessChromium | undefined;

beforeAll(async () => {
  pipeline = await startPipeline();
});

afterAll(async () => {
  await browser?.close();
  await pipeline?.stop();
});

test('the email page lists attachments and previews the safe ones', async () => {
  const photo = png(240, 160);
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="document.title=\'pwned\'"><script>document.title="pwned"</script></svg>');
  const raw = await new MailComposer({
    from: 'Inès Moreau <ines.moreau@orange.fr>',
    to: 'support@maison-lumen.example',
    subject: 'Théière abîmée - commande CMD-10362',
    messageId: `<${randomUUID()}@test.replique>`,
    text: 'Bonjour,\n\nJ\'ai reçu ma commande CMD-10362 : la théière en fonte est arrivée avec le bec ébréché (photo jointe).\n'
      + 'Je préférerais recevoir une nouvelle théière plutôt qu\'un remboursement.\n\nBien cordialement,\nInès Moreau',
    attachments: [
      { filename: 'theiere.png', content: photo, contentType: 'image/png' },
      { filename: 'notes.txt', content: 'Colis reçu le samedi, carton intact.\nBec ébréché, fissure sur le couvercle.', contentType: 'text/plain; charset=utf-8' },
      { filename: 'bon-de-livraison.pdf', content: DELIVERY_NOTE, contentType: 'application/pdf' },
      { filename: 'ancien-devis.pdf', content: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), contentType: 'application/pdf' },
      { filename: 'zoom.png', content: svg, contentType: 'image/png' },
    ],
  }).compile().build();
  const shaOf = Object.fromEntries((await parseEmail(raw)).attachments.map((a) => [a.filename, a.sha256]));
  const { emailKey } = await pipeline.deliver(raw);
  await pipeline.waitForView(emailKey, (v) => v.state === 'waiting_review' || v.state === 'escalated', WAIT);

  const password = await addReviewer(pipeline.db.pool, 'ada', 'reviewer');
  const reviewer = await ReviewClient.login(pipeline.reviewUrl, 'ada', password);
  const pageHtml = await (await reviewer.get(`/emails/${emailKey}`)).text();
  const section = /<section class="attachments">[\s\S]*?<\/section>/.exec(pageHtml)?.[0] ?? '';
  for (const name of ['theiere.png', 'notes.txt', 'bon-de-livraison.pdf', 'ancien-devis.pdf', 'zoom.png']) expect(section).toContain(name);
  expect(section).toContain(`src="/emails/${emailKey}/attachments/${shaOf['theiere.png']}"`);
  expect(section).toContain('Bec ébréché, fissure sur le couvercle.');
  expect(section).toContain('<small class="muted">text of pages 1–2 of 2</small>');
  expect(section).toContain('<pre class="body preview pdf-text">BON DE LIVRAISON - commande CMD-10362\nLivré le 28/11 : 1 théière en fonte 0,9 L\n'
    + 'Remarque : &lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;\n\nPage 2 : signature du transporteur</pre>');
  expect(section).toMatch(/ancien-devis\.pdf<\/span>[^<]*<small class="muted">application\/pdf[^<]*<\/small>\s*<br><small class="muted pdf-none">no preview \(the PDF cannot be read: damaged or malformed\)/);

  const image = await reviewer.get(`/emails/${emailKey}/attachments/${shaOf['theiere.png']}`, 'image/*');
  expect([image.status, image.headers.get('content-type'), image.headers.get('content-security-policy')])
    .toEqual([200, 'image/png', "default-src 'none'"]);
  expect(Buffer.from(await image.arrayBuffer()).equals(photo)).toBe(true);
  expect((await reviewer.get(`/emails/${emailKey}/attachments/${shaOf['zoom.png']}`, 'image/*')).status).toBe(415);
  expect((await reviewer.get(`/emails/${emailKey}/attachments/${shaOf['bon-de-livraison.pdf']}`, 'image/*')).status).toBe(415);
  expect((await reviewer.get(`/emails/${emailKey}/attachments/${'0'.repeat(64)}`, 'image/*')).status).toBe(404);
  const anonymous = await fetch(`${pipeline.reviewUrl}/emails/${emailKey}/attachments/${shaOf['theiere.png']}`, { redirect: 'manual' });
  expect([401, 303]).toContain(anonymous.status);

  browser = await openChromium();
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${pipeline.reviewUrl}/login`);
  await page.fill('input[name=name]', 'ada');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
  await page.goto(`${pipeline.reviewUrl}/emails/${emailKey}`);
  const preview = page.locator(`img.preview[src$="${shaOf['theiere.png']}"]`);
  await preview.scrollIntoViewIfNeeded();
  await page.locator(`img.preview[src$="${shaOf['zoom.png']}"]`).scrollIntoViewIfNeeded();
  const loaded = (sha: string) => `(() => { const img = document.querySelector('img.preview[src$="${sha}"]'); return img && img.complete ? img.naturalWidth : -1; })()`;
  await page.waitForFunction(`${loaded(shaOf['theiere.png']!)} > 0`);
  await page.waitForFunction(`${loaded(shaOf['zoom.png']!)} >= 0`);
  await expect(page.evaluate(loaded(shaOf['theiere.png']!))).resolves.toBe(240);
  await expect(page.evaluate(loaded(shaOf['zoom.png']!))).resolves.toBe(0);
  await expect(preview.getAttribute('src')).resolves.toBe(`/emails/${emailKey}/attachments/${shaOf['theiere.png']}`);
  await expect(page.locator('pre.pdf-text').innerText()).resolves.toContain('Remarque : <script>document.title="pwned"</script>');
  expect(await page.title()).not.toMatch(/pwned/);
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.locator('section.attachments').screenshot({ path: SCREENSHOT });
});

/** The delivery note the customer scanned to PDF: two pages of text, one line of it markup that must stay text. */
const DELIVERY_NOTE = textPdf([
  ['BON DE LIVRAISON - commande CMD-10362', 'Livré le 28/11 : 1 théière en fonte 0,9 L', 'Remarque : <script>document.title="pwned"</script>'],
  ['Page 2 : signature du transporteur'],
]);

/** A width × height RGB PNG: a warm gradient with a dark diagonal "crack". */
function png(width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const crack = Math.abs(y - (x * height) / width) < 2;
      row.set(crack ? [40, 30, 30] : [150 + Math.round((x / width) * 80), 90 + Math.round((y / height) * 60), 60], 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}
