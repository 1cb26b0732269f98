/**
 * Finds quoted history in a plain-text body: `>` quoting, attribution lines ("On … wrote:", "Le … a écrit :"
 * and their siblings in other languages), separators ("-----Original Message-----", "---------- Forwarded
 * message ---------", "Begin forwarded message:", "Début du message réexpédié :") and header blocks that
 * Outlook and Apple Mail put above the previous message ("From: / Sent: / To: / Subject:",
 * "De : / Envoyé : / À : / Objet :").
 *
 * `>` quotes may alternate with new text (inline and bottom-posted replies keep every new block). A
 * separator, an attribution not followed by `>` lines, or a header block ends the new text: everything below
 * is history (a forward the customer wrote above stays in `quoted`, as context).
 */

export interface QuoteSplit {
  /** One entry per input line: true when the line is quoted history. */
  quoted: boolean[];
  /** Index of the first line of history that runs to the end of the text, or lines.length. */
  historyStart: number;
  /** What that history is: a forwarded message, or the thread being replied to. */
  historyKind: 'forward' | 'reply' | null;
}

const FORWARD_WORDS = /forward|transf[ée]r|réexp|reexp|weitergeleitet|inoltra|reenvia|encaminha|doorgestuurd/i;

const QUOTE_LINE = /^[ \t]*(?:[A-Z]{1,3})?>/; // "> text", and usenet initials "JD> text"
/** ">>> >>>  http://www.example.com <<<": a banner between arrows, not a quote (short lines only: no backtracking). */
function isBannerLine(line: string): boolean {
  return line.length <= 300 && /^[ \t]*>{2,}/.test(line) && /<{2,}[ \t]*$/.test(line);
}

/**
 * GroupWise's header line above the message replied to, the author and the date between arrows:
 * ">>> Name <a@b.example> 23/11/2026 14:05 >>>", ">>> "Name" 11/23/2026 2:05 PM >>>".
 */
const ARROWS_HEADER = /^[ \t]*>{3}[ \t]*[^\s>].{0,200}?\d{1,2}[:.h]\d{2}.{0,20}?>{3}[ \t]*$/;
export function isArrowsHeader(line: string): boolean {
  return line.length <= 300 && ARROWS_HEADER.test(line) && DATE_OR_TIME.test(line.replace(/\d{1,2}[:.h]\d{2}/g, ''));
}

/**
 * Quote markers other than ">": "| " (some webmails and news readers) and ": " (older Unix mailers), counted only under an
 * attribution (a "|" table or a ": " list in the writer's text is not a quote). A "|" line with a second "|" is a table row.
 */
const ALT_QUOTE_MARKERS = [/^[ \t]*\|(?:[ \t]|$)(?!.*\|)/, /^[ \t]*:(?:[ \t]|$)/];

/** The marker of the run of two or more quoted lines starting at i, or null. */
function altQuoteMarkerAt(lines: string[], i: number): RegExp | null {
  for (const marker of ALT_QUOTE_MARKERS) {
    let n = 0;
    while (i + n < lines.length && marker.test(lines[i + n]!)) n++;
    if (n >= 2 || (n === 1 && (i + 1 >= lines.length || !lines[i + 1]!.trim()))) return marker;
  }
  return null;
}

const SEPARATOR = new RegExp(
  '^[ \\t]*(?:[-=_*]{2,}[ \\t]*)?(?:' +
    [
      'original message', 'message d[\'’]origine', 'message original', 'mensaje original', 'ursprüngliche nachricht',
      'originalnachricht', 'messaggio originale', 'oorspronkelijk bericht', 'origineel bericht', 'mensagem original',
      'oryginalna wiadomość', 'wiadomość oryginalna', 'originalmeddelande', 'opprinnelig melding', 'oprindelig meddelelse',
      'alkuperäinen viesti', 'oprindelig besked', 'videresendt besked', 'исходное сообщение', 'forwarded message', 'message transféré', 'message transmis',
      'weitergeleitete nachricht', 'messaggio inoltrato', 'mensaje reenviado', 'mensagem encaminhada', 'doorgestuurd bericht',
      'reply message', 'réponse', 'original', 'forwarded',
    ].join('|') +
    ')[ \\t]*(?:[-=_*]{2,})[ \\t]*$',
  'iu',
);
/**
 * Any short title naming a message between rules: "-----Antwort Nachricht-----", "----- Mensaje reenviado -----",
 * bilingual "----- Message d'origine / Original message -----". Rules of dashes, equals or underscores only:
 * "** Message not delivered **" is a bounce's heading, not the start of history.
 */
const TITLED_SEPARATOR =
  /^[ \t]*(?:[-=_]{2,}[ \t]*)?[\p{L} '’/]{0,30}(?:message|e-?mail|mail|nachricht|mensaje|mensagem|messaggio|bericht|wiadomość|сообщение|meddelande|meddelelse|besked|melding|viesti|courriel)[\p{L} '’/]{0,30}[ \t]*[-=_]{2,}[ \t]*$/iu;

/**
 * A separator with the header fields on its own line, as a browser shows an HTML header block written without `<br>`:
 * "---------- Forwarded message --------- From: Shop <a@b> Date: … Subject: …".
 */
const SEPARATOR_THEN_HEADERS =
  /^[ \t]*[-=_]{2,}[ \t]*(?:forwarded message|original message|message transféré|message d['’]origine|message original|mensaje reenviado|mensaje original|weitergeleitete nachricht|ursprüngliche nachricht|messaggio inoltrato|messaggio originale|doorgestuurd bericht)[ \t]*[-=_]{2,}[ \t]+[*_]{0,2}(?:from|de|von|da|van|expéditeur)[*_]{0,2}[ \t]*:/iu;

/** Help desks' reply marker ("##- Please type your reply above this line -##", "-- Répondez au-dessus de cette ligne --"). */
const REPLY_ABOVE_MARKER =
  /^[ \t]*[#*=_-]*[ \t]*(?:(?:please|kindly)[ \t]+)?(?:(?:type|write|enter|add)[ \t]+(?:your[ \t]+)?(?:reply|response|answer|message)|reply|respond)[ \t]+above[ \t]+this[ \t]+line\b[^\n]{0,40}$|^[ \t]*[#*=_-]*[ \t]*(?:(?:merci de|merci d['’]|veuillez)[ \t]*)?(?:(?:saisi(?:r|ssez)|écri(?:re|vez)|tape[rz])[ \t]+(?:votre[ \t]+)?(?:réponse|message)|répond(?:re|ez))[ \t]+au-dessus[ \t]+de[ \t]+cette[ \t]+ligne\b[^\n]{0,40}$/iu;

/** Where a bounce starts quoting the returned message ("------ This is a copy of the message…", qmail, sendmail). */
const RETURNED_MESSAGE =
  /^[ \t]*(?:-{2,}[ \t]*(?:this is a copy of (?:the|your) message|below this line is a copy of the message|(?:original|returned|unsent|undelivered) message (?:follows|headers?)|message header follows|the original message (?:headers? )?(?:follows|was)|original message header)|original message headers?:?[ \t]*$|en-têtes du message d['’]origine ?:?[ \t]*$)/i;
/**
 * Where a bounce notice ends and its technical appendix starts: the diagnostic heading of Exchange/Outlook, the
 * remote server's answer introduced as such, and a line of its own pointing down to the returned copy ("Le message
 * d'origine est joint ci-dessous."). The notice is what a person reads; the mail server's transcript is not.
 */
const BOUNCE_DIAGNOSTIC = new RegExp(
  '^[ \\t]*(?:' +
    [
      '(?:diagnostic information for (?:administrators|recipients)|informations? de diagnostic pour les (?:administrateurs|destinataires))[ \\t]*:?',
      '(?:the )?(?:response|reply|answer|error) (?:from|of) the (?:remote|receiving|recipient\'s) (?:mail )?server (?:was|is)[ \\t]*:?',
      '(?:la )?réponse (?:du|de l[\'’]|renvoyée par le) serveur (?:distant|de destination|destinataire)[^:]{0,20}:',
      '(?:the |a copy of the |your )?(?:original|returned|undelivered) message (?:is |was )?(?:attached|included|copied|follows) below\\.?',
      '(?:le |une copie du )?message (?:d[\'’]origine|original|initial|non (?:remis|distribué)) (?:est |a été )?(?:joint|inclus|copié|reproduit) ci-dessous\\.?',
    ].join('|') +
    ')[ \\t]*$',
  'iu',
);
/**
 * A mail server's transcript line, below the words a person reads: the failed recipient in angle brackets, then the
 * remote host or the SMTP status ("<a@b.example>: host mx.b.example[1.2.3.4] said: 552 …", "<a@b.example> : 552 5.2.2
 * quota dépassé"). A recipient named in a sentence, or on a line of its own, stays.
 */
const SMTP_TRANSCRIPT = /^[ \t]*<[^<>\s@]+@[^<>\s]+>[ \t]*:[ \t]*(?:host[ \t]|\(?[245]\d\d\b|[245]\.\d{1,3}\.\d{1,3}\b)/i;
/** French webmails (Orange, SFR): "Message du 24/11/26 10:02" or "Message du : 12/12/2016 13:20" above "De : / A : / Objet :". */
const WEBMAIL_INTRO = /^[ \t]*message du[ \t]*:?[ \t]*\d{1,2}\/\d{1,2}\/\d{2,4}(?: \d{1,2}:\d{2})?[ \t]*$/i;
/** Raw RFC 5322 header lines of an embedded message. */
const RAW_HEADER = /^(?:return-path|received|message-id|dkim-signature|delivered-to|mime-version|content-type|content-transfer-encoding|x-[\w-]+|arc-[\w-]+|authentication-results)[ \t]*:/i;

const FORWARD_INTRO =
  /^[ \t]*(?:begin forwarded message|début du message réexpédié|debut du message reexpedie|message transféré|anfang der weitergeleiteten nachricht|inizio messaggio inoltrato|comienzo del mensaje reenviado|início da mensagem reencaminhada|doorgestuurd bericht|forwarded message)[ \t]*:?[ \t]*$/i;

/** Header names that open an Outlook / Apple Mail block above the previous message. */
const FROM_HEADER =
  /^[ \t]*[*_]{0,2}(?:from|de|de la|von|da|van|od|från|fra|lähettäjä|от|від|expéditeur|remitente|mittente|afzender|avsändare|kimden|feladó|από|差出人|发件人|發件人|寄件者|보낸 사람)[*_]{0,2}[ \t]*[:：][*_]{0,2}[ \t]*\S/i;
const OTHER_HEADER =
  /^[ \t]*[*_]{0,2}(?:sent|date|envoyé le|envoye le|envoyé|envoye|gesendet|datum|inviato|data|enviado|fecha|verzonden|verstuurd|wysłano|skickat|sendt|lähetetty|отправлено|надіслано|enviado el|odesláno|gönderildi|gönderilme tarihi|elküldve|trimis|στάλθηκε|送信日時|发送时间|發送時間|寄件日期|보낸 날짜|to|à|a|an|para|aan|do|till|til|vastaanottaja|кому|komu|kime|címzett|către|προς|宛先|收件人|收件者|받는 사람|cc|subject|objet|sujet|betreff|oggetto|asunto|assunto|onderwerp|temat|ämne|emne|aihe|тема|předmět|konu|tárgy|subiect|θέμα|件名|主题|主旨|제목|reply-to|répondre à|pour|sujet|copie à)[*_]{0,2}[ \t]*[:：]/i;

const DATE_HEADER = /^[ \t]*[*_]{0,2}(?:date|sent|envoyé le|envoye le|envoyé|envoye|gesendet|datum|data|enviado|fecha|verzonden)[*_]{0,2}[ \t]*:/i;

/** Verbs of attribution lines: "wrote", "a écrit", "schrieb", "escribió"... anywhere in the line. */
const ATTRIBUTION_VERB = new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      'wrote', 'writes', 'a écrit', 'a ecrit', 'écrivait', 'ecrivait', 'escribía', 'scriveva', 'schrieb', 'geschrieben', 'ha scritto', 'scrisse', 'escribió', 'escribio', 'escribi[óo]',
      'ha escrit', 'va escriure', 'escreveu', 'schreef', 'geschreven', 'napisał\\(a\\)', 'napisał', 'napisała', 'pisze',
      'napsal\\(a\\)', 'napsal', 'napsala', 'napísal', 'skrev', 'skriver', 'skrev følgende', 'kirjoitti', 'írta', 'yazdı', 'a scris',
      'έγραψε', 'написал\\(а\\)', 'написал', 'написала', 'написав', 'пише', 'писал', 'đã viết', 'menulis', 'sent',
    ].join('|') +
    // Chinese, Japanese and Korean verbs follow the name without a space ("…님이 작성:", "…11:02写道：")
    ')(?![\\p{L}])|寫道|写道|の投稿|のメッセージ|작성',
  'iu',
);
/**
 * The verb with whom it was written to: "votre collègue m'a écrit :", "your agent wrote to me:", "er hat mir geschrieben:".
 * A client's attribution names the author and the date, never the addressee: this is the writer reporting what someone
 * told them, in their own text.
 */
const VERB_WITH_ADDRESSEE =
  /(?<![\p{L}])(?:(?:m['’]|t['’]|nous |vous |lui |leur )(?:a|avait|ont|avaient) (?:écrit|ecrit)|wrote (?:to )?(?:me|us|him|her|them)|(?:hat|haben|hatte) (?:mir|uns|ihm|ihr)(?: \p{L}+){0,3} geschrieben|schrieb (?:mir|uns)|(?:me|nos) escribi[óo]|(?:mi|ci) (?:ha|hanno) scritto)(?![\p{L}])/u; // lower case: in "Le …, Marie Lui a écrit :" Lui is a name
/**
 * An attribution ends with a colon or a full-width one, or sits between dash rules as Zoho writes it in every language
 * ("---- On … wrote ----", "---- Le … a écrit ----", "---- Am … schrieb … ----").
 */
const ATTRIBUTION_TAIL = /(?:[:：]|wrote[ \t]*-{2,})[\s\u00a0]*$|^[ \t]*-{2,}[ \t]*\S.*\S[ \t]*-{2,}[\s\u00a0]*$/i;
/** The verb closing a line that lost its colon: "On Wed, 14 Nov 2018 08:14:43 -0200 John Doe <john@doe.com> wrote". */
const ENDS_WITH_VERB = /(?<![\p{L}])(?:wrote|a écrit|a ecrit|schrieb|ha scritto|escribió|escribio|escreveu|schreef|skrev|kirjoitti|napisał)[ \t]*$/iu;
const ATTRIBUTION_START =
  /^[ \t>-]*(?:(?:on|le|am|il|el|op|em|w dniu|den|dne|в|quoting|citando|zitat von)[ \t]+(?:[^\s\d]+[ \t]+){0,3}\d|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(?:\p{L}{1,4}\.?,?[ \t]+)?\d{1,2}\.? [\p{L}]{3,}\.? \d{4})/iu; // a preposition and a date: "On Tue, Nov 24", "Le 23/11/2026", not "Le livreur"
/** What real attribution lines carry: an address, a time or a numeric date ("Le 20 novembre 2026, le livreur a écrit :" has none). */
const ATTRIBUTION_EVIDENCE = /[@<]|\b\d{1,2}[:.h]\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/;
/** "On Nov 26, 2013 you wrote:", "Le 20 novembre 2026, vous avez écrit :": a dated attribution to the reader. */
const ADDRESSED_TO_READER = /(?:\byou wrote|\bvous avez écrit)[ \t]*:[\s\u00a0]*$/i;
const DATE_OR_TIME = /\d{1,2}[:.]\d{2}|\b(?:19|20)\d{2}\b|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/;
/** Old Gmail: "2013/7/20 Some One <some@one.example>" or "2016-03-03 17:21 GMT+01:00 Some One" alone on a line. */
const DATED_AUTHOR_LINE =
  /^[ \t]*(?:19|20)\d{2}[/-]\d{1,2}[/-]\d{1,2}(?: \d{1,2}:\d{2} GMT[+-]\d{1,2}:?\d{2} [^\s].{0,60}| [^\s].{0,80}@[^\s]+>?)$/;

/**
 * Attributions without a verb: a date with its year, a time and the author's <address>, ending with a colon
 * (Yandex "26.06.2014, 14:41, "Name" <a@b>:", Mail.ru "Thu, 26 Jun 2014 14:00:51 +0400 от Name <a@b>:",
 * Gmail in Russian "ср, 30 апр. 2025 г. в 15:19, Name <a@b>:", in Japanese "2019年1月3日(木) 11:02 Name <a@b>:").
 * Strong when the line opens with the date (a weekday may come first: "Wednesday, 17 November 2021, 3:32 PM …
 * from a@b <a@b>:") or the time ("11:00 AM, November 17, 2021, "Name" <a@b>:"); times may be dotted ("18.30");
 * otherwise only when `>` quotes follow.
 */
const DATED_ADDRESS_LINE = /^(?=[^\n]*\b(?:19|20)\d{2})(?=[^\n]*\d{1,2}[:.]\d{2})[^\n]{0,160}<[^<>\s@]+@[^<>\s]+>[ \t]*[:：]$/u;
const OPENS_WITH_DATE =
  /^[ \t]*(?:(?:\p{L}{1,4}\.?,?|\p{L}{5,12},)[ \t]+)?(?:\d{1,4}(?:[./\-年][ \t]?\d{1,2}|[ \t]+\p{L}{3,})|\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?,)/iu;

/**
 * A header line with neither verb nor colon: the date with its year, the time, then only the author's name and
 * <address> ("Mon, Nov 23, 2026 at 2:05 PM Maison Lumen Support <support@x.example>", "lun. 23 nov. 2026 à 14:05
 * Maison Lumen <support@x.example>", "Am 23.11.2026 um 14:05 Max Muster <max@x.example>"), as clients write it when
 * they drop the verb or its line. Only capitalised name words sit between the time and the address: a sentence
 * ("… at 2:05 PM I wrote to <a@b>") is the writer's.
 */
const DATE_TIME_NAME_LINE = new RegExp(
  '^[ \\t]*(?:(?:[Oo]n|[Ll]e|[Aa]m|[Ee]l|[Ii]l|[Oo]p|[Ee]m)[ \\t]+)?(?:\\p{L}{2,9}\\.?,?[ \\t]+){0,2}' +
    '\\d{1,4}(?:[./-]\\d{1,2}[./-]\\d{2,4}|(?:st|nd|rd|th|er)?\\.?,?[ \\t]+(?:\\p{L}{3,9}\\.?,?[ \\t]+)?(?:19|20)\\d{2})' + // the date
    ',?[ \\t]+(?:\\p{L}{1,3}[ \\t]+)?\\d{1,2}[:.h]\\d{2}(?::\\d{2})?(?:[ \\t]*[AaPp]\\.?[Mm]\\.?)?(?:[ \\t]*(?:GMT|UTC)?[+-]\\d{2}:?\\d{2})?,?[ \\t]+' + // the time
    '(?:["“]?[\\p{Lu}\\d][^\\s<>]*["”]?[ \\t]+|[-–|][ \\t]+){1,6}<[^<>\\s@]+@[^<>\\s]+>[ \\t]*$', // name words and <address>
  'u',
);

const MAX_ATTRIBUTION_LINES = 7;

export function splitQuotedHistory(lines: string[]): QuoteSplit {
  const quoted = lines.map(() => false);
  const wrapWidth = quoteWrapWidth(lines);
  let historyStart = lines.length;
  let historyKind: QuoteSplit['historyKind'] = null;
  let altMarker: RegExp | null = null; // a "|" or ":" quote marker an attribution introduced
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isArrowsHeader(line) && hasTextAbove(lines, i, quoted)) {
      historyStart = i;
      historyKind = 'reply';
      break;
    }
    if ((altMarker && altMarker.test(line)) || (QUOTE_LINE.test(line) && !isBannerLine(line)) || continuesBrokenQuotedLink(lines, i, quoted) || continuesWrappedQuoteLine(lines, i, quoted, wrapWidth)) {
      quoted[i] = true;
      continue;
    }
    if (REPLY_ABOVE_MARKER.test(line) && !hasTextAbove(lines, i, quoted)) {
      quoted[i] = true; // a help desk's marker on top of its own notice: not text anyone wrote
      continue;
    }
    if (
      SEPARATOR.test(line) ||
      TITLED_SEPARATOR.test(line) ||
      SEPARATOR_THEN_HEADERS.test(line) ||
      REPLY_ABOVE_MARKER.test(line) ||
      FORWARD_INTRO.test(line) ||
      RETURNED_MESSAGE.test(line) ||
      BOUNCE_DIAGNOSTIC.test(line) ||
      (SMTP_TRANSCRIPT.test(line) && hasTextAbove(lines, i, quoted)) ||
      WEBMAIL_INTRO.test(line) ||
      isHeaderBlock(lines, i) ||
      isRuleBeforeHeaderBlock(lines, i) ||
      (i > 0 && isRawHeaderRun(lines, i))
    ) {
      historyStart = i;
      historyKind = FORWARD_WORDS.test(line) ? 'forward' : 'reply';
      break;
    }
    const { length: attribution, weak } = attributionAt(lines, i);
    if (attribution > 0) {
      const next = nextNonBlank(lines, i + attribution);
      const marker = next < lines.length && !QUOTE_LINE.test(lines[next]!) ? altQuoteMarkerAt(lines, next) : null;
      if (marker) altMarker = marker;
      const quoteFollows = next < lines.length && (QUOTE_LINE.test(lines[next]!) || marker !== null);
      if (weak && !quoteFollows) continue;
      for (let k = i; k < i + attribution; k++) quoted[k] = true;
      if (quoteFollows) {
        i += attribution - 1;
        continue;
      }
      historyStart = i;
      historyKind = 'reply';
      break;
    }
  }
  for (let k = historyStart; k < lines.length; k++) quoted[k] = true;
  return { quoted, historyStart, historyKind };
}

/**
 * A verb-less attribution line ("23.11.2026, 14:05, "Shop" <a@b>:", "Mon, Nov 23, 2026 at 2:05 PM Shop <a@b>"), for
 * readers of the quoted text that tell its blocks apart by who wrote them (carriers' quoted_shop).
 */
export function isVerblessAttributionLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 400 && (DATED_ADDRESS_LINE.test(t) || DATE_TIME_NAME_LINE.test(t));
}

/**
 * A help desk's "reply above this line" marker opening the text, or null. The cleaner drops it from the clean text;
 * machine-mail still reads it as the mark of a ticket acknowledgement.
 */
export function leadingReplyMarker(text: string): string | null {
  const first = text.split('\n').find((l) => l.trim());
  return first !== undefined && REPLY_ABOVE_MARKER.test(first) ? first.trim() : null;
}

/** The body of a forwarded message: the lines after its separator and header block. */
export function forwardedBody(lines: string[], historyStart: number): string[] {
  let i = historyStart;
  if (SEPARATOR.test(lines[i]!) || TITLED_SEPARATOR.test(lines[i]!) || SEPARATOR_THEN_HEADERS.test(lines[i]!) || FORWARD_INTRO.test(lines[i]!)) i++;
  while (i < lines.length && !lines[i]!.trim()) i++;
  if (i < lines.length && isHeaderBlock(lines, i)) {
    while (i < lines.length && lines[i]!.trim()) i++;
  }
  return lines.slice(i);
}

/** A rule drawn by hand across the text: "----------", "______", "======", "******". */
const HAND_RULE = /^[ \t]*(?:_{3,}|-{3,}|={3,}|\*{3,})[ \t]*$/;

/**
 * Where the sender's own note starts when it is written BELOW a forwarded thread (or a copied one, under an
 * "Original Message" block with nothing above it), or -1: the forwarded message
 * carries its own history (an attribution or `>` quotes), and under the last of it a hand-drawn rule sets off text
 * that is neither quoted nor history. Without the thread's history above, a rule inside a forwarded message is the
 * message's own (an order confirmation's sections); without the rule, text under a quote may be a bottom-post of
 * the forwarded message's author. Indices are in `forwarded` (forwardedBody's lines).
 */
export function noteBelowForwardedThread(forwarded: string[]): number {
  const { quoted } = splitQuotedHistory(forwarded);
  const lastQuoted = quoted.lastIndexOf(true);
  if (lastQuoted < 0 || lastQuoted === forwarded.length - 1) return -1;
  for (let r = lastQuoted + 1; r < forwarded.length; r++) {
    const line = forwarded[r]!;
    if (!line.trim()) continue;
    if (!HAND_RULE.test(line)) return -1; // the thread goes on under its quote: not a note set apart
    const below = forwarded.slice(r + 1);
    return below.some((l) => l.trim()) && !below.some((l, k) => quoted[r + 1 + k]) ? r + 1 : -1;
  }
  return -1;
}

/** A quoted line whose URL was wrapped by the mailer: "> see (http://x.example/a\n_b=1)". */
function continuesBrokenQuotedLink(lines: string[], i: number, quoted: boolean[]): boolean {
  const prev = lines[i - 1];
  if (i === 0 || !quoted[i - 1] || prev === undefined || !QUOTE_LINE.test(prev)) return false;
  const open = prev.match(/[(<](?:https?:\/\/|www\.)[^\s)>]*$/);
  return open !== null && /^\S*[)>]/.test(lines[i]!.trim());
}

/** Widest a mailer's hard wrap makes a quoted line ("> " included); a quote with longer lines was not wrapped. */
const MAX_WRAP_WIDTH = 90;

/**
 * The width the quoted lines were wrapped at: the longest `>` line (lines holding a long unbreakable token, a URL, left
 * out), or Infinity when that is wider than any mailer wraps, i.e. when the quote was not hard-wrapped at all.
 */
function quoteWrapWidth(lines: string[]): number {
  let width = 0;
  for (const line of lines) {
    if (!QUOTE_LINE.test(line) || /\S{30,}/.test(line)) continue;
    width = Math.max(width, line.trimEnd().length);
  }
  return width <= MAX_WRAP_WIDTH ? width : Infinity;
}

/**
 * A quoted line the mailer wrapped, its tail left without ">": "> … Nullam pharetra d\nignissim odio?\n> …". Only
 * when the quote was hard-wrapped and the quoted line above fills the wrap width (the tail's first word would not have
 * fitted on it), the line above stops mid-sentence, the tail is a lower-case fragment no longer than a line, and the
 * quote goes on right below it: a short inline answer after a question ("> …?\nyes please\n> …"), or under a quoted
 * line that did not need wrapping, stays new text.
 */
function continuesWrappedQuoteLine(lines: string[], i: number, quoted: boolean[], wrapWidth: number): boolean {
  const prev = lines[i - 1];
  const next = lines[i + 1];
  if (i === 0 || !quoted[i - 1] || prev === undefined || next === undefined || !QUOTE_LINE.test(prev) || !QUOTE_LINE.test(next)) return false;
  const tail = lines[i]!.trim();
  const firstWord = tail.split(/\s+/)[0] ?? '';
  if (prev.trimEnd().length + 1 + firstWord.length <= wrapWidth) return false; // the word would have fitted: not a wrap
  return prev.trimEnd().length >= 60 && !/[.!?:;)"»]$/.test(prev.trimEnd()) && tail.length > 0 && tail.length <= 60 && /^\p{Ll}/u.test(tail);
}

/** A "From:"-like line followed closely by other header lines (Sent/To/Subject/Date...). */
function isHeaderBlock(lines: string[], i: number): boolean {
  const first = lines[i]!;
  const startsWithFrom = FROM_HEADER.test(first);
  if (!startsWithFrom && !(OTHER_HEADER.test(first) && isAtFirstHeader(lines, i))) return false;
  let headers = 1;
  let sawFrom = startsWithFrom;
  for (let k = i + 1; k < Math.min(lines.length, i + 10); k++) {
    const l = lines[k]!;
    if (FROM_HEADER.test(l)) sawFrom = true;
    else if (!OTHER_HEADER.test(l)) {
      if (/^[ \t]+\S/.test(l) && l.length < 200) continue; // folded header value
      if (k === i + 1 && startsWithFrom && /^[ \t]*<[^<>\s@]+@[^<>\s]+>[ \t]*$/.test(l)) continue; // "From: Name\n<address>" wrapped
      if (/^[ \t]*[*_]{0,2}[\p{L}-]{2,24}[*_]{0,2}[ \t]*:[*_]{0,2}[ \t]/u.test(l) && headers >= 1) continue; // a header we do not know
      if (!l.trim() && headers < 2 && k === i + 1) continue; // a blank line between two header lines
      break;
    }
    headers++;
  }
  if (startsWithFrom) return headers >= 2;
  // "Date: Wed, 16 May 2012 00:15:02 -0600 / To: …" blocks may lack From:
  if (DATE_HEADER.test(first) && DATE_OR_TIME.test(first)) return headers >= 2;
  return sawFrom && headers >= 3;
}

/** Three or more raw header lines in a row (an embedded message's header, pasted or returned by a bounce). */
function isRawHeaderRun(lines: string[], i: number): boolean {
  if (!RAW_HEADER.test(lines[i]!)) return false;
  let count = 0;
  for (let k = i; k < Math.min(lines.length, i + 40) && count < 3; k++) {
    const l = lines[k]!;
    if (RAW_HEADER.test(l) || FROM_HEADER.test(l) || OTHER_HEADER.test(l)) count++;
    else if (!/^[ \t]+\S/.test(l)) break;
  }
  return count >= 3;
}

/** A header block may start with Date:/Subject: when From: follows within it (Apple Mail forwards). */
function isAtFirstHeader(lines: string[], i: number): boolean {
  return i === 0 || !OTHER_HEADER.test(lines[i - 1]!);
}

/** Outlook's "________________________________" rule directly above a header block. */
function isRuleBeforeHeaderBlock(lines: string[], i: number): boolean {
  if (!/^[ \t]*(?:_{8,}|-{8,}|={8,})[ \t]*$/.test(lines[i]!)) return false;
  const next = nextNonBlank(lines, i + 1);
  return next < lines.length && next <= i + 2 && isHeaderBlock(lines, next);
}

/**
 * Length (1..6 lines, blank lines inside allowed) of an attribution line starting at i, or 0. `weak` when
 * only its shape says so ("John Smith wrote:"): it then counts only when `>` quotes follow.
 */
function attributionAt(lines: string[], i: number): { length: number; weak: boolean } {
  const first = clean(lines[i]!);
  if (!first || first.length > 400) return { length: 0, weak: false };
  if (DATED_AUTHOR_LINE.test(first) && !/[.!?]$/.test(first)) return { length: 1, weak: false };
  // the colon lost: only a whole attribution on one line, with its opening, a date or time and the author's <address>
  if (ENDS_WITH_VERB.test(first) && ATTRIBUTION_START.test(first) && DATE_OR_TIME.test(first) && /<[^<>\s@]+@[^<>\s]+>/.test(first)) {
    return { length: 1, weak: false };
  }
  // a multi-line attribution must start like one: "On <date>", "Le <date>", "2016-03-03 ..."
  const strongStart =
    (DATE_OR_TIME.test(first) && (ATTRIBUTION_START.test(first) || ATTRIBUTION_VERB.test(first) || /[<"@]/.test(first))) ||
    (ATTRIBUTION_VERB.test(first) && /<[^<>\s]*@?/.test(first)); // "Max <max@x.example> schrieb am Fr., 28." + next line
  let joined = '';
  let nonBlank = 0;
  for (let n = 1; n <= MAX_ATTRIBUTION_LINES && i + n - 1 < lines.length; n++) {
    let l = clean(lines[i + n - 1]!);
    if (n > 1 && /^>\s*(?:\S+\s*){0,2}:$/.test(l)) l = l.replace(/^>\s*/, ''); // "<addr\n>:" or "> wrote:" wrapped
    if (!l) {
      if (n > 1 && !strongStart) break;
      continue;
    }
    if (n > 1 && QUOTE_LINE.test(l)) break;
    if (n > 1 && /(?:\p{L}{4,}|[)"»])[.]$|[!?]$/u.test(joined)) break; // the previous line ended a sentence (not "28." or "Fr.")
    nonBlank++;
    joined = joined ? `${joined} ${l}` : l;
    if (joined.length > 400) break;
    if (ATTRIBUTION_TAIL.test(joined) && ATTRIBUTION_VERB.test(joined)) {
      if (nonBlank > 1 && !strongStart) break; // a multi-line attribution must start like one
      if (VERB_WITH_ADDRESSEE.test(joined)) break;
      if (ATTRIBUTION_EVIDENCE.test(joined) && (ATTRIBUTION_START.test(joined) || /[<@]/.test(joined))) {
        return { length: n, weak: false };
      }
      if (ADDRESSED_TO_READER.test(joined) && ATTRIBUTION_START.test(joined)) {
        return { length: n, weak: false };
      }
      const words = joined.split(/\s+/).length;
      if (words <= 8 || (words <= 20 && ATTRIBUTION_START.test(joined))) return { length: n, weak: true };
      break;
    }
    if (n === 1 && !strongStart) break;
  }
  if (DATED_ADDRESS_LINE.test(first)) return { length: 1, weak: !OPENS_WITH_DATE.test(first) };
  if (DATE_TIME_NAME_LINE.test(first)) return { length: 1, weak: false };
  return { length: 0, weak: false };
}

/** Some line above i that is not quoted and not blank. */
function hasTextAbove(lines: string[], i: number, quoted: boolean[]): boolean {
  for (let k = 0; k < i; k++) if (!quoted[k] && lines[k]!.trim()) return true;
  return false;
}

function clean(line: string): string {
  return line.replace(/\u00a0/g, ' ').trim();
}

function nextNonBlank(lines: string[], from: number): number {
  let k = from;
  while (k < lines.length && !lines[k]!.trim()) k++;
  return k;
}
