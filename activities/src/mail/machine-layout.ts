/**
 * Layouts that software produces and people do not type, in any language: a calendar event (a text/calendar part,
 * or the event's fields "When: / Who: / Calendar:" under an invitation or an answer to one), and a transaction
 * document (an invoice, a receipt, a payment notice: a document's reference, an amount, a ledger of "label … amount"
 * lines). Read as structure; the words that name a document kind in several languages are one family among others,
 * never enough alone. Pure.
 */
import type { ParsedEmail } from '../domain/types';
import { unicodeWords } from './word-boundary';

/** Subjects calendar software writes for an invitation or an attendee's answer ("Accepted: …", "Accepté : …"). */
const CALENDAR_SUBJECT = unicodeWords(
  /^\s*(?:(?:updated |new )?invitation(?: mise à jour| modifiée)?|invitación|invito|einladung|uitnodiging|convite|accepted|tentatively accepted|tentative|declined|accepté|acceptée|accepté provisoirement|refusé|refusée|provisoire|angenommen|mit vorbehalt angenommen|abgelehnt|aceptado|rechazado|provisional|accettato|rifiutato|geaccepteerd|voorlopig geaccepteerd|geweigerd|aceite|recusado|event (?:updated|cancell?ed)|événement (?:modifié|annulé)|canceled event|cancelled event|annulé)\s*:/i,
);
/** The fields of an event as calendar software lays them out, one per line, in several languages. */
const EVENT_FIELD = unicodeWords(
  /^[ \t]*(when|where|who|organi[sz]er|attendees|guests|calendar|joining info|join(?:ing)? (?:link|by phone)|video call|quand|où|lieu|participants|invités|organisateur|calendrier|rejoindre|wann|wo|ort|teilnehmer|organisator|kalender|cuándo|dónde|asistentes|invitados|organizador|calendario|quando|dove|partecipanti|organizzatore|wanneer|waar|deelnemers|agenda)[ \t]*:/gim,
);
/** The answer line of an invitation: "Yes - Maybe - No", "Oui - Peut-être - Non", "Ja - Vielleicht - Nein". */
const RSVP_LINE = /\b(?:yes|oui|ja|sí|si|sì)\s*[-–|·]\s*(?:maybe|peut-être|vielleicht|quizás|forse|misschien|talvez)\s*[-–|·]\s*(?:no|non|nein|nee|não)\b/i;
/** A time range of an event: "10:00 – 10:30", "14h00 - 15h00", "2pm-3pm". */
const TIME_RANGE = /\b\d{1,2}(?:[:h.]\d{2})?\s?(?:am|pm)?\s*[-–]\s*\d{1,2}(?:[:h.]\d{2})?\s?(?:am|pm)?\b/i;

/** A calendar invitation or an answer to one, by its MIME part or its layout. */
export function calendarLayout(parsed: ParsedEmail, text: string): boolean {
  if (/^text\/calendar\b/i.test(parsed.contentType) || parsed.attachments.some((a) => /^(?:text\/calendar|application\/ics)\b/i.test(a.contentType) || /\.(?:ics|vcs)$/i.test(a.filename ?? ''))) return true;
  const fields = new Set([...text.slice(0, 4000).matchAll(EVENT_FIELD)].map((m) => m[1]!.toLowerCase()));
  const subject = CALENDAR_SUBJECT.test(parsed.subject);
  if (subject && (fields.size >= 2 || (fields.size >= 1 && TIME_RANGE.test(text)))) return true;
  return fields.size >= 3 && (RSVP_LINE.test(text) || TIME_RANGE.test(text));
}

/** A ledger line: a label, then an amount at the end of the line after dots, a tab, spaces or a colon. */
const LEDGER_LINE = /^[ \t]*[\p{L}][^\n]{1,60}?(?:\.{3,}|\t|\s{3,}|:)\s*(?:[-−]?\s?(?:€|£|\$|eur|usd|gbp|chf)\s?\d[\d  .,]*|\d[\d  .,]*\s?(?:€|£|\$|eur|usd|gbp|chf))\s*$/gimu;
/** A document's own reference: letters and digits in groups (FA-2026-08812, INV-00417, PS-88120-ES, 2026/1147). */
const DOCUMENT_REF = /\b(?:[A-Z]{1,5}[-/ ]?)?(?:19|20)\d{2}[-/]\d{3,}\b|\b[A-Z]{2,5}-\d{4,}(?:-[A-Z0-9]{2,})?\b|\b(?:n°|no\.?|nr\.?|#|ref\.?|réf\.?|référence|reference|referencia|riferimento|referentie|rechnungsnummer|número|numero|nummer)\s*:?\s*[A-Z]{0,4}[-/]?\d{4,}\b/;
const AMOUNT = /(?:€|£|\$|\bEUR|\bUSD|\bGBP|\bCHF)\s?\d+(?:[.,]\d{2})?|\b\d+(?:[  .]\d{3})*(?:[.,]\d{2})\s?(?:€|£|\$|EUR\b|USD\b|GBP\b|CHF\b|euros?\b)/i;
/** The kind of document named in several languages (a family: never enough alone). */
const DOCUMENT_WORDS = unicodeWords(
  /\b(?:invoice|receipt|payment (?:received|confirmation)|you(?:['’]ve| have) (?:received|been paid|made a sale)|statement|credit note|facture|avoir|reçu|quittance|paiement (?:reçu|effectué)|prélèvement|échéance|rechnung|quittung|zahlung(?:seingang)?|gutschrift|fälligkeit|factura|recibo|pago recibido|has recibido un pago|vencimiento|fattura|ricevuta|pagamento ricevuto|scadenza|factuur|betaling ontvangen|bon|fatura|pagamento recebido|transaction fees?|frais de transaction|amount due|montant (?:dû|de|total)|total (?:paid|payé|due|ttc|ht)|charged to|débité|prélevé)\b/i,
);

/** How much of a transaction document the text shows: ledger lines, a document reference, an amount, the document words. */
export function transactionFamilies(text: string, orderNumber: RegExp | null): string[] {
  const head = text.slice(0, 4000);
  const out: string[] = [];
  if ((head.match(LEDGER_LINE)?.length ?? 0) >= 2) out.push('ledger');
  const withoutOrders = orderNumber ? head.replace(new RegExp(orderNumber.source, `${orderNumber.flags.replace('g', '')}g`), ' ') : head;
  if (DOCUMENT_REF.test(withoutOrders)) out.push('document_ref');
  if (AMOUNT.test(head)) out.push('amount');
  if (DOCUMENT_WORDS.test(head)) out.push('document_words');
  return out;
}
