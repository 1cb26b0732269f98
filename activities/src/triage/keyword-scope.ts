/**
 * keywordOutOfScope: whether one occurrence of an escalation keyword, read in its sentence, is about something that
 * does not put the shop in front of a grievance — structure, not more phrases of the keyword:
 * - **withdrawn by the writer**: the writer says they themselves closed, withdrew or dropped the dispute or complaint
 *   (a past act, first person: "j'ai clôturé le litige", "I've withdrawn my complaint"; "il n'a plus lieu d'être").
 *   A withdrawal promised, conditional or done by someone else (a bank or PayPal deciding it) is not one.
 * - **an event's threat**: the threat is of an impersonal event (a strike, a storm, snow, a shortage), not of a person.
 * - **the writer's own payment**: a bank's or card issuer's fraud check on a payment the writer says was theirs ("ma
 *   banque a bloqué le paiement pour suspicion de fraude, c'était bien moi"). Only when the mail denies no charge
 *   ("ce n'était pas moi", "I never made it", "je n'ai pas autorisé") and the keyword's sentence names the bank's check.
 * The policy's keywords stay the floor: any other occurrence still escalates, and so does the same keyword elsewhere.
 * Reads folded text (lexicon.ts fold: lower case, no accents, plain apostrophes).
 */

export type OutOfScope = 'withdrawn_by_writer' | 'event_threat' | 'own_payment_confirmed';

/** The sentence around [start, end): from the previous end mark (or line break) to the next. */
export function sentenceAround(folded: string, start: number, end: number): string {
  const before = folded.slice(0, start);
  const from = Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf('\n'), before.lastIndexOf(';')) + 1;
  const rest = folded.slice(end);
  const next = rest.search(/[.!?;\n]/);
  return folded.slice(from, next < 0 ? folded.length : end + next);
}

/** A condition, a promise or a wish: the act is not done ("si vous remboursez je retire", "I will close it"). */
const NOT_DONE = /\b(si|if|unless|sauf si|a condition|provided|tant que|until|jusqu'a ce que|des que|as soon as|once|lorsque|quand|when|je vais|j'irai|je compte|je pourrai|je pourrais|i will|i'll|i would|i'd|i can|i could|going to|gonna|would|pret a|ready to|prefer\w*|want|veux|voudrais|souhaite|allez|will you|pourriez|pouvez|could you|can you)\b/;

/** The writer's own past act of closing or dropping something (first person, completed). */
const WITHDREW = String.raw`(j'ai|j ai|nous avons|on a|je l'ai|nous l'avons|on l'a|je viens de|nous venons de)( donc| bien| deja| aussitot| tout de suite| finalement| moi-meme)* (clotur\w*|ferm\w*|annul\w*|retir\w*|abandonn\w*|clos|classe\w*|leve\w*)|(je me suis|nous nous sommes) desist\w*( de)?|(i|we)( have|'ve| had|'d)?( now| just| already| since| also| therefore| then)* (closed|cancell?ed|withdrawn|withdrew|dropped|retracted|called off|taken down|took down)`;
/** The withdrawal said before the keyword, the keyword its object ("j'ai clôturé le litige", "I've dropped my complaint"). */
const WITHDREW_BEFORE = new RegExp(String.raw`\b(${WITHDREW})( (le|la|les|l'|mon|ma|mes|ce|cette|the|my|this|that|our|notre))?( [a-z']+){0,4} ?$`);
/** The withdrawal said after it, in the same clause ("le litige que j'avais ouvert, je l'ai fermé", "n'a plus lieu d'être"). */
const WITHDREW_AFTER = new RegExp(String.raw`\b(${WITHDREW})\b|\b(n'a|n'ont|n'avait) plus (lieu d'etre|de raison d'etre|d'objet)\b|\bsans objet\b|\b(is|was|has been) (now )?(closed|withdrawn|resolved|settled) by me\b|\bno longer (needed|necessary|relevant|applies|stands|open)\b`);
/** Where a clause that may carry another act begins. */
const CLAUSE_BREAK = /[.!?;\n]|\b(mais|but|however|cependant|pourtant|toutefois|sinon|otherwise|et je|and i)\b/;

/** An impersonal event threatened, the keyword its head ("la menace de grève", "threat of a strike", "storm threat"). */
const EVENT = String.raw`(greves?|strikes?|industrial action|tempetes?|storms?|orages?|neige|snow\w*|inondations?|floods?|intemperies|bad weather|penuries?|shortages?|ruptures? de stock|canicule|heat ?waves?|gel|frost|fermetures?|closures?|blocages?|blockades?|manifestations?|protests?|pluie|rain|epidemie|pandemie)`;
const EVENT_AFTER = new RegExp(String.raw`^\w* (de |d'|of (a |an |the )?|par (la |le |les |une |un |des )?|by (a |an |the )?)?(nouvelles? |new |possibles? |eventuelles? |imminente?s? |general\w* |national\w* )?${EVENT}\b`);
const EVENT_BEFORE = new RegExp(String.raw`\b${EVENT} $`);

/** A bank, a card issuer or a payment service: who runs the check. */
const PAYMENT_ACTOR = /\b(banque|banquier|bank|card issuer|emetteur|carte|card|paypal|visa|mastercard|amex|3-?d ?secure|appli\w*|app)\b/;
/** The keyword names the check, not an accusation ("suspicion de fraude", "fraud alert", "anti-fraude", "suspected fraud"). */
const CHECK_BEFORE = /\b(suspicions? d[e']|soupcons? d[e']|alertes? (a la |de |d'|anti-?)?|anti-?|service anti-?|controles? anti-?|suspected|potential|possible|possibly|risque de|risk of|as|comme|pour)\s*$/;
const CHECK_AFTER = /^\w*\s*(alerts?|checks?|teams?|department|prevention|protection|detection|screening|filters?|controls?|warnings?)\b/;

/** The writer says the payment was their own. */
const OWN_PAYMENT = /\b(c'etait (bien |vraiment |effectivement |evidemment |bien sur )?moi|c'est (bien |vraiment |effectivement )?moi( qui)?|it was (really |indeed |definitely |just |actually )?me|it's (really |indeed |definitely |just |actually )?me|that was (really |indeed |just )?me|(j'ai|j ai|je l'ai) (bien |donc |aussitot |tout de suite )?(confirme|valide|autorise|approuve|accepte|debloque)\w*|(i|we)( have|'ve)?( then| immediately| just| already)? (confirmed|approved|authori[sz]ed|validated|verified|unblocked|okayed|ok'd) (the |my |that )?(payment|transaction|purchase|order|charge)|(my|mon|ma) (own )?(purchase|achat|paiement|payment|commande|order) (indeed|bien|legitime|legit|genuine))\b/;

/** A charge the writer disputes anywhere in the mail: then nothing about fraud is read as innocent. */
const CHARGE_DENIED = /\b((ce|c') n'(etait|est) pas moi|pas moi qui|ni moi|not me|wasn't me|was not me|isn't me|is not me|never (made|placed|ordered|bought|authori[sz]ed|agreed)|did(n't| not) (make|place|order|buy|authori[sz]e|recogni[sz]e)|do(n't| not) recogni[sz]e|unrecogni[sz]ed|unauthori[sz]ed|someone (else )?(used|has used|took|ordered|hacked|changed)|quelqu'un (a|aurait) (utilise|commande|pirate|change|pris)|je n'ai (jamais|pas) (fait|passe|effectue|autorise|commande|achete|valide|reconnu)\w*|je ne reconnais pas|non autorise\w*|pas autorise\w*|jamais autorise\w*|pirat\w*|hack\w*|vol\w* (de|ma|mon|my)|stolen|usurp\w*|identity theft)\b/;

/** Whether this occurrence of a keyword, read in its sentence and in the whole mail, is out of the escalation's scope. */
export function keywordOutOfScope(folded: string, start: number, end: number): OutOfScope | null {
  const sentence = sentenceAround(folded, start, end);
  const sentenceStart = folded.lastIndexOf(sentence, start);
  const before = folded.slice(Math.max(sentenceStart, start - 60), start);
  const after = folded.slice(end, end + 120);
  const clauseEnd = after.search(CLAUSE_BREAK);
  const clauseAfter = clauseEnd < 0 ? after : after.slice(0, clauseEnd);
  if ((WITHDREW_BEFORE.test(before) || WITHDREW_AFTER.test(clauseAfter)) && !NOT_DONE.test(sentence)) return 'withdrawn_by_writer';
  if (EVENT_AFTER.test(folded.slice(start, end + 60)) || EVENT_BEFORE.test(before)) return 'event_threat';
  const keyword = folded.slice(start, end);
  const namesCheck = CHECK_BEFORE.test(folded.slice(Math.max(0, start - 30), start)) || CHECK_AFTER.test(folded.slice(start, end + 30));
  if (/^(fraud|fraude)/.test(keyword) && namesCheck && PAYMENT_ACTOR.test(sentence)
    && OWN_PAYMENT.test(folded) && !CHARGE_DENIED.test(folded)) return 'own_payment_confirmed';
  return null;
}
