/**
 * The test email of the LLM tests: a routine "where is my order" from a known customer (Hannah Evans, order
 * CMD-10839, shipped with Colissimo, tracking 6A123231891, due 27 November 2026 — the shared demo shop), whose
 * new text carries her name, address, phone and IBAN: none of it may reach a model or a log.
 */
import { randomUUID } from 'node:crypto';

export const CUSTOMER = {
  name: 'Hannah Evans',
  firstName: 'Hannah',
  lastName: 'Evans',
  email: 'hannah.evans@btinternet.com',
  phone: '07700 900 461',
  iban: 'GB82 WEST 1234 5698 7654 32',
  street: '14 Rosebery Avenue',
};

export const ORDER = {
  number: 'CMD-10839',
  carrier: 'Colissimo',
  tracking: '6A123231891',
  estimatedDeliveryEn: '27 November 2026',
};

/** Every spelling of the customer's PII that must never leave the process unmasked or reach a log. */
export function piiNeedles(): string[] {
  const digits = (s: string) => s.replace(/\s/g, '');
  return [
    CUSTOMER.email, CUSTOMER.phone, digits(CUSTOMER.phone), CUSTOMER.iban, digits(CUSTOMER.iban), CUSTOMER.street,
    CUSTOMER.firstName, CUSTOMER.lastName,
  ];
}

/** The PII needles found in a text (case-insensitive). */
export function findPii(text: string): string[] {
  const folded = text.toLowerCase();
  return piiNeedles().filter((n) => folded.includes(n.toLowerCase()));
}

export function piiEmail(messageId = `${randomUUID()}@btinternet.com`): { raw: Buffer; messageId: string } {
  const text = [
    `From: ${CUSTOMER.name} <${CUSTOMER.email}>`,
    'To: support@maison-lumen.example',
    `Subject: Order ${ORDER.number} - delivery date?`,
    'Date: Mon, 23 Nov 2026 08:12:40 +0000',
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Hi there,',
    '',
    // a plain status question: asking the shop to arrange the delivery with the courier ("the courier can call me")
    // is an action a person takes (the routine head's needs_person), not what these tests are about
    `Could you let me know when my teapot (order ${ORDER.number}) is likely to turn up? This is ${CUSTOMER.name}, my`,
    `number is ${CUSTOMER.phone} and my email ${CUSTOMER.email}. For your records my IBAN is ${CUSTOMER.iban}.`,
    '',
    'Many thanks,',
    CUSTOMER.name,
    CUSTOMER.phone,
    `${CUSTOMER.street}, Bristol BS2 9TH`,
    '',
  ].join('\r\n');
  return { raw: Buffer.from(text, 'utf8'), messageId };
}
