/**
 * customerAsks: the customer's questions and requests in the new text of an email, one per sentence — interrogatives
 * with or without a question mark ("le colis arrive quand", "any idea when…"), polite requests ("could you…",
 * "pourriez-vous…", "merci de me dire…"), wishes to know ("je voudrais savoir…", "let me know…") and imperatives
 * ("send me…", "envoyez-moi…"), asks for an action in any request form (requested-actions.ts: "j'aimerais être rappelée",
 * "merci de transmettre à…", "I'd need it in my company's name"), FR, EN and mixed, SMS style included. Greetings, closing pleasantries ("let me know if
 * you need anything", "merci d'avance"), rhetorical questions and quoted history are not asks.
 */
import { fold } from '../reply/text-fold';
import { requestedActions } from './requested-actions';

export interface CustomerAsk {
  /** The sentence as the customer wrote it (trimmed). */
  text: string;
  /** The same sentence folded (lower case, no accents, plain apostrophes): what the topic patterns read. */
  folded: string;
  /** The sentences just before it, folded, nearest first (what "could you send it?" may refer to). */
  before: string[];
}

/** Abbreviations whose dot does not end a sentence. */
const ABBREVIATIONS = /\b(e\.g|i\.e|etc|cf|n°|no|nr|m|mme|mr|mrs|ms|dr|st|approx|env|p\.ex|ex)\.$/i;

/** Splits a text into sentences: paragraphs, then list items and unwrapped lines, then end punctuation and ';'. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n').filter((l) => !/^\s*>/.test(l));
  const joined: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const prev = joined[joined.length - 1];
    // a wrapped line continues the sentence before it: no end punctuation there, a lower-case start here
    const wrapped = /^[a-zà-ÿ]/.test(line) || (prev !== undefined && prev.length >= 40 && /^\p{L}/u.test(line));
    if (line && prev && !/[.!?:;…)]$/.test(prev) && wrapped && !/^\s*([-*•]|\d+[.)])\s/.test(raw)) {
      joined[joined.length - 1] = `${prev} ${line}`;
    } else {
      joined.push(line);
    }
  }
  for (const line of joined) {
    if (!line) continue;
    let start = 0;
    const ends = /[.!?…]+["»”)]*(?=\s|$)|;\s/g;
    let m: RegExpExecArray | null;
    while ((m = ends.exec(line)) !== null) {
      const end = m.index + m[0].length;
      const piece = line.slice(start, end);
      if (m[0].startsWith('.') && ABBREVIATIONS.test(piece.trimEnd())) continue;
      out.push(piece.trim());
      start = end;
    }
    const rest = line.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out.filter((s) => /[a-zà-ÿ]/i.test(s));
}

// Everything below reads folded text (see text-fold.ts): no accents, lower case, plain apostrophes.

/** Words that may open a sentence before its question ("et", "anyway,", "petite question :", "PS"). */
const LEAD = String.raw`^((et|mais|alors|sinon|du coup|aussi|bref|enfin|donc|par ailleurs|autre chose|autre question|petite question|question|ps|p\.s|and|but|so|also|anyway|btw|by the way|oh|ok|okay|one more thing|another thing|quick question|quick one|last thing)\b\W*)*`;

/** Sentence starts that make an interrogative without a question mark. */
const INTERROGATIVE_START = new RegExp([
  // FR
  String.raw`${LEAD}(est[- ]ce qu\w*|est[- ]il|est[- ]elle|y a[- ]t[- ]il|ya t il|quand|qd|combien|comment|pourquoi|quel|quelle|quels|quelles|a quel|a quelle|jusqu'a quand|d'ici quand|ou en est|ou est|ou sont|qu'en est[- ]il|peut[- ]on|puis[- ]je|pourrais[- ]je|pourrai[- ]je|dois[- ]je|faut[- ]il|serait[- ]il|sera[- ]t[- ]il|sera[- ]t[- ]elle|avez[- ]vous|vendez[- ]vous|faites[- ]vous|livrez[- ]vous|proposez[- ]vous|acceptez[- ]vous|pouvez[- ]vous|pourriez[- ]vous|auriez[- ]vous|vous avez|vous vendez|vous faites|vous livrez|vous proposez|vous acceptez)\b`,
  // EN
  String.raw`${LEAD}(do|does|did|is|are|was|were|can|could|would|will|should|shall|have|has|may|might|am)\s+(you|u|i|we|it|they|he|she|there|this|that|these|those|my|the|your|our|its|a|an|one|order|parcel|delivery|shipping)\b`,
  String.raw`${LEAD}(what|what's|whats|when|where|where's|which|why|how|how's|who|whom|whose)\b`,
  String.raw`${LEAD}any (idea|news|update|chance)\b`,
].join('|'));

/** Inverted verb-subject anywhere ("quand arrive-t-elle", "la commande est-elle partie", "peut-il"). */
const FR_INVERSION = /\b\w+-(t-)?(vous|il|elle|ils|elles|on|je)\b(?!-)/;

/** Polite requests, wishes to know and imperatives, wherever they stand in the sentence. */
const REQUEST = new RegExp([
  // FR
  String.raw`\b(pouvez|pourriez|pourrais|pourriez-vous|auriez|voudriez)[- ]vous\b`,
  String.raw`\b(peux|pourrais)[- ]tu\b|\b(vous|tu) (pouvez|pourriez|pourrez|pourrais|peux|voulez|voudriez)\b`,
  String.raw`\bmerci de (bien vouloir |me |m'|nous |lui |leur )`,
  String.raw`\b(je vous prie de|veuillez|vous serait-il possible|serait-il possible|est-il possible)\b`,
  String.raw`\b(je voudrais|j'aimerais|je souhaiterais|je souhaite|je veux|j'ai besoin de|il me faut|on voudrait|nous voudrions|nous aimerions|il voudrait|elle voudrait) (juste |simplement |bien |aussi |egalement |seulement )*(savoir|connaitre|avoir|recevoir|obtenir|une copie|la copie|un duplicata|confirmation|une confirmation|la confirmation|un numero|le numero|des nouvelles|une reponse|une information|une info|des infos|des informations)\b`,
  // a need of a document said as a statement ("j'aurais juste besoin de la facture pour ma note de frais", "il me
  // faudrait une copie de la facture")
  String.raw`\b(j'aurais|j'ai|nous aurions|nous avons|on aurait|il me faudrait|il nous faudrait|il me faut|il nous faut)( juste| simplement| seulement| bien| aussi| egalement)* (besoin )?(de |d')?(la |une |ma |un |le |mon |d'une |d'un |du |de la )?(factures?|copies?|duplicatas?|justificatifs?|recus?|attestations?)\b`,
  // a wish to know, whoever holds it and with the subject left out ("il est absent et voudrait savoir si…", "ma sœur
  // aimerait connaître…", "elle demande si…")
  String.raw`\b(voudrai(s|t|ent)?|voudrions|voudriez|aimerai(s|t|ent)?|aimerions|souhaiterai(s|t|ent)?|souhaite(nt)?|veu(t|lent)|voulai(s|t|ent)|cherche(nt)? a|a besoin de|ont besoin de) (juste |simplement |bien |aussi |seulement |vraiment )*(savoir|connaitre)\b|\b(se demande(nt)?|se demandai(t|ent)|demande(nt)?|demandai(t|ent)) (si|quand|ou|comment|combien|pourquoi|quel\w*)\b`,
  // a question embedded after a verb of asking, however formal its frame ("je me permets de vous demander où en est…",
  // "je vous écris afin de savoir quand…", "I am writing to enquire whether…", "may I ask when…")
  String.raw`\b(vous |te |lui |leur )?demander (si|s'il|s'ils|s'elle|quand|ou|comment|combien|pourquoi|quel\w*|a quel\w*|des nouvelles|ce qu'il en est)\b|\b(je vous ecris|je vous contacte|je me permets de vous (ecrire|contacter)|je reviens vers vous|je vous sollicite|j'ecris|je vous envoie ce (mail|message|courriel)) (pour|afin de) (savoir|connaitre|avoir des nouvelles|m'informer|me renseigner|vous demander)\b`,
  String.raw`\b(to|may i|can i|could i|might i) (ask|enquire|inquire)( you)? (if|whether|when|where|how|what|which|why|about|after|as to)\b|\b(enquire|inquire|enquiring|inquiring) (about|after|as to|whether|if)\b|\b(i am|i'm|we are|we're) (writing|emailing|contacting you|getting in touch|reaching out) to (ask|enquire|inquire|find out|check)\b`,
  String.raw`\b(je me demande|je me demandais|je m'interroge|juste pour savoir|pour savoir si|dites[- ]moi|dites[- ]nous|tenez[- ]moi au courant|faites[- ]moi savoir|indiquez[- ]moi|informez[- ]moi|confirmez[- ]moi|expliquez[- ]moi|une idee)\b`,
  String.raw`\b(envoyez|renvoyez|transmettez|faites|mettez|ajoutez|annulez|modifiez|changez|rappelez|appelez|verifiez|regardez|confirmez|indiquez|donnez|communiquez)[- ](moi|nous|la|le|les|lui)\b`,
  String.raw`\b(svp|stp|s'il vous plait|s'il te plait|sil vous plait|svpl)\b`,
  // EN
  String.raw`\b(can|could|would|will|won't) (you|u|someone|somebody|anyone)\b|\bif (you|u) (could|would|might)\b`,
  String.raw`\b(is it|would it be|will it be) possible\b`,
  String.raw`\b(i'd|i would|we'd|we would|he'd|he would|she'd|she would|i|we|he|she) (really |just |also |only )*(like|love|want|wanted|need|needed|appreciate|be grateful for|be grateful if) (to (know|check|find out|ask|understand|confirm)|(to (have|get|receive|obtain) )?(a|an|the|my|some|your)? ?(copy|duplicate|invoice|receipt|confirmation|update|news|answer|reply|information|info|tracking|refund|label|number|it confirmed)|if you|it if you)\b`,
  // the same in English ("he is away and would like to know…", "my wife wants to find out…", "she asks whether…")
  String.raw`\b(would (really |just |also )?like|'d (really |just |also )?like|wants?|wanted|needs?|needed|wish(es|ed)?) to (know|find out|check)\b|\b(asks?|asked|is asking|was asking|wonders|wondered|is wondering|was wondering) (me )?(if|whether|when|where|how|what|which|why)\b`,
  String.raw`\b(i|we) (wonder|was wondering|were wondering|am wondering|'m wondering)\b|\bjust wondering\b|\bwondering (if|whether|when|how|what)\b`,
  String.raw`\b(let me know|let us know|tell me|tell us|keep me posted|keep me updated|advise me|advise us|inform me|confirm to me|get back to me)\b`,
  String.raw`\b(please|pls|plz|kindly)\b(?! find\b| see\b| note\b| ignore\b| disregard\b)`,
  String.raw`^(send|resend|email|e-mail|forward|confirm|check|give|call|ring|cancel|add|change|update|refund|ship|explain|advise|help)\b`,
].join('|'));

/** Polite formulas and pleasantries that look like asks but ask nothing; cut out of a sentence before it is read. */
const PLEASANTRY = new RegExp([
  String.raw`\b(let me know|let us know|tell me|dites[- ]moi|n'hesitez pas a (me|nous) (dire|contacter|recontacter|ecrire)|don't hesitate to (tell|contact|let)|feel free to (tell|contact|let))( [^.?!]{0,20})? (if|si|whether) (you|vous|there's anything|there is anything|il vous faut|il vous manque)[^.?!]{0,30}\b(need|require|want|besoin|faut|manque|missing|anything else|autre chose|more info|more information|plus d'info|de plus)\b[^.?!]*`,
  String.raw`\b(n'hesitez pas|don't hesitate|do not hesitate|feel free)\b[^.?!]*`,
  String.raw`\b(how are you|how're you|how is it going|how's it going|hope (you're|you are|all is) well|i hope (you're|you are|all is) well|j'espere que vous allez bien|comment allez[- ]vous|comment vas[- ]tu)\b\W*`,
  String.raw`^(merci|thanks|thank you|many thanks|thx|cheers)( (d'avance|par avance|in advance|beaucoup|a lot|so much|again|encore|bcp|pour (tout|votre aide|votre retour|votre reponse|votre patience)|for (your|all|the) [a-z ]{0,20}))*\W*$`,
  String.raw`\b(dans l'attente de votre (reponse|retour)|waiting for your (kind |prompt )?(reply|response|answer)|looking forward to (hearing|your)[^.?!]*|au plaisir de vous lire|je reste a votre disposition[^.?!]*|i remain at your disposal)\b`,
  // a letter's formal closing ("veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées", "je vous
  // prie de recevoir mes sincères salutations", "please accept my kind regards"): courtesy, nothing asked
  String.raw`\b((veuillez|je vous prie d'|je vous prie de|nous vous prions d'|nous vous prions de|please) ?(agreer|recevoir|accepter|croire|accept)|recevez|agreez)\b[^.?!]{0,90}\b(salutations|sentiments|respectueu\w*|consideration|hommages|regards|best wishes|kind wishes)\b[^.?!]*`,
  String.raw`\b(have a (nice|good|great|lovely|wonderful) (day|evening|weekend|week)|bonne (journee|soiree|fin de journee|semaine|continuation)|belle journee|joyeux noel|merry christmas|happy (holidays|new year))\b`,
].join('|'), 'g');

/** Questions that expect no answer ("who knew?", "pourquoi pas ?", "can you imagine?"). */
const RHETORICAL = new RegExp([
  String.raw`\b(qui l'eut cru|qui l'aurait cru|qui aurait cru|pourquoi pas|que dire de plus|vous imaginez|tu imagines|who knew|who would have thought|who'd have thought|what can i say|can you imagine|why not|guess what|you know what)\b\W*`,
  String.raw`\bdon't ask (me )?(why|how)\b\W*`,
].join('|'), 'g');

/**
 * The customer's own decision that hangs on the answer ("so I know whether to be in", "il voudrait savoir s'il doit
 * s'organiser"): it is answered by the main question's answer, it is not a question of its own.
 */
const DEPENDENT_DECISION = /\b(whether|if) to\b|\bwhether (i|we|he|she|they|someone) (should|need|needs|have to|has to|must)\b|\bsi (je|il|elle|on|nous) (dois|doit|devons|devrais|devrait|dois-je)\b|\bs'il (doit|faut|devrait)\b|\bquoi (lui |leur )?(demander|dire)\b|\bwhat to (ask|tell|do|expect)\b/;

/** A greeting or a signature-like fragment: nothing to answer, even with a question mark ("Hi there?"). */
const GREETING_ONLY = /^(bonjour|bonsoir|salut|slt|coucou|hello|hi|hey|hiya|dear [a-z ]+|madame|monsieur|madame, monsieur|good (morning|afternoon|evening))[\s,!.?]*([a-z]+( [a-z]+)?)?[\s,!.?]*$/;

/** A greeting that opens the sentence ("Bonjour, mon colis arrive quand"). */
const GREETING_LEAD = /^(bonjour|bonsoir|salut|slt|coucou|hello|hi|hey|hiya|good (morning|afternoon|evening))( [a-z]+)?\s*[,!.:-]\s*/;

/** SMS-style questions put the question word last ("ça arrive quand", "je paie combien"). */
const TRAILING_QUESTION_WORD = /\b(quand|qd|combien|comment|ou ca|pourquoi|when|where|how much|why)\W*$/;

function isQuestion(folded: string, raw: string): boolean {
  if (/\?/.test(raw)) return true;
  if (TRAILING_QUESTION_WORD.test(folded)) return true;
  if (INTERROGATIVE_START.test(folded)) return !/!\s*$/.test(raw);
  return FR_INVERSION.test(folded) && !/\b(moi|nous|la|le|les|lui)-/.test(folded) && !/!\s*$/.test(raw)
    && /^(\S+\s+){0,6}\S+-(t-)?(vous|il|elle|ils|elles|on|je)\b/.test(folded);
}

/** Whether a folded sentence (pleasantries cut out) asks something; `raw` keeps the question mark. */
function asks(folded: string, raw: string): boolean {
  if (!/[a-z]{2}/.test(folded) || GREETING_ONLY.test(folded) || DEPENDENT_DECISION.test(folded)) return false;
  return isQuestion(folded, raw) || REQUEST.test(folded) || requestedActions(folded).length > 0;
}

/** The customer's asks in a text, in order. Quoted lines (`>`) are history, never asks. */
export function customerAsks(text: string): CustomerAsk[] {
  const out: CustomerAsk[] = [];
  const seen: string[] = [];
  for (const sentence of sentences(text)) {
    const whole = fold(sentence).replace(/\s+/g, ' ').trim();
    if (GREETING_ONLY.test(whole)) continue;
    let folded = whole.replace(GREETING_LEAD, '').replace(PLEASANTRY, ' ').replace(RHETORICAL, ' ').replace(/\s+/g, ' ').trim();
    // the question mark of a pleasantry or a rhetorical question cut out does not make the rest a question
    let raw = folded === whole ? sentence : folded;
    // "Avant de commander : est-ce que… ?" — the words before a colon set the scene; the question is after it
    const colon = folded.lastIndexOf(': ');
    if (colon > 0) {
      const tail = folded.slice(colon + 2);
      const rawTail = raw.slice(raw.lastIndexOf(': ') + 2);
      if (asks(tail, rawTail)) {
        seen.unshift(folded.slice(0, colon).trim());
        folded = tail;
        raw = rawTail;
      }
    }
    if (asks(folded, raw)) out.push({ text: sentence, folded, before: seen.slice(0, 2) });
    seen.unshift(folded);
  }
  return out;
}
