/**
 * A legal claim recognised by its PROCEDURE, a floor under the trained risk head: the writer names a step of the law
 * against the shop — a court or a claim through one, a lawyer acting for them, a formal notice, an injunction or a
 * class action, a consumer authority or a mediator, the statute they invoke — in everyday words, FR and EN. A
 * procedure named is a person's case whatever the tone, so the model never defuses it.
 *
 * Meaning, not words:
 * - an ambiguous word counts only in the structure that makes it a procedure: "avocat" with someone acting ("mon
 *   avocat", "consulter un avocat"), never alone (a fruit, a brother-in-law's job); "court" as a place one goes to or
 *   a claim goes through, never "à court de" or a tennis court; "sue" with what is sued, never the name Sue;
 * - negation scope: a procedure the writer says they do NOT take, in the same clause, is a denial ("je ne porte pas
 *   plainte contre vous", "I'm not taking anyone to court") — no floor; but a procedure kept in view — wished away,
 *   avoided, put off or made conditional ("je ne veux pas en arriver au tribunal", "I'd rather not involve my
 *   solicitor", "not yet", "unless", "sinon") — is a veiled threat, and it is one.
 * Reads folded text (lexicon.ts fold: lower case, no accents).
 */
import { sentences } from './customer-asks';
import { fold } from './lexicon';

export type ProcedureKind = 'court' | 'lawyer' | 'formal_notice' | 'authority' | 'statute';

export interface ProcedureHit {
  kind: ProcedureKind;
  /** The words that named it (folded; the pattern's own words, so no personal data). */
  phrase: string;
  /** Named under a negation that keeps it in view (a wish to avoid it, a condition, "not yet"). */
  veiled: boolean;
}

interface Procedure { kind: ProcedureKind; re: RegExp }
const proc = (kind: ProcedureKind, ...res: RegExp[]): Procedure[] => res.map((re) => ({ kind, re }));

/** Between an act and the lawyer it involves, only a few function words (never a name: the words reach the reviewer). */
const GAP_EN = String.raw`(?:(?:a|an|my|the|our|with|to|in|over|on|up|right away|straight away|immediately|directly|then|also) ){0,3}`;
const GAP_FR = String.raw`(?:(?:un|une|mon|ma|mes|des|l'|d'|le|directement|immediatement|alors|aussi|donc|deja) ?){0,3}`;

const PROCEDURES: Procedure[] = [
  // a court: gone to, a claim through it, its papers and fees; the small-claims track and the online claim service
  ...proc('court',
    /\b(?:to|in|into|before|through|via|at the|through the|via the) (?:the )?(?:small[- ]claims? |county |district |civil |local |consumer |magistrates'? )?court\b/,
    /\bcourt (?:claims?|case|cases|action|fees?|costs|orders?|date|hearing|summons|proceedings|papers|judge?ments?|bailiffs?)\b/,
    /\bsmall[- ]claims?\b/, /\b(?:county|district|civil|magistrates'?) court\b/,
    /\b(?:money claims? online|online money claims?|online (?:civil )?claims? service|mcol)\b/,
    /\b(?:claim|claims|case|action|proceedings) against (?:you|your (?:company|shop|business|firm|store))\b/,
    /\b(?:to|will|would|could|might|can|shall|gonna|i'll|i'd|then|and) sue\b/, /\bsu(?:e|ing|ed) (?:you|your|the (?:shop|company|business)|them)\b/,
    /\b(?:lawsuit|law suit|class action|group action|collective action|injunction|legal (?:action|proceedings|steps|route|recourse|channels|claim|case|measures))\b/,
    /\b(?:a|the) (?:district |county |circuit |small[- ]claims )?judge\b/, /\bbailiffs?\b/, /\bpress charges\b/,
    /\btribuna(?:l|ux)\b/, /\b(?:en justice|(?:a|devant|saisir) la justice|le juge|un juge|au juge|juge de proximite|juridictions?|judiciaires?|judiciairement)\b/,
    /\bproces\b(?![- ]verba)/, /\b(?:huissiers?|commissaire de justice|injonction|en refere|assignation|assigner en justice|vous assigner)\b/,
    /\b(?:poursuites|poursuite judiciaire)\b/, /\b(?:vous |la boutique |votre (?:societe|entreprise|boutique) )?poursuivre en justice\b/,
    /\baction (?:de groupe|collective|en justice)\b/,
    /\b(?:porter|porte|porterai|porterons|deposer|depose|deposerai|portons) (?:une )?plainte contre\b/),
  // a lawyer acting for the writer: theirs, consulted, or their letter
  ...proc('lawyer',
    /\b(?:my|our) (?:own )?(?:lawyer|solicitor|attorney|barrister|legal (?:team|adviser|advisor|counsel|representative|department|insurance|expenses (?:insurance|cover)))s?\b/,
    new RegExp(String.raw`\b(?:contact|consult|call|ring|see|speak (?:to|with)|talk (?:to|with)|instruct|hire|get|involve|bring in|go to|ask|pass (?:this|it) (?:on )?to|hand (?:this|it) (?:over )?to|forward (?:this|it) to)\b ${GAP_EN}(?:lawyer|solicitor|attorney|legal adviser|legal advisor)s?\b`),
    /\b(?:lawyer|solicitor|attorney)(?:'s|s') letter\b/, /\bletter from (?:my|a|our) (?:lawyer|solicitor|attorney)\b/, /\blegal (?:advice|counsel|aid)\b/,
    /\b(?:mon|notre|nos|mes) (?:propre )?(?:avocate?s?|conseil juridique|juriste|service juridique|assurance (?:protection )?juridique|protection juridique)\b/,
    new RegExp(String.raw`\b(?:(?:consult|contact|mandat)\w*|prendre|pris|prends|saisir|saisi|saisirai|appeler|appele|appellerai|voir|vu|passer par|passe par|(?:transmettre|transmis|confier|confie) (?:a|au)|fai\w* appel a|m'adresser a|m'adresserai a)\b ${GAP_FR}(?:avocate?|avocats|juriste)\b`),
    /\b(?:lettre|courrier|cabinet) d'avocats?\b/, /\b(?:par (?:voie d')?avocat|conseil juridique|assistance juridique|protection juridique|aide juridictionnelle)\b/),
  // a formal notice: the legal letter that opens a procedure
  ...proc('formal_notice',
    /\b(?:formal (?:notice|demand|complaint|letter of (?:complaint|claim))|letter (?:before|of) (?:action|claim|demand)|notice before action|cease and desist|demand letter)\b/,
    /\ben demeure\b/, /\b(?:lettre|courrier) (?:de )?mise en demeure\b/, /\bsommation\b/),
  // an authority or a mediator the writer takes the case to
  ...proc('authority',
    /\b(?:trading standards|ombudsman|ombudsmen|citizens advice|consumer (?:protection|rights|affairs) (?:authority|agency|office|body|bureau|organisation|organization|association|service)|consumer (?:watchdog|council|association|organisation|organization|ombudsman)|better business bureau|consumer advi[sc]ers?|attorney general|(?:alternative )?dispute resolution)\b/,
    /\b(?:report|reporting|reported) (?:you|your (?:shop|company|business|site|website)|this|the shop|the company) to (?:the )?(?:authorities|police|regulator|trading standards|consumer)/,
    /\b(?:dgccrf|repression des fraudes|signal ?conso|ufc[- ]?que[- ]?choisir|60 millions de consommateurs|associations? de (?:defense des )?consommateurs|protection des consommateurs|direction (?:departementale )?de la protection des populations|ddpp)\b/,
    /\b(?:conciliat(?:eur|rice|ion)s?|mediat(?:eur|rice|ion)s?|mediator|mediation)\b/,
    /\b(?:signaler|signalerai|denoncer|denoncerai|rapporter) (?:votre (?:site|societe|entreprise|boutique|comportement)|vous|la boutique|ce site) (?:a|aux|au|aupres)\b/),
  // the statute invoked against the shop
  ...proc('statute',
    /\b(?:code de la consommation|code civil|consumer rights act|consumer contracts regulations|consumer credit act|sale of goods act|my statutory rights|(?:eu|uk|french|european) consumer law)\b/,
    /\barticles? [lr]\.? ?\d{3}-\d/, /\barticles? [lr]\.? ?\d{3}\b.{0,40}\bcode\b/,
    /\b(?:au titre de|en application de|conformement a|en vertu de|j'invoque|je fais valoir|faire valoir|je me prevaux de) (?:la |ma |l')?garantie legale\b/,
    /\b(?:under|invoke|invoking|according to) (?:the |my )?(?:legal guarantee|statutory (?:rights|guarantee|warranty)|consumer (?:law|rights))\b/),
  // ES, IT, DE, PT, NL: a lawyer counts with an act of theirs in the same sentence (a letter, the file, a claim, contact
  // taken: "mijn advocaat stuurt u een aangetekende brief"), never alone ("o meu advogado trata da minha contabilidade");
  // legal-aid insurance handed the case, a court, a claim, a formal notice, a consumer body, legal steps
  ...proc('lawyer',
    /\b((?:mi|nuestro|nuestra|el) abogad[oa])\b[^.?!]{0,60}\b(carta|burofax|demanda|el caso|este caso|expediente|contact\w+|reclamacion|acciones|se encarga(?:ra)? del asunto)\b/,
    /\b((?:il mio|la mia|nostro|nostra) avvocat[oa])\b[^.?!]{0,60}\b(lettera|diffida|pratica|causa|il caso|questo caso|contatt\w+|si occupa\w* (?:del caso|della pratica|della questione))\b/,
    /\b((?:mein(?:em|en)?|unser(?:em|en)?|meine) (?:rechts)?anwalt(?:in)?)\b[^.?!]{0,60}\b(schreiben|brief|den fall|akte|kontakt\w*|melden|meldet|klage|schritte|ubernimmt|ubergeben|eingeschaltet)\b/,
    /\b((?:o meu|a minha|nosso|nossa) advogad[oa])\b[^.?!]{0,60}\b(carta|notificacao|processo|o caso|este caso|contact\w+|entrar em contato|acionar|tratar (?:do caso|disto|do assunto))\b/,
    /\b((?:mijn|m'n|onze) advocaat)\b[^.?!]{0,60}\b(brief|dossier|zaak|contact|stuurt|sturen|stappen|neemt|in handen|ingebrekestelling|dagvaarding)\b/,
    /\b(?:rechtsbijstand\w*|rechtsschutzversicherung|seguro de (?:defensa|proteccion) juridica|tutela legale|protecao juridica)\b/,
    /\b(?:(?:contactar|consultar|llamar a|hablar con) (?:un|mi) abogado|(?:contattare|consultare|sentire|rivolgermi a) (?:un|il mio) avvocato|(?:einen|meinen) (?:rechts)?anwalt (?:einschalten|beauftragen|kontaktieren|nehmen)|(?:contratar|consultar|falar com) (?:um|o meu) advogado|(?:een|mijn) advocaat (?:inschakelen|in de arm nemen|raadplegen|nemen))\b/),
  ...proc('court',
    /\b(?:naar de rechter|voor de rechter|rechtszaak|dagvaard\w+|kantonrechter|juridische stappen)\b/,
    /\b(?:vor (?:das |dem )?gericht|vors gericht|gerichtlich\w*|verklagen|klage (?:einreichen|erheben)|rechtliche schritte|mahnbescheid)\b/,
    /\b(?:demandar(?:os|les|le)?|os (?:voy a )?demand(?:o|are)|poner una demanda|acciones legales|via judicial|juzgado|llevaros a juicio|ir a juicio)\b/,
    /\b(?:vie legali|azioni legali|causa (?:contro|legale)|vi (?:denuncio|faccio causa)|denuncia contro|giudice di pace|tribunale)\b/,
    /\b(?:processar (?:voces|a (?:empresa|loja))|acao judicial|medidas judiciais|(?:recorrer|recorrerei|vou recorrer) a justica|entrar na justica)\b/),
  ...proc('formal_notice',
    /\b(?:ingebrekestelling|abmahnung|burofax|diffida|messa in mora|notificacao extrajudicial)\b/),
  ...proc('authority',
    /\b(?:geschillencommissie|consumentenbond|verbraucherzentrale|schlichtungsstelle|omic|oficina (?:municipal )?(?:de|del) consum\w+|hoja de reclamaciones|codacons|altroconsumo|associazion[ei] (?:dei )?consumatori|procon|deco proteste|livro de reclamacoes)\b/),
];

/** A negator in the clause before the procedure. */
const NEGATOR = /\b(?:niet|nicht|kein|keine|geen|nao|nunca|nie|not|no|never|don't|dont|doesn't|didn't|isn't|won't|wont|wouldn't|am not|i'm not|n'|ne|pas|jamais|aucun|aucune|nor|ni|neither|nothing|rien|without|sans)\b|n't\b/;
/**
 * Words that keep a negated procedure in view: a wish to avoid it, a condition, a delay ("I don't want to go to
 * court", "sans passer par le tribunal", "not yet", "sinon", "unless", "je préfère éviter").
 */
const KEPT_IN_VIEW = new RegExp([
  String.raw`\b(?:want|wants|wanted|wish|like|rather|hope|hoping|prefer|hate|avoid|avoiding|end up|ending up|come to|have to|force|forced|make me|oblige|obliged|yet|for now|for the moment|at this stage|before|until|till|unless|otherwise|or else|if|without|still|hesitate|hesitation|think twice)\b`,
  String.raw`\b(?:quiero|querria|prefiero|todavia|sin|antes|a menos|voglio|vorrei|preferisco|ancora|senza|prima|will|mochte|lieber|noch|wenn|falls|ohne|bevor|quero|queria|prefiro|ainda|sem|wil|liever|nog|als|tenzij|zonder)\b`,
  String.raw`\b(?:veux|voudrais|voulais|souhaite|souhaiterais|aimerais|prefere|preferais|prefererais|espere|eviter|evitons|en arriver|en venir|oblige|obligee|obligez|contraint|contrainte|forcer|force|encore|pour l'instant|pour le moment|a ce stade|avant|jusqu'a|a moins|sinon|faute de|a defaut|si|s'il|sans|hesiter|hesiterai|hesiterais|hesiterons|hesitation)\b`,
].join('|'));
/** Where a clause ends: what a negation before it no longer governs. */
const CLAUSE_END = /[,;:()]|\b(?:but|mais|and|et|because|car|parce que|so|donc|alors)\b/g;
/** Words a negation reaches forward ("don't want to have to go to court"). */
const SCOPE = 6;

/** The few words of the same clause just before the procedure: where a negation of it stands. */
function scopeBefore(sentence: string, index: number): string {
  const before = sentence.slice(0, index);
  let start = 0;
  for (const m of before.matchAll(CLAUSE_END)) start = m.index! + m[0].length;
  return before.slice(start).trim().split(/\s+/).slice(-SCOPE).join(' ');
}

/** The first legal procedure the text names against the shop (subject and new text), or null. */
export function findLegalProcedure(text: string): ProcedureHit | null {
  for (const raw of sentences(text)) {
    const s = fold(raw);
    for (const { kind, re } of PROCEDURES) {
      const m = re.exec(s);
      if (!m) continue;
      const negated = NEGATOR.test(scopeBefore(s, m.index));
      const veiled = negated && KEPT_IN_VIEW.test(s.slice(0, m.index));
      if (negated && !veiled) continue; // a denial: "je ne porte pas plainte contre vous", "not taking you to court"
      // a pattern with a gap between the lawyer and their act names only those two (the gap may hold a name or a place)
      const phrase = m.length > 1 ? m.slice(1).filter(Boolean).join(' … ') : m[0].trim();
      return { kind, phrase, veiled };
    }
  }
  return null;
}
