/**
 * Is this email written by a machine, so that we must never answer it automatically? RFC 3834 (automatic
 * responses), RFC 3464 (delivery-status reports), RFC 8098 (read receipts), RFC 5965 (abuse reports),
 * RFC 2369/2919 (list headers), null and system senders, bounce notices without a report part, out-of-office
 * text without any header, and obvious spam. Pure: decides from the parsed email and its cleaned text.
 *
 * Reasons use the labels' vocabulary: auto_submitted_header, x_autoreply_header,
 * x_auto_response_suppress_header, out_of_office (text confirming a header) / out_of_office_text (text
 * alone), precedence_list, list_headers, newsletter, null_sender, no_reply_sender, system_notification,
 * delivery_status_report, bounce_notice (a bounce without a report part), bounce_of_shop_reply, read_receipt,
 * abuse_report, spam; and for mail without those marks, from scored cues: phishing (with its cues: payment_request,
 * credential_request, lookalike_domain, impersonation, reply_to_elsewhere, action_link, pressure, secrecy,
 * held_parcel_fee, impersonal_greeting, brand_lookalike_domain), unsolicited_payment_demand, cold_sales_pitch, bulk_mail_without_list_headers;
 * and machine_mail_model when none of those rules fired but the learned head (machine-head.ts) reads a machine's structure.
 * Text-only rules stand down when the text reads as a customer's (customer-voice.ts).
 */
import type { CleanedBody, MachineKind, MachineVerdict, ParsedEmail } from '../domain/types';
import { customerVoice, firstPersonCount } from './customer-voice';
import { machineHeadVote, REQUEST_TO_SHOP } from './machine-head';
import { calendarLayout, transactionFamilies } from './machine-layout';
import { looksLikeOutOfOffice } from './out-of-office';
import { leadingReplyMarker } from './quoted-history';
import { phishingVerdict } from './phishing-signals';
import { senderShape, type ShopIdentity } from './sender-shape';
import { looksLikeBulkMail, looksLikeSpam } from './spam-signals';
import { unicodeWords } from './word-boundary';

export interface MachineMailOptions {
  /** True when a Message-ID is one of the shop's own outgoing messages (links a bounce to its workflow). */
  isOwnMessageId?: (messageId: string) => boolean;
  /** The shop's domains and name: a sender imitating them is a phishing cue. */
  shop?: ShopIdentity;
  /** The sender's address is a customer on file: text-only spam rules never suppress a customer. */
  senderIsCustomer?: boolean;
  /** The shop's order numbers as customers write them: naming one is a customer's mark. */
  orderNumber?: RegExp | null;
}

/** Sender local parts of systems that do not read replies. */
const NO_REPLY_LOCAL =
  /^[a-z]+[-_.](?:no[-_.]?reply|do[-_.]?not[-_.]?reply|noreponse|ne[-_.]?pas[-_.]?repondre)(?:[-_.+].*)?$|^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|ne[-_.]?pas[-_.]?repondre|nepasrepondre|ne[-_.]?repondez[-_.]?pas|no[-_.]?responder|noreponse|bounces?|bounce[-_.+].*|notifications?|notify|alerts?|automailer|auto[-_.]?(?:reply|mailer|notification)|mailer)(?:[-_.+].*)?$/i;
const DAEMON_LOCAL = /^(?:mailer-daemon|mailer_daemon|maildaemon|post_?master|mail-daemon|mdaemon|mail\.?delivery|smtp-?gateway|microsoftexchange[0-9a-f]{20,})$/i;
/** Mailing-list robots: owner-list@, list-owner@, list-request@, list-bounces@, list-admin@. */
const LIST_ROBOT_LOCAL = /^owner-|-(?:owner|admin|request|bounces?)$/i;
const ABUSE_SUBJECT = /complaint about message|abuse report|spam (?:complaint|report)|feedback[- ]loop|\bfbl\b|\barf\b report/i;
const DAEMON_NAME = /mail(?:er)?[ -]?daemon|mail delivery (?:system|subsystem|service)|postmaster|delivery status notification|message delivery|mail administrator|système de distribution|systeme de distribution/i;

const BOUNCE_SUBJECT =
  /undeliver(?:ed|able)|undelivered mail|delivery (?:status notification|failure|failed|has failed|problem|notification)|failure notice|returned mail|returned to sender|mail delivery (?:failed|failure|system)|non[- ]remis|avis de non[- ]|non distribu|non (?:délivré|transmis)|échec (?:de l'|d')envoi|échec de (?:la )?(?:remise|distribution)|notification d'état de (?:la )?remise|état de (?:la )?remise|unzustellbar|nicht zustellbar|mensaje no entregado|no se pudo entregar|consegna non riuscita|onbestelbaar|message not delivered|could not be delivered|delivery report|rejected|bounce|permanent error|delivery delayed|delayed mail|warning: could not send|mail system error|nondeliverable|non-delivery|unable to deliver|message you sent|notice of delivery failure|error sending message|mail failure|delivery notification|sending failed|undeliverable mail|mail returned|returned message|loop (?:alert|detected)|mail loop|message (?:retourné|refusé|rejeté)|non délivré|mail returned|status notification|not delivered|\bdelay(?:ed)?\b/i;
const BOUNCE_TEXT =
  /this is the mail system at host|i'm sorry to have to inform you that your message could not|the following addresses? had permanent fatal errors|this is the qmail-send program|i'm afraid i wasn't able to deliver|this message was created automatically by mail delivery software|delivery to the following recipients? (?:failed|has been delayed)|your message (?:could not|cannot|can't|wasn't|was not) (?:be )?delivered|message could not be delivered|could not be delivered to (?:one or more|the following)|delivery has failed to these recipients|the original message was received at|----- (?:the following addresses|transcript of session|original message follows)|a message that you sent could not be delivered|unable to deliver (?:your )?message|permanent(?:ly)? (?:fatal )?(?:error|failure)|550[ -]5\.\d\.\d|5\.\d\.\d{1,3} |recipient address rejected|user unknown|mailbox (?:unavailable|full|is full|not found)|no such user|host unknown|remote server returned|diagnostic-code:|final-recipient:|votre message n'a pas pu être (?:remis|distribué|délivré|envoyé|transmis)|échec de (?:la )?(?:remise|distribution) (?:aux|au|à|du message)|notification d'état de (?:la )?remise|ihre nachricht konnte nicht zugestellt werden|message not delivered|delivery status notification|auto-?generated bounce|returned mail: |mail delivery failed|la remise (?:du message )?(?:n'a pas abouti|a échoué)|impossible de (?:remettre|distribuer|délivrer) (?:le|votre|ce) message|(?:adresse|destinataire) (?:e-?mail )?(?:introuvable|inconnue?|inexistante?)|boîte (?:aux lettres |mail )?(?:pleine|saturée|introuvable|inexistante)|address (?:not found|couldn't be found|could not be found)|the (?:e-?mail )?account (?:that )?you tried to reach (?:does not exist|is (?:disabled|over quota))|smtp error from remote (?:mail server|server)|message rejected by|retry timeout exceeded|did not reach (?:the following|some or all|the intended|its)|(?:recipient|recipients|destinataire)\(?s?\)? (?:cannot|could not|can't) be reached|delivery incomplete|temporary problem delivering|(?:a|ont) refusé (?:le|votre|ce) message|there was an error delivering|error delivering your (?:mail|message)|has not yet been delivered to|(?:nous n['’]avons|on n['’]a) pas pu (?:acheminer|remettre|distribuer|délivrer|transmettre|livrer) (?:votre|le|ce|un) (?:message|mail|e-?mail|courriel)|we (?:could not|couldn['’]t|were unable to|weren['’]t able to) deliver (?:your|the|this) (?:message|e-?mail|mail)|has not been delivered yet|(?:was|is) not delivered|wasn['’]t delivered/i;
/**
 * The same said in other servers' words: a delivery that failed or was blocked ("problem delivering your message",
 * "message delivery to … failed", "was not delivered to"), a full or unknown mailbox ("quota exceeded", "out of
 * storage space", "not listed in … directory"), the message handed back ("returned to the sender").
 */
const BOUNCE_TEXT_OTHER_WORDS = unicodeWords(
  /\b(?:(?:problem|error|failure) (?:delivering|sending) (?:your )?(?:message|e-?mail)|(?:message |mail )?delivery (?:to|of) [^\n]{1,80}? (?:has )?failed|was not delivered to|(?:message|e-?mail) (?:has been |was )?(?:blocked|rejected|refused) by|(?:was|has been|were) (?:rejected|refused|blocked|bounced) by (?:the )?(?:recipient['’]s |remote |destination |receiving )?(?:mail )?server|(?:mailbox |inbox )?(?:quota (?:exceeded|full)|over (?:its |the )?quota|out of (?:storage )?space)|not listed in (?:the )?[\w ]{0,30}directory|(?:has been |was )?returned to (?:the )?sender|la (?:distribution|remise) (?:à|a) l['’]adresse [^\n]{1,80}? a échoué|(?:quota|espace de stockage) (?:dépassé|atteint|plein|insuffisant))\b|\b(?:message|mail|e-?mail|courriel)\b[^!?\n]{0,80}?\b(?:could not|cannot|can['’]t|couldn['’]t|wasn['’]t|was not|n['’]a pas (?:pu )?être|n['’]a pas été|ne peut (?:pas )?être) (?:be )?(?:sent|delivered|transmitted|remise?|délivrée?|distribuée?|envoyée?|acheminée?|transmise?)\b|^\s*(?:reason|raison|motif|cause|diagnostic)\s*:[^\n]*\b(?:mailbox|recipient|address|domain|dns|smtp|destinataire|adresse|compte|account|user|utilisateur)\b/im,
);

/**
 * What only a mail server writes, whoever the message seems to come from: delivery-status fields in the text (two
 * of them) or a transfer agent's own opening. A person pasting one asks about it (writesAsCustomer is checked too).
 */
const DSN_FIELD = /^[ \t]*(?:final-recipient|original-recipient|diagnostic-code|reporting-mta|remote-mta|action|status|arrival-date|last-attempt-date)[ \t]*:/gim;
const MTA_OPENING = /this is the mail system at host|this is the qmail-send program|this message was created automatically by mail delivery software|the original message was received at|this is an automatically generated delivery status notification|----- transcript of session follows -----/i;
const serverWrote = (text: string): boolean =>
  new Set((text.match(DSN_FIELD) ?? []).map((f) => f.trim().toLowerCase().replace(/\s*:$/, ''))).size >= 2 || MTA_OPENING.test(text);

/**
 * A mail server's report, by its layout rather than its words (any language, any server): an SMTP reply or enhanced
 * status code next to an address ("550 5.1.1 <x@y>", "(#5.1.1)", "Remote host said: 554"), the returned message's
 * trace headers (Received: from …, Message-ID:), or Exchange's summary of the message it returns ("Your message /
 * To: … / Subject: …"). Nobody writes these by hand; a customer who pastes one still speaks in their own words
 * (writesAsCustomer).
 */
const SMTP_CODE_NEAR_ADDRESS = /(?:\b[245]\d\d[ -](?:#?[245]\.[0-7]\.\d{1,3}\b)?|\(#?[245]\.[0-7]\.\d{1,3}\)|\b[245]\.[0-7]\.\d{1,3}\b)[^\n]{0,160}[\w.+-]+@[\w-]+\.[\w.-]+|[\w.+-]+@[\w-]+\.[\w.-]+[^\n]{0,40}\n?[^\n]{0,160}(?:\b[245]\d\d[ -][245]\.[0-7]\.\d{1,3}\b|\(#?[245]\.[0-7]\.\d{1,3}\)|\b(?:said|says|replied|a répondu|error|erreur)\s*:?\s*[245]\d\d\b)/i;
const RETURNED_TRACE = /^[ \t>]*received:[ \t]+from\b[^\n]*(?:\n[ \t][^\n]*)*\n(?:[^\n]*\n){0,30}?[ \t>]*message-id[ \t]*:/im;
/** The recipients a server failed to reach, listed alone on their lines under its sentence ("…to these recipients or groups:"). */
const RECIPIENT_LISTED = /^[^\n@]{12,160}:[ \t]*\n(?:[ \t]*\n)?[ \t]*<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?[ \t]*$/im;
const RETURNED_SUMMARY = /^[ \t]*(?:your message|votre message|le message)[ \t:]*\n(?:[ \t]*\n)?(?:[ \t]*(?:to|à|subject|objet|sent|envoyé|date)[ \t]*:[^\n]*\n){2,}/im;
/**
 * Where a server's report starts in the text (its opening, its layout, its delivery-status fields), or -1. What stands
 * above it is a person's own text: empty in a real bounce, a question or a story when a customer pastes one.
 */
export function serverReportStart(text: string): number {
  const starts = [MTA_OPENING, SMTP_CODE_NEAR_ADDRESS, RETURNED_TRACE, RETURNED_SUMMARY, DSN_FIELD_LINE, RECIPIENT_LISTED]
    .map((re) => text.search(re)).filter((i) => i >= 0);
  const code = text.search(SMTP_FULL_CODE);
  if (code >= 0) starts.push(text.lastIndexOf('\n', code) + 1);
  return starts.length ? Math.min(...starts) : -1;
}
/** An SMTP reply code with its enhanced status ("550 5.1.1", "451 4.4.1", "550-5.1.10"): only servers write the pair. */
const SMTP_FULL_CODE = /\b[245]\d\d[ -][245]\.[0-7]\.\d{1,3}\b/;
const DSN_FIELD_LINE = /^[ \t]*(?:final-recipient|diagnostic-code|reporting-mta|remote-mta)[ \t]*:/im;

/** Lines only automated senders start with ("This is an automated message", "Merci de ne pas répondre à ce message"). */
const AUTOMATED_NOTICE_EN_FR =
  /^[ \t]*(?:this (?:is an? )?(?:automated|automatic(?:ally generated)?|auto-generated) (?:message|e-?mail|notification)|this (?:message|e-?mail) (?:was|has been) (?:sent|generated) automatically|please do not reply (?:to|directly to) this (?:message|e-?mail)|do not reply to this (?:message|e-?mail)|ceci est un (?:message|e-?mail|mail|courriel) automatique|(?:ce message|cet e-?mail|ce courriel) (?:a été )?(?:est )?(?:envoyé|généré) automatiquement|merci de ne pas répondre (?:à|a) ce (?:message|mail|e-?mail|courriel)|ne (?:pas )?répondez pas à ce (?:message|mail|e-?mail|courriel))/im;
/**
 * The same notice in the neighbours' languages (ES, DE, IT, NL, PT): "Este es un mensaje automático", "Bitte antworten
 * Sie nicht auf diese E-Mail", "Si prega di non rispondere", "Dit is een automatisch bericht", "Não responda a este e-mail".
 */
const AUTOMATED_OTHER_LANGUAGES = unicodeWords(
  /(?:^|[.!]\s+)(?:(?:este|esto) es un (?:mensaje|correo|e-?mail) (?:automático|generado automáticamente)|(?:por favor,? )?no (?:respondas|responda|conteste|contestes) (?:a )?este (?:mensaje|correo|e-?mail)|dies ist eine (?:automatisch (?:generierte|erstellte|versendete) )?(?:automatische )?(?:nachricht|e-?mail|benachrichtigung)|bitte (?:antworten sie nicht|nicht) (?:auf )?(?:diese|dieser) (?:e-?mail|nachricht)|diese (?:e-?mail|nachricht) wurde automatisch (?:erstellt|generiert|versendet)|questo è un messaggio (?:automatico|generato automaticamente)|(?:si prega di |per favore )?non rispondere a questa (?:e-?mail|mail|messaggio)|dit is een automatisch (?:gegenereerd |verzonden )?(?:bericht|e-?mail)|(?:gelieve|graag) niet (?:te )?(?:antwoorden|reageren) op (?:dit|deze) (?:bericht|e-?mail|mail)|esta é uma mensagem automática|(?:por favor,? )?não responda a este (?:e-?mail|email|mensagem))/im,
);
const AUTOMATED_NOTICE = { test: (text: string): boolean => AUTOMATED_NOTICE_EN_FR.test(text) || AUTOMATED_OTHER_LANGUAGES.test(text) };
/** The same said inside a line by carriers and platforms ("… sent automatically by X. Please do not reply to this e-mail."). */
const AUTOMATED_SENTENCE = unicodeWords(
  /(?:^|[.!]\s+)(?:this (?:notice|notification|alert|message|e-?mail|update) (?:was|has been|is) (?:sent|generated) automatically|please do not reply (?:to|directly to) this (?:message|e-?mail|notification)|replies to this (?:message|e-?mail|address) are not (?:monitored|read)|(?:ce|cet) (?:avis|message|e-?mail|courriel) (?:vous )?(?:a été |est )?(?:envoyé|généré) automatiquement|merci de ne pas répondre (?:directement )?(?:à|a) (?:ce|cet) (?:message|mail|e-?mail|courriel))/im);
/**
 * A platform's notice points the reader to the platform's own interface ("répondre depuis votre espace vendeur", "view it
 * in your dashboard", "from Shop Manager"): nobody writing as a person sends the shop to its own back office.
 */
const PLATFORM_POINTER = unicodeWords(
  /\b(?:depuis|dans|sur|via|from|in|on|via) (?:votre|your|the|le|la) (?:espace (?:vendeur|vendeurs|pro|professionnel|marchand|partenaire)|tableau de bord|interface (?:vendeur|marchand)|back-?office|dashboard|seller (?:account|centre|center|hub|portal|dashboard)|shop manager|merchant (?:portal|dashboard|centre|center)|partner (?:portal|dashboard)|admin (?:panel|area))\b/i,
);
/** Receipts sent as plain mail ("Read: Your order" / "Lu : Votre commande", "was read on …"). */
const READ_SUBJECT = /^\s*(?:read|not read|lu|non lu|gelesen|ungelesen|leído|letto|gelezen)\s*:/i;
const READ_TEXT = /\b(?:was read on|has been read|a été lu le|a été lu|wurde am .{0,40} gelesen|was deleted without being read|a été supprimé sans avoir été lu)\b/i;
/** Forwards: their text is someone else's, so text-only machine rules do not apply. */
const FORWARD_SUBJECT = /^\s*(?:fwd?|tr|fw|wg|rv|i)\s*:/i;

export function detectMachineMail(
  parsed: ParsedEmail,
  cleaned: CleanedBody,
  options: MachineMailOptions = {},
): MachineVerdict {
  const h = parsed.headers;
  const reasons: string[] = [];
  const kinds = new Set<MachineKind>();
  const add = (reason: string, kind: MachineKind): void => {
    if (!reasons.includes(reason)) reasons.push(reason);
    kinds.add(kind);
  };

  // RFC 3834 and vendor auto-reply headers
  const autoSubmitted = (h['auto-submitted'] ?? '').trim().toLowerCase();
  // RFC 3834: `auto-replied` answers a message (an auto-reply); `auto-generated` is a notice software sent of itself (a
  // carrier's tracking update, a platform's alert): a system notice unless other evidence says auto-reply (X-Autoreply,
  // an absence or acknowledgement text, below)
  if (autoSubmitted && !/^no\b/.test(autoSubmitted)) add('auto_submitted_header', /^auto-generated\b/.test(autoSubmitted) ? 'system' : 'auto_reply');
  if (h['x-autoreply'] !== undefined || h['x-autorespond'] !== undefined || h['x-autoresponder'] !== undefined) {
    add('x_autoreply_header', 'auto_reply');
  }
  if ((h['x-autogenerated'] ?? h['x-auto-generated'] ?? '').trim()) add('x_autoreply_header', 'auto_reply');
  if (h['x-auto-response-suppress'] !== undefined && /\S/.test(h['x-auto-response-suppress'])) {
    add('x_auto_response_suppress_header', 'auto_reply');
  }
  const precedence = (h['precedence'] ?? h['x-precedence'] ?? '').trim().toLowerCase();
  if (/^(bulk|list)\b/.test(precedence)) add('precedence_list', 'newsletter');
  else if (/^junk\b/.test(precedence)) add('precedence_junk', 'spam');
  else if (/^auto[-_]?reply\b/.test(precedence)) add('precedence_auto_reply', 'auto_reply');
  if (h['list-id'] || h['list-unsubscribe'] || h['list-post'] || h['mailing-list'] || h['x-mailing-list']) {
    add('list_headers', 'newsletter');
    if (h['list-unsubscribe'] || h['x-campaign'] || h['x-campaign-id'] || h['feedback-id']) add('newsletter', 'newsletter');
  }
  if (/^yes\b/i.test(h['x-spam-flag'] ?? '')) add('spam', 'spam');

  // reports: delivery status, read receipts, abuse reports
  const report = parsed.report ?? null;
  const reportType = report?.reportType ?? '';
  const parts = report?.partTypes ?? [];
  const partOf = (t: string): boolean => parts.some((p) => p.includes(t));
  const isDsn = reportType === 'delivery-status' || partOf('delivery-status');
  const action = (report?.fields['action'] ?? '').toLowerCase();
  // success DSNs are receipts; a delay warning (still trying) is a system notice, not a bounce
  if (isDsn) add('delivery_status_report', /^(delivered|relayed|expanded)\b/.test(action) ? 'receipt' : /^delayed\b/.test(action) ? 'system' : 'bounce');
  if (reportType === 'disposition-notification' || partOf('disposition-notification')) add('read_receipt', 'receipt');
  if (reportType === 'feedback-report' || partOf('feedback-report') || h['feedback-type']) add('abuse_report', 'abuse_report');
  else if (ABUSE_SUBJECT.test(parsed.subject ?? '')) add('abuse_report', 'abuse_report');
  if (h['x-failed-recipients']) add('delivery_status_report', 'bounce');
  if (READ_SUBJECT.test(parsed.subject ?? '') && READ_TEXT.test(parsed.text.slice(0, 4000))) add('read_receipt', 'receipt');
  // a calendar invitation or an attendee's answer (its part or its layout): software's, unless a customer on file sent it
  if (!options.senderIsCustomer && !FORWARD_SUBJECT.test(parsed.subject ?? '') && calendarLayout(parsed, parsed.text)
    && !customerVoice(`${parsed.subject}\n${cleaned.clean}`, { orderNumber: options.orderNumber ?? null })) {
    add('calendar_invitation', 'system');
    add('system_notification', 'system');
  }

  // senders
  const returnPath = h['return-path'];
  const from = parsed.from?.address ?? '';
  const fromLocal = from.split('@')[0] ?? '';
  if (returnPath !== undefined && /^\s*<?\s*>?\s*$/.test(returnPath)) add('null_sender', 'system');
  const daemon = DAEMON_LOCAL.test(fromLocal) || DAEMON_NAME.test(parsed.from?.name ?? '');
  const listRobot = LIST_ROBOT_LOCAL.test(fromLocal);
  if (daemon) add('mailer_daemon_sender', 'system');
  else if (NO_REPLY_LOCAL.test(fromLocal)) {
    add('no_reply_sender', 'system');
    add('system_notification', 'system');
  }

  // bounces without a report part: daemon sender or bounce wording
  const subject = parsed.subject ?? '';
  const bodyHead = parsed.text.slice(0, 6000);
  if (!isDsn) {
    const bounceWords = BOUNCE_TEXT.test(bodyHead) || BOUNCE_TEXT_OTHER_WORDS.test(bodyHead);
    const bounceSubject = BOUNCE_SUBJECT.test(subject);
    if ((daemon || listRobot || reasons.includes('null_sender')) && (bounceWords || bounceSubject)) add('bounce_notice', 'bounce');
    // bounce wording alone: not from a customer (on file, or asking or telling their story about the bounce they got)
    else if (bounceSubject && bounceWords && !options.senderIsCustomer && !writesAsCustomer(cleaned.clean)) add('bounce_notice', 'bounce');
    // a server's own report under a bounce subject: its "I'm sorry to inform you" or the returned message is no customer's
    else if (bounceSubject && !options.senderIsCustomer && serverWrote(bodyHead) && !customerVoice(cleaned.clean.slice(0, 1500))) add('bounce_notice', 'bounce');
    else if (daemon || (reasons.includes('null_sender') && bounceSubject)) add('bounce_notice', 'bounce');
    // a server's report (its opening or layout) with a failure said in words or in the subject, whoever it seems to come
    // from, unless a person wrote above it as a customer (a question, their story)
    else if ((bounceWords || bounceSubject) && !options.senderIsCustomer && !FORWARD_SUBJECT.test(subject)) {
      // the whole text: a cleaner may file the server's answer ("The response from the remote server was:") as a quote
      const start = serverReportStart(bodyHead);
      if (start >= 0 && !writesAsCustomer(bodyHead.slice(0, start))) add('bounce_notice', 'bounce');
    }
  }

  // text-only rules: out-of-office wording (confirming a header, or alone), automated notices, spam
  const forwarded = FORWARD_SUBJECT.test(subject);
  const ownText = cleaned.clean || parsed.text.slice(0, 4000);
  const marker = leadingReplyMarker(parsed.text); // dropped from the clean text, still a ticket acknowledgement's mark
  if (!forwarded && looksLikeOutOfOffice(subject, marker ? `${marker}\n${ownText}` : ownText, { orderNumber: options.orderNumber ?? null })) {
    const headerSaid = reasons.some((r) => /header$/.test(r));
    add(headerSaid ? 'out_of_office' : 'out_of_office_text', 'auto_reply');
  }
  // the cleaner files "this is an automated message" and "unsubscribe" footers with the signature: read them here
  const ownTextAndFooters = cleaned.signature ? `${ownText}\n${cleaned.signature}` : ownText;
  if (!forwarded && kinds.size === 0 && AUTOMATED_NOTICE.test(ownTextAndFooters) && !writesAsCustomer(ownText)) {
    add('system_notification', 'system');
  }
  if (!forwarded) unsolicited(parsed, cleaned, options, kinds, add);
  // the learned head (machine-head.ts) for mail the rules let through: structure, not wording; never on a customer's text
  if (reasons.length === 0 && !forwarded && ![parsed.inReplyTo, ...parsed.references].some((id) => id && options.isOwnMessageId?.(id))) {
    const vote = machineHeadVote({ parsed, cleaned, shop: options.shop ?? null, orderNumber: options.orderNumber ?? null, senderIsCustomer: options.senderIsCustomer });
    if (vote) add('machine_mail_model', vote.kind);
  }

  const isMachine = reasons.length > 0;
  const verdict: MachineVerdict = { isMachine, kind: isMachine ? pickKind(kinds) : null, reasons };
  if (kinds.has('bounce')) {
    verdict.bouncedMessageId = report?.originalMessageId ?? null;
    verdict.bouncedRecipient = report?.recipients[0] ?? recipientInText(bodyHead);
    if (verdict.bouncedMessageId && options.isOwnMessageId?.(verdict.bouncedMessageId)) {
      reasons.push('bounce_of_shop_reply');
    }
  }
  return verdict;
}

/**
 * Mail without machine headers that nobody should answer: phishing (even from a no-reply sender: it must be flagged
 * critical), then, for mail nothing else caught, a fake invoice, a carrier's automatic notice, a cold pitch or a
 * newsletter without list headers. Never when the text reads as a customer's.
 */
function unsolicited(
  parsed: ParsedEmail,
  cleaned: CleanedBody,
  options: MachineMailOptions,
  kinds: Set<MachineKind>,
  add: (reason: string, kind: MachineKind) => void,
): void {
  if ([...kinds].some((k) => k !== 'system')) return;
  const writerText = [cleaned.clean, cleaned.signature].filter((t) => t.trim()).join('\n') || parsed.text.slice(0, 6000);
  const repliesToShop = [parsed.inReplyTo, ...parsed.references].some((id) => id && options.isOwnMessageId?.(id));
  if (repliesToShop) return;
  const voice = customerVoice(`${parsed.subject}\n${writerText}`, options);
  if (voice) return;
  const phishing = phishingVerdict(`${parsed.subject}\n${writerText}`, senderShape(parsed, options.shop ?? null));
  if (phishing?.phishing) {
    add('spam', 'spam');
    for (const r of phishing.reasons) add(r, 'spam');
    return;
  }
  if (kinds.size) return;
  // a notice asks nothing, and nobody in it speaks as "I" to ask the shop for something
  const asks = /\?/.test(writerText);
  const firstPerson = firstPersonCount(writerText);
  const requests = REQUEST_TO_SHOP.test(writerText);
  if (phishing) {
    add('spam', 'spam');
    for (const r of phishing.reasons) add(r, 'spam');
  } else if (!asks && firstPerson <= 1 && (AUTOMATED_SENTENCE.test(writerText) || AUTOMATED_OTHER_LANGUAGES.test(writerText))) {
    add('system_notification', 'system');
  } else if (!asks && firstPerson === 0 && !requests && PLATFORM_POINTER.test(writerText) && !options.senderIsCustomer) {
    add('platform_notice', 'system');
    add('system_notification', 'system');
  } else if (!asks && firstPerson <= 1 && !requests && isTransactionNotice(writerText, options)) {
    add('transaction_notice', 'system');
    add('system_notification', 'system');
  } else if (looksLikeSpam(parsed.subject, writerText)) {
    add('spam', 'spam');
    add('cold_sales_pitch', 'spam');
  } else if (looksLikeBulkMail(writerText, (parsed.from?.address ?? '').split('@')[0] ?? '', parsed.html)) {
    add('newsletter', 'newsletter');
    add('bulk_mail_without_list_headers', 'newsletter');
  }
}

/**
 * An invoice, a receipt or a payment notice a business sends (a supplier, a platform, a payment service): the document
 * words with an amount and either the document's own reference or a ledger of amounts. Only when nobody asks or tells
 * anything in the first person (checked by the caller) and the sender is no customer on file.
 */
function isTransactionNotice(text: string, options: MachineMailOptions): boolean {
  if (options.senderIsCustomer) return false;
  const f = transactionFamilies(text, options.orderNumber ?? null);
  return f.includes('document_words') && f.includes('amount') && (f.includes('document_ref') || f.includes('ledger'));
}

/** A person's own new text: a customer's marks, a question, or a first-person story (notices speak as "we" and "you"). */
function writesAsCustomer(text: string): boolean {
  const head = text.slice(0, 1500);
  return customerVoice(head) !== null || /\?/.test(head) || firstPersonCount(head) >= 2;
}

const KIND_ORDER: MachineKind[] = ['bounce', 'abuse_report', 'receipt', 'auto_reply', 'spam', 'newsletter', 'system'];

function pickKind(kinds: Set<MachineKind>): MachineKind {
  return KIND_ORDER.find((k) => kinds.has(k)) ?? 'system';
}

/** "<someone@example.com>: host … said: 550 …" — the first address a bounce notice complains about. */
function recipientInText(text: string): string | null {
  const m = text.match(/<([^<>\s@]+@[^<>\s@]+)>\s*:/) ?? text.match(/^\s*([^\s<>@]+@[^\s<>@]+\.[a-z]{2,})\s*$/im);
  return m ? m[1]!.toLowerCase() : null;
}
