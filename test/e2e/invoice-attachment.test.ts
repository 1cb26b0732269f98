/**
 * An invoice-copy request answered automatically through the real stack (HTTP intake → Kafka → starter → Temporal →
 * worker → smtp-sink): the captured reply carries the invoice as a PDF whose text, read back with pdf.js, shows the
 * order number and total from the shop's data; the same bytes are stored in Postgres and audited by their SHA-256.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import { replyAttachments } from '@replique/activities/adapters/pg/reply-attachments';
import type { CustomerRecord, OrderRecord } from '@replique/activities/domain/types';
import { shopFixture } from '../support/paths';
import { pdfText } from '../support/pdf-text';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';

jest.setTimeout(120_000);

const shop = JSON.parse(readFileSync(shopFixture, 'utf8')) as { customers: CustomerRecord[]; orders: OrderRecord[] };

/** A delivered order of an English-speaking customer whose mail may be answered automatically. */
function deliveredOrder(): { order: OrderRecord; customer: CustomerRecord } {
  for (const order of shop.orders) {
    const customer = shop.customers.find((c) => c.id === order.customer_id)!;
    if (order.status === 'delivered' && customer.language === 'en' && !customer.vip && !customer.ai_opt_out) return { order, customer };
  }
  throw new Error('the shop has no delivered order of an English-speaking customer');
}

let pipeline: PipelineHarness;

beforeAll(async () => {
  pipeline = await startPipeline();
});

afterAll(async () => {
  await pipeline?.stop();
});

test('an invoice request gets the invoice as a PDF, with the right order number and total, stored and audited', async () => {
  const { order, customer } = deliveredOrder();
  const messageId = `${randomUUID()}@test.replique`;
  const raw = Buffer.from([
    `From: "${customer.first_name} ${customer.last_name}" <${customer.email}>`,
    'To: support@maison-lumen.example',
    `Subject: Invoice for order ${order.number}`,
    'Date: Tue, 24 Nov 2026 09:00:00 +0000',
    `Message-ID: <${messageId}>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello,',
    '',
    `Could you please send me a copy of the invoice for my order ${order.number}? I need it for my expenses.`,
    '',
    'Thanks,',
    `${customer.first_name} ${customer.last_name}`,
    '',
  ].join('\r\n'));

  const { emailKey } = await pipeline.deliver(raw);
  const view = await pipeline.waitForView(emailKey, (v) => v.state === 'sent');
  expect(view.route).toBe('auto');

  const replies = pipeline.sink.messages().filter((m) => m.inReplyTo === messageId);
  expect(replies).toHaveLength(1);
  const mail = await simpleParser(replies[0]!.raw);
  expect(mail.text).toContain(`Please find attached the invoice (PDF) for your order ${order.number}`);
  expect(mail.text).toContain(`a total of €${order.total.toFixed(2)}`);
  expect(mail.attachments).toHaveLength(1);
  const pdf = mail.attachments[0]!;
  expect(pdf.contentType).toBe('application/pdf');
  expect(pdf.filename).toBe(`invoice-${order.number}.pdf`);

  const text = await pdfText(pdf.content);
  expect(text).toContain(`Invoice no. ${order.number}`);
  expect(text).toContain(`Total paid: €${order.total.toFixed(2)}`);
  expect(text).toContain(`Customer: ${customer.first_name} ${customer.last_name}`);

  const sha256 = createHash('sha256').update(pdf.content).digest('hex');
  const stored = await replyAttachments(pipeline.db.pool, pipeline.vault, emailKey);
  expect(stored.map((a) => ({ filename: a.filename, sha256: a.sha256 }))).toEqual([{ filename: pdf.filename, sha256 }]);
  expect(Buffer.compare(stored[0]!.content, pdf.content)).toBe(0);
  const trail = await auditTrail(pipeline.db.pool, emailKey);
  expect(trail.find((e) => e.stage === 'send' && e.event === 'attachment_1')?.data).toEqual({ kind: 'invoice', sha256, bytes: pdf.content.length });
  expect(trail.map((e) => `${e.stage}:${e.event}`)).toContain('send:accepted');
});
