/**
 * requestedActions: what a sentence asks the shop to DO that an automatic reply cannot do (ROUTING.md: "actions on an
 * order" are reviewed; issue 14 kind 2: an ask the reply cannot fulfil goes to review). Read by structure, FR/EN: a
 * request form — a modal ("could you", "pouvez-vous"), "please"/"merci de"/"veuillez", a wish ("I'd like/need",
 * "j'aimerais", "je voudrais", with an infinitive, a "que"/"you to" clause or an object and a participle: "I'd like the
 * address updated", "j'aimerais être rappelée"), a conditional ("if you could", "serait-il possible de") or an
 * imperative — then, within its clause, an action the reply does not perform: a call-back, a change to an order
 * (cancel, add, split, hold, reschedule, speed up, exchange), an invoice made out differently, a goodwill gesture, a
 * service (gift wrap), a hand-over to a team, a document other than the invoice, a named contact person.
 * What the reply does do is no action here: tell, confirm, check, send the invoice or the tracking again, and the
 * writer's own steps ("I'd like to return it", "j'aimerais commander"). A mention with no request form ("no need to
 * change anything", "pas besoin de me rappeler") and courtesy ("contact me if you need anything") ask nothing.
 */

/** Kinds of action an automatic reply cannot perform (questions.ts reads them as unanswerable kinds). */
export type ActionKind =
  | 'contact_channel' | 'order_change' | 'invoice_details' | 'discount' | 'extra_service' | 'handover' | 'other_document'
  | 'contact_person';

/** Request forms: what follows them, in the same clause, is asked of the shop (folded text). */
const FRAME = new RegExp([
  // FR: modals, "merci de", "veuillez", formal and conditional requests
  String.raw`\b(pouvez|pourriez|pourrez)[- ]vous\b|\bvous (pouvez|pourriez|pourrez|voudriez)\b|\b(peux|pourrais|pourras)[- ]tu\b`,
  String.raw`\bmerci (d'avance )?(de\b|d')|\bveuillez\b|\bje vous (prie|saurais gre|serais reconnaissante?) d|\b(serait|est|sera)[- ]il possible d|\bce serait (bien|gentil|super|parfait|top|ideal) (d|qu'|que )|\bsi vous (pouviez|pourriez|pouvez)\b`,
  // FR: wishes, whoever holds them, with an infinitive or a "que" clause
  String.raw`\b(voudrai(s|t|ent)?|voudrions|aimerai(s|t|ent)?|aimerions|souhaiterai(s|t|ent)?|souhaiterions|souhaite|souhaitons|veux|voulons|prefererai(s|t)|prefere) `,
  String.raw`\b(j'ai|j'aurais|nous avons|nous aurions|on a|on aurait) besoin (de|d'|que)\b|\bil (me|nous) (faudrait|faut)\b`,
  // a way asked for: "y a-t-il moyen qu'elle soit livrée samedi", "is there any way it can be sent on", "any way you can
  // hold it"
  String.raw`\b(y a[- ]t[- ]il|il y a|il y aurait|y aurait[- ]il|y a|ya|ya t il|aurait[- ]il) (un |le )?moyen (de|d'|que|qu')|\b(is there|there is|was there) (any|a|some) way\b|\bany way (you|u|someone|somebody|to|that|it|i|we)\b`,
  // a passive or a thing as the subject of the modal: "could it be posted on to…", "can the receipt show the VAT…"
  String.raw`\b(can|could|would) (it|they|this|that|these|those|the \w+|my \w+|our \w+) (be|show|have|carry|include|state|mention|list)\b`,
  // EN: modals, "please", wishes, conditionals
  String.raw`\b(can|could|would|will) (you|u|someone|somebody|anyone|one of you)\b|\b(please|pls|plz|kindly)\b`,
  String.raw`\b(i|we)('d| would)( really| also| just| much)* (like|love|want|need|prefer|rather)\b|\b(?<!(do|does|did|should|will|would|must) )(i|we)( really| also| just)* (want|need|wanted|needed)\b`,
  String.raw`\b(is it|would it be|will it be) possible\b|\bif (you|u) (could|can|would)\b|\b(appreciate|grateful) (it )?if\b`,
  // the modal after its subject in a hope, a wonder or a "chance" ("I was hoping you could…", "any chance someone could
  // give me a ring", "wondering whether you might…"), and a wish said of its outcome ("it'd be great if it could…")
  String.raw`\b(hop(e|ing)|wonder(ing|ed)?|chance|whether|if) (you|u|someone|somebody|anyone|one of you|your (team|staff|driver|courier)) (could|can|might|would|will)\b|\b(it'd|it would|that'd|that would|it will|that will) be (really |very |so |most |extremely |super )?(great|good|helpful|nice|lovely|perfect|ideal|brilliant|handy|useful) (if|to)\b`,
  // a requirement said of the thing asked for: "it needs to show…", "the invoice has to be…", "elle doit être…"
  String.raw`\b(it|they|this|that|the (invoice|receipt|bill)s?|(la |les )?factures?|elle|elles) (needs? to|has to|have to|must|should (be|show|say|read|state|list|bear|carry|mention|include)|doi(t|vent)|devrai(t|ent)) (be |etre |porter |mentionner |indiquer |faire )?`,
  String.raw`\bil (faut|faudrait) que (la |les )?(facture|recu)s?\b`,
].join('|'), 'g');

/** An imperative that opens a clause (after a lead word, a comma or "and"): "Also, call me…", "annulez la…". */
const IMPERATIVE_START = /(^|[,;:]\s*|\b(and|et|also|aussi|then|puis|sinon|otherwise|if not|si non|ps)\W+)(call|ring|phone|cancel|add|split|hold|keep|stop|scrap|ditch|change|update|amend|swap|exchange|postpone|wrap|laissez tomber|arretez|stoppez|rappelez|appelez|telephonez|contactez|annulez|ajoutez|rajoutez|modifiez|changez|gardez|retenez|bloquez|decalez|reportez|scindez|separez|emballez|transmettez|echangez|remplacez)\b/g;

/** Where the clause of a request ends: a clause break, a reason, a new subject. */
const CLAUSE_END = /[,;:.!?]| (because|since|as i|car|parce|puisque|but|mais)\b/;

/** Courtesy and conditions that make a "contact me" an offer, not an ask ("call me if you need anything"). */
const OFFER = /\b(if (you|u) (need|want|require|have any|have questions|prefer|wish)|if (there is|there's|there are) (any|a) (problem|issue|question)|if anything|if any (problem|issue|question)|should you|si (vous avez besoin|vous le souhaitez|besoin|jamais|necessaire|souci|probleme|il y a (un|le moindre) (souci|probleme))|en cas d|au besoin|if need(ed| be)|if necessary|when(ever)? you (need|want)|(for|pour) (anything|any|toute?s?|les) (urgent|urgence|demandes? urgente|question)\w*|for urgent)\b/;

/**
 * An invoice made out differently: to another name or body ("made out to", "make the invoice for CMD-1 out to",
 * "address the invoice to", "the invoice issued to the school", "au nom de", "libellée à", "adresser la facture à mon employeur"), with other
 * details on it (a VAT number, a name, a reference), or issued again. Sending the invoice somewhere ("send the
 * invoice to my work address", "m'adresser la facture") is not this.
 */
const INVOICE_DOC = String.raw`(invoice|receipt|bill)s?`;
const INVOICE_DETAILS = new RegExp([
  String.raw`\b(au nom (de|du|des)|a l'ordre (de|du|des)|re-?issu\w*|reedit\w*|reetabli\w*|refaire la facture|in (my|our|the|his|her) (company|business|firm|employer|work)('s)? name|in the name of|made out to|(company|business) name|raison sociale|numero de tva|vat (number|no)|adresse de facturation|billing (address|name|details))\b`,
  String.raw`\b(make|made|making|write|written|issue|issued|issuing|address|addressed|addressing|raise|raised|put) (it|them|this|that|one|the ${INVOICE_DOC}|an? (new )?${INVOICE_DOC}|a new one)( [\w-]+){0,4}? out to\b`,
  String.raw`\b(issue|issued|issuing|address|addressed|addressing|raise|raised|make|made|write|written) (the |an |a new |my |our )?${INVOICE_DOC}( [\w-]+){0,4}? (out )?to\b`,
  String.raw`\b${INVOICE_DOC} (be |being |to be )?(made out|issued|addressed|raised|written) to\b`,
  String.raw`\b(put|add|include|show|state)\b[^.?!]{0,40}\b(name|vat|reference|po number|address)\b[^.?!]{0,20}\bon (the|my|an|our|a new|each) ${INVOICE_DOC}\b`,
  String.raw`\blibell(er|ez|ee|ees)\b`,
  // another buyer named on it, or the writer's name replaced: "show Davies Ltd as the buyer", "rather than me personally"
  String.raw`\b(as|comme) (the |l')?(buyer|purchaser|acheteur|acquereur|payer|payeur|billing (name|entity|party))\b|\b(rather than|instead of) (me|my (own )?name|mine)\b|\b(plutot qu'a|plutot que|au lieu de|a la place de) (mon nom|moi|a mon nom)\b|\b(et|and) (non|not|pas) (le mien|a moi|moi|mon nom|mine|me|my name)\b|\b(porter|porte|portant|afficher|affiche|mentionner|mentionne|show|shows|showing|bear|bears|bearing|carry|carrying) (\w+ ){0,2}?(le nom|the name|la raison sociale)\b`,
  // the VAT shown apart, a business's name on it: "une facture qui fasse apparaître la TVA et le nom de mon entreprise"
  String.raw`\b(tva|vat)\b( \w+){0,2}? (separe\w*|detaill\w*|apparente|a part|shown|showing|separately|broken down|itemi[sz]ed)\b|\b(apparaitre|figurer|show|showing|shows)\b[^.?!]{0,30}\b(tva|vat)\b|\bnom de (mon|ma|notre|nos) (entreprise|societe|boite|association|activite|cabinet|atelier|commerce)\b`,
  String.raw`\b(adresser|adressez|etablir|etablissez|emettre|emettez) (la|les|une|cette|ma|mes|nos|notre) (facture|recu)s? (a|au|aux) (?!(mon |ma |mes |notre |nos |cette |l')?(adresse|mail|e-?mail|courriel|boite)\b)`,
  String.raw`\b(mettre|mettez|ajouter|ajoutez|faire figurer|faites figurer|indiquer|indiquez|porter|portez) (\w+ ){0,3}?(nom|numero de tva|mention|adresse|siret|siren|reference)\b[^.?!]{0,30}\bsur (la|les|ma|une) factures?\b`,
].join('|'));

/** An ask to be called, phoned or contacted (also what an offer of a channel names: "for anything urgent, call…"). */
const CONTACT_CHANNEL = /\b(rappel\w*(?!(-moi|-nous)? (le|la|les|l'|un|une|des|combien|quand|ou|si|comment|ce|cette|mon|ma|mes|votre|vos|notre|nos)\b)|appel\w*|telephon\w*|contact\w*|joindre|joint|(call|phone|ring) (me|us|him|her|back|my|our)|give (me|us) a (call|ring|bell)|call ?back|(be |get |being )(called|phoned|rung|contacted)|phoning)\b/;

/**
 * Action kinds by the words of the asked clause (verbs as infinitive, imperative or participle, FR/EN). `named` kinds
 * are read whatever the clause's verb ("could you confirm the invoice will be in my company's name"); the others only
 * when the clause does not ask to be told something (INFORMED).
 */
const ACTIONS: readonly { kind: ActionKind; named?: true; pattern: RegExp }[] = [
  { kind: 'handover', named: true, pattern: new RegExp(String.raw`\b(transmet\w*|faire (remonter|suivre)|remont\w*|signal\w*|pass(ed|ing)? (it |this |that |them |my \w+ |our \w+ )?(on|along)|escalat\w*|forward\w*)\b[^.?!]{0,40}\b(au|a la|a votre|aux|a vos|to (the|your)) (service\w*|equipe\w*|team|department|dept|responsable|direction|manager|supervisor|boss|warehouse|entrepot|logisti\w*|fournisseur|supplier|livreur|transporteur|courier|driver|technic\w*|tech\w*|qualit\w*|quality|designers?|buyers?|acheteurs?)\b|\b(make sure|ensure|see to it that|veill(er|ez) a ce que|(faire|faites) en sorte que) (that )?(the |your |le |la |votre |vos )?(service\w*|equipe\w*|team|department|dept|responsable|direction|manager|supervisor|boss|warehouse|entrepot|logisti\w*|fournisseur|supplier|livreur|transporteur|courier|driver|technic\w*|tech\w*|qualit\w*|quality|designers?|buyers?|acheteurs?)\b|\b(let|tell|inform|ask|warn|remind|prevenir|prevenez|informer|informez|avertir|avertissez|dire a|dites a|demander a|demandez a|dire au|dites au|demander au|demandez au) (the |your |vos |votre |au |aux |a votre |a vos |a la |le |la )?(service\w*|equipe\w*|team|department|dept|responsable|direction|manager|supervisor|boss|warehouse|entrepot|logisti\w*|fournisseur|supplier|livreur|transporteur|courier|driver|technic\w*|tech\w*|qualit\w*|quality|designers?|buyers?|acheteurs?)\b`) },
  { kind: 'invoice_details', named: true, pattern: INVOICE_DETAILS },
  { kind: 'other_document', named: true, pattern: /\b(bons? de livraison|bordereau\w*|delivery (note|slip)s?|packing (slip|list)s?|certifica\w*|attestation\w*|devis|(a|an|the) quot(e|ation)|pro ?-?forma|credit note|facture d'avoir|bons? de commande|purchase order|customs (form|declaration)s?)\b/ },
  { kind: 'contact_person', named: true, pattern: /\b(nom|name|coordonnees|contact details|direct (line|number|email)|ligne directe)\b[^.?!]{0,30}\b(quelqu'un|someone|somebody|responsable|manager|supervisor|person|personne|interlocut\w*|in charge|charge de)\b|\b(un|une|a|an|your|votre|the) (interlocut\w*|responsable|manager|supervisor|superieur\w*|person in charge|point of contact|account manager)\b/ },
  { kind: 'contact_channel', pattern: CONTACT_CHANNEL },
  { kind: 'discount', pattern: /\b(faire|fassiez|make|do) (un|a|quelque chose|something) ?(petit |small |little )?(geste|gesture|effort)\b|\bgeste\b|\b(dedommag\w*|indemnis\w*|compens\w*|rembourser les frais|refund the (postage|shipping|delivery)|vouchers?|bons? d'achat|un avoir|codes? promo|discount|reduction|une remise|a (small )?reduction|money off)\b/ },
  { kind: 'extra_service', pattern: /\b(emball\w*|wrap\w*|paquet cadeau|gift[- ]?wrap\w*|grav(er|ez|e|ee|ure)|engrav\w*|personnalis\w*|personalis\w*|install(er|ez|ed)?|monter|assembl\w*|(add|include|joindre|ajouter|mettre|glisser|put) (a|un|une|le|la|in a)( (little|small|short|handwritten|petit|petite))? (note|card|mot|carte|message))\b/ },
  { kind: 'order_change', pattern: /\b(annul\w*|cancel\w*|(ajout\w*|rajout\w*|add|adding)\b(?! (que|that)\b)|retir(er|ez)|enlev(er|ez)|supprim(er|ez)|remove|scind\w*|divis(er|ez)|separ(er|ez|ement|ately)|fraction\w*|split\w*|(regroup\w*|combin\w*|merge|fusionn\w*) (\w+ ){0,2}?(commandes?|orders?|colis|parcels?|envois|shipments?|deliveries|livraisons)|en un seul (colis|envoi)|in one (parcel|shipment|box|delivery)|modif\w*|chang(er|ez|e|ed)|amend\w*|update (the|my|it|them|your|our)|updated|mettre a jour|corrig\w*|(keep|hold|stop|halt|stopper|stoppez|intercept|intercepter|interceptez|garder|gardez|conserver|retenir|retenez|bloquer|bloquez|arreter|arretez|mettre de cote) (\w+ ){0,2}?(parcel|package|order|delivery|shipment|colis|paquet|commande|livraison|envoi|it|them|le|la|les|l')|(l'|les? |la )(arreter|stopper|bloquer|retenir|intercepter)\b|laiss(er|ez) tomber|(scrap|drop|ditch|forget( about)?) (it|them|the order|my order|that order|the whole (thing|order))|reporter|reportez|decaler|decalez|postpone\w*|reschedul\w*|avancer|accelerer|bring (\w+ ){0,2}?forward|push (\w+ ){0,2}?back|speed (it |this |things )?up|hurry|rush|expedite\w*|upgrade\w*|remplac\w*|replac\w*|echang\w*|exchang\w*|swap\w*|(?<!(m'|me |nous |se |s'|myself |ourselves ))(arrange\w*|organis\w*|organiz\w*)|(new|nouvelle|different|differente|autre|correct|bonne) (address|adresse)|(leave|drop|deposer|deposez|laisser|laissez|put|mettre|mettez) (it |them |the (parcel|package|box) |le colis |le paquet |les colis |le |la |les )?(in|at|on|behind|outside|inside|under|dans|devant|derriere|sous|sur|a cote|au|a la|en bas)\b|(livr(er|ez|ee|ees|e)|deliver(ed)?|passer|passe) (\w+ )?((le|on|ce|this|un|a) )?(samedi|dimanche|lundi|mardi|mercredi|jeudi|vendredi|saturday|sunday|monday|tuesday|wednesday|thursday|friday|week-?end|\d)|redirect\w*|redirig\w*|re-?rout\w*|divert\w*|reexpedi\w*|faire suivre|(sent|send|forwarded|posted) on (to|there)|(send|ship|post|envoy\w*|expedi\w*) (\w+ ){0,5}?(together|ensemble))\b/ },
];

/** A clause that asks to be told, shown or sent what the reply states ("could you tell me…", "merci de me dire…"). */
const INFORMED = /^\s*((please|pls|kindly|just|juste|simplement|bien|vouloir|also|aussi|egalement|be able to|be so kind as to|mind|me|m'|moi|nous|lui|le|la|les|l'|y|en|to|you|u)\s*)*(tell|let|know|confirm\w*|check\w*|see|look|find out|advise|explain|update me|keep (me|us)|inform|give (me|us) (an|a|some|the|any) (update|news|idea|estimate|date)|savoir|connaitre|dire|dites|indiqu\w*|confirm\w*|verifi\w*|regard\w*|precis\w*|expliqu\w*|inform\w*|ten(ir|ez)|donner des nouvelles|(me |m')?donner (des nouvelles|une date|une idee)|avoir (des nouvelles|une idee|une date|confirmation))\b/;

/** A wish whose infinitive is the writer's own doing: "I'd rather keep it", "je préfère garder l'ancienne". */
const WISH = /like|love|want|need|prefer|rather|voudr|aimer|souhait|veux|voulons|besoin|faut/;
const WRITER_OWN = /^\s*(to |tout |everything |it |them |le |la |les |l')?(keep|garder|conserver|regrouper|group|combine|organiser|arrange|send it back|return)\b/;

const PASSED_COURTESY = /\b(thanks|thank you|compliments|congratulations|kind words|gratitude|merci|remerciements|felicitations|bravo)\b/;

/** A request form negated right after it: "merci de ne pas m'appeler", "please don't change anything". */
const NOT_ASKED = /^\s*(ne |n'|not\b|never\b|don't\b|do not\b|no\b|pas\b|plus\b|jamais\b)/;

/** "merci de votre aide", "merci de m'avoir répondu", "merci d'avance": thanks, not a request. */
const THANKS = /^\s*((m'|nous |l'|me |vous )?avoir\b|avance\b|votre|vos|ton|ta|tes|cette|ce |cet |tout|rien|(la|le|l') ?(reponse|rapidite|attention|retour|comprehension|patience|aide|suivi|gentillesse|service|livraison|envoi|geste|precision|information)\w*)/;

/** A negation just before a request form: "je ne veux pas être rappelé", "I don't want it changed". */
const NEGATED = /\b(ne|n'|pas|plus|jamais|no|not|don't|dont|never|without|sans)\b[^.?!]{0,12}$/;

/** The clauses asked by a request form in a folded sentence (the words after each frame, to the clause's end). */
function askedClauses(folded: string): { frame: string; clause: string }[] {
  const out: { frame: string; clause: string }[] = [];
  for (const re of [FRAME, IMPERATIVE_START]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(folded)) !== null) {
      // an imperative's clause starts at its verb (the last group), a frame's right after it
      const start = re === IMPERATIVE_START ? m.index + m[0].length - (m[m.length - 1] ?? '').length : m.index + m[0].length;
      if (NEGATED.test(folded.slice(Math.max(0, m.index - 20), re === IMPERATIVE_START ? start : m.index))) continue;
      const after = folded.slice(start, start + 100);
      // the clause runs to its end; a break right at its start ("please, could you…") does not end it
      const end = after.slice(2).search(CLAUSE_END);
      out.push({ frame: m[0].trim(), clause: end >= 0 ? after.slice(0, end + 2) : after });
    }
  }
  return out;
}

/** The kinds of action, not performed by an automatic reply, that a folded sentence asks for. */
export function requestedActions(folded: string): ActionKind[] {
  const kinds = new Set<ActionKind>();
  for (const { frame, clause } of askedClauses(folded)) {
    if (OFFER.test(clause) || NOT_ASKED.test(clause) || (frame.startsWith('merci d') && THANKS.test(clause))) continue;
    // "for anything urgent, please call…": an offer of a channel, not an ask for a call
    if (OFFER.test(folded) && CONTACT_CHANNEL.test(clause)) continue;
    if (WISH.test(frame) && WRITER_OWN.test(clause)) continue;
    // thanks or compliments passed on are courtesy, not a hand-over a person must do
    if (PASSED_COURTESY.test(clause)) continue;
    const informed = INFORMED.test(clause);
    const action = ACTIONS.find(({ named, pattern }) => (named || !informed) && pattern.test(clause));
    if (action) kinds.add(action.kind);
  }
  return [...kinds];
}
