/**
 * Unsolicited mail without list headers: cold sales pitches (SEO, lead generation, cheaper shipping, energy audits,
 * partnerships: "I came across your shop"), junk (crypto, prizes, loans) and bulk newsletters sent without
 * List-* headers. Scored by families of cues, each counted once: an opener that discovers the shop, a "we help"
 * offer, a promised gain, a call or a free audit to book, an opt-out line, a sales title, "if you're not the right
 * person"... Three families make a pitch; one phrase never does. The caller checks first that the text is not a
 * customer's (customer-voice.ts).
 */
import { unicodeWordsTest } from './word-boundary';

interface Family {
  name: string;
  res: RegExp[];
}

/** A family's patterns as tests over Unicode words (with a fast first pass: word-boundary.ts). */
interface Tests { name: string; tests: ((text: string) => boolean)[] }

const withUnicodeWords = (f: Family): Tests => ({ name: f.name, tests: f.res.map(unicodeWordsTest) });

const PITCH_FAMILIES: Family[] = [
  { name: 'discovery_opener', res: [
    // an audit of the reader's site the sender did unasked: "en analysant votre site, j'ai relevé plusieurs problèmes"
    /\ben (?:analysant|parcourant|visitant|auditant|testant) (?:votre (?:site|boutique|e-?shop)|[a-z0-9-]+\.[a-z]{2,}\b)|\b(?:j['’]ai|nous avons) (?:relevé|identifié|détecté|repéré) (?:plusieurs|quelques|des|trois|deux|\d+) (?:problèmes|erreurs|points|failles|soucis|anomalies)\b|\b(?:i|we) (?:found|spotted|identified|detected) (?:several|a few|some|a couple of|\d+|three|two) (?:issues|errors|problems|broken links)\b/iu,
    /\bje suis (?:une? )?(?:consultante?|développeu(?:r|se)|graphiste|rédact(?:eur|rice)|photographe|designer|traduct(?:eur|rice))(?: [\p{L}-]+){0,2} (?:indépendante?|freelance)\b|\bi(?:['’]m| am) (?:a |an )?(?:freelance|independent) [\p{L}-]+(?: [\p{L}-]+)?\b/iu,
    // the sender introduced by a trade: "je suis créatrice de contenu", "I'm a freelance photographer"
    /\b(?:je suis|i['’]m|i am) (?:une? |an? )?(?:créat(?:eur|rice) de contenu|influenceu(?:r|se)|photographe|vidéaste|content creator|influencer|(?:freelance |independent )?(?:photographer|videographer|copywriter|web designer)|ugc creator)\b/iu,
    /\b(?:i|we) (?:came across|found|stumbled (?:up)?on|was (?:looking at|checking|browsing|on)|were (?:looking at|checking|browsing)|noticed|visited|have been following)\b[^.!?\n]{0,20}(?:\byour\b|\b[a-z0-9-]+\.[a-z]{2,}\b)/i,
    /\b(?:i|we) (?:noticed|saw|see|had a (?:quick )?look at|looked at|checked|spotted)\b[^.!?\n]{0,30}\b(?:you|your)\b|\b(?:j['’]ai|nous avons) (?:remarqué|vu|constaté|jeté un œil)\b[^.!?\n]{0,30}\b(?:vous|votre|vos)\b/i,
    /\bje suis tombée? sur votre\b|\b(?:j['’]ai|nous avons) (?:découvert|remarqué|visité|consulté|parcouru) votre (?:site|boutique|e-?shop|marque)\b|\ben (?:parcourant|visitant) votre (?:site|boutique)\b/i,
    /\b(?:[Ii]['’]m|I am|[Tt]his is|[Mm]y name is|[Jj]e m['’]appelle|[Jj]e suis) \p{Lu}[\p{L}-]+,? (?:from|with|at|de|d['’]|chez|fondat(?:eur|rice) de|founder of|ceo of) \p{Lu}/u,
    /\b(?:[Ii]['’]m|I am|[Mm]y name is|[Jj]e m['’]appelle|[Jj]e suis) \p{Lu}[\p{L}-]+,? (?:an? |une? )?(?:content|créat(?:eur|rice) de contenu|influenc|blog|photograph|photographe|(?:lifestyle |food |home |travel )?creator|vidéaste|videographer|founder|fondat|ceo|consultant|freelance|designer|market|developer|développeu|growth|account manager|sales|editor|rédact|journalist|seo|partnership|business develop|chargée? de)/u,
    /\b(?:i hope this (?:e-?mail|message|note) finds you well|quick question (?:about|for) (?:your (?:website|site|shop|store|brand|business|team)|[a-z0-9-]+\.[a-z]{2,}\b))/i,
  ] },
  { name: 'we_offer', res: [
    // the neighbours' languages (DE, ES, IT, NL): "wir helfen Online-Shops", "ayudamos a tiendas", "aiutiamo i negozi"
    /\b(?:wir (?:helfen|unterstützen|bieten|begleiten|entwickeln|sind (?:eine?|ein) (?:[\p{L}-]+ )?(?:agentur|team|plattform|hersteller|anbieter|dienstleister))|unsere (?:agentur|plattform|lösung|software|experten)|ayudamos|ofrecemos|somos una (?:[\p{L}-]+ )?(?:agencia|empresa|plataforma|consultora)|nuestra (?:agencia|plataforma|solución|empresa)|aiutiamo|offriamo|siamo un['’ ]?(?:[\p{L}-]+ )?(?:agenzia|azienda|piattaforma|team)|la nostra (?:agenzia|piattaforma|soluzione|azienda)|(?:wij|we) (?:helpen|bieden|ondersteunen)|(?:wij|we) zijn een (?:[\p{L}-]+ )?(?:bureau|platform|team))\b/iu,
    /\bwe are an? (?:[\w-]+ ){0,4}(?:factory|manufacturer|supplier|agency|studio|wholesaler|distributor|exporter|consultancy|start-?up|platform)\b|\b(?:nous sommes|je suis) (?:une?|des) (?:[\p{L}-]+ ){0,4}(?:usine|fabricant|fournisseur|agence|grossiste|distributeur|exportateur|cabinet|plateforme)\b/iu,
    /\bwe (?:help|work with|specialise|specialize|partner with|provide|offer|are (?:a|an) (?:leading |professional |reliable |certified )?(?:team|agency|company|manufacturer|supplier|factory|wholesaler|firm|platform))\b|\bwe are a team of\b/i,
    /\bnous (?:aidons|accompagnons|proposons|sommes (?:une?|des) (?:équipe|agence|cabinet|société|entreprise|spécialistes|experts|fabricant|fournisseur|prestataire|startup|start-up|plateforme|studio))\b|\b(?:je suis|nous sommes) (?:une? )?[a-zà-ÿ-]+ spécialisée?s? (?:dans|en)\b|\bje vous propose (?:une?|de) (?:séance|audit|essai|devis|rendez-vous|partenariat|collaboration|échange|accompagnement)|\bnos experts\b|\bnotre (?:agence|solution|plateforme|cabinet|équipe d['’]experts)\b/i,
    /\bour (?:agency|team|company|platform|solution|experts?|service|tool|software)s? (?:helps?|can|will|has helped|specialises|specializes)\b/i,
    // what the sender made or sells, said of the sender's firm: "we've built a tool that…", "notre société fabrique…"
    /\bje (?:traduis|rédige|réalise|photographie|filme|code|dessine|illustre|forme|conçois|crée|développe|retouche|tourne)\b|\b(?:notre|mon) (?:assistant|outil|logiciel|application|module|service|offre|studio|équipe)\b(?! (?:client|clientèle))|\bour (?:assistant|tool|software|app|product|service|offer|studio)\b|\bwe (?:design|run|handle|make|print|manufacture|translate|write|shoot)\b[^.!?\n]{0,60}\b(?:for|pour)\b/i,
    /\bwe [a-z]+ [^.!?\n]{0,60}\bfor (?:\w+ ){0,2}(?:brands|shops|stores|retailers|e-?tailers|merchants|sellers|clients)\b|\b(?:nous|notre (?:cabinet|agence|société|équipe)) [\p{L}]+ [^.!?\n]{0,60}\bpour (?:les|des) (?:[\p{L}-]+ ){0,2}(?:marques|boutiques|enseignes|e-?commerçants|commerçants|vendeurs|clients)\b/iu,
    /\bwe(?:['’]ve| have) (?:built|developed|created|launched|designed) (?:a|an|the) (?:\w+ )?(?:tool|platform|app|solution|software|service|plugin|extension|integration)\b|\b(?:our|my) (?:company|firm|factory|studio) (?:makes|manufactures|produces|designs|supplies|distributes)\b/i,
    // what the sender does for a living, said in the present: "we fix…", "I shoot…", "je réalise…", "nous générons…"
    /\b(?:we|i) (?:fix|build|negotiate|generate|create|design|offer|provide|deliver|collect|produce|shoot|photograph|develop|optimi[sz]e|automate|source|supply|craft|install)\b|\b(?:we|i) can (?:help|fix|get you|boost|improve|take care of|handle|double|cut)\b|\b(?:my|our) (?:rates|media kit|portfolio|case stud(?:y|ies)|pricing|price list)\b/i,
    /\b(?:je|nous) (?:réalise|réalisons|crée|créons|conçois|concevons|accompagne|accompagnons|génère|générons|négocie|négocions|optimise|optimisons|développe|développons|photographie|photographions|rédige|rédigeons|fabrique|fabriquons|installe|installons)\b|\b(?:nous pouvons|je peux) (?:y remédier|vous aider|améliorer|booster|doubler|réduire|prendre en charge)\b|\b(?:mes|nos) (?:tarifs|réalisations|prestations)\b|\bmon (?:book|portfolio|kit média|media kit)\b/i,
    /\bnous (?:vous )?(?:proposons|offrons)\b|\bnous avons (?:développé|créé|conçu|lancé) (?:un|une) (?:\w+ )?(?:outil|plateforme|application|solution|logiciel|service|module)\b|\b(?:notre|ma) (?:société|entreprise|maison|manufacture|usine|start-?up) (?:fabrique|produit|conçoit|distribue|propose|commercialise)\b/i,
  ] },
  { name: 'promised_gain', res: [
    /\b\d+ ?(?:à|to|-|–) ?\d+ ?% (?:trop cher|too much|more than (?:they|you) should|de trop)\b|\breach (?:over |more than )?\d+(?:[.,]\d+)? ?(?:million|k|000)\b[^.!?\n]{0,20}\b(?:candidates|customers|buyers|shoppers|visitors|readers|followers)\b/iu,
    /\b(?:steiger\w*|erhöh\w*|verdoppel\w*|senk\w*|aumenta\w*|duplica\w*|reduc\w*|raddoppia\w*|ridur\w*|verhog\w*|verdubbel\w*)\b[^.!?\n]{0,30}\b(?:umsatz|umsätze|verkäufe|kosten|sichtbarkeit|ventas|tráfico|costes|visibilidad|vendite|traffico|costi|visibilità|omzet|verkoop|kosten|zichtbaarheid)\b/iu,
    /\b(?:increase|boost|grow|double|triple|improve|reduce|cut|lower|save on|skyrocket)\b[^.!?\n]{0,30}\b(?:sales|traffic|revenue|conversions?|costs?|fees|leads|visibility|rankings?|followers|margins?|bills?)\b/i,
    /\b(?:augmenter|augmentent|booster|doubler|tripler|améliorer|réduire|réduisent|diminuer|diminuent|baisser|baissent|économiser sur|économisent sur)\b[^.!?\n]{0,30}\b(?:ventes|trafic|chiffre d['’]affaires|conversions?|coûts|frais|factures|visibilité|référencement|marges?|abonnés)\b/i,
    /\b(?:up to|jusqu['’](?:à|a)) -?\d+ ?%|\b\d+(?:-\d+)? ?% (?:more|de plus|in (?:six|three|\d+) months)\b/i,
    /\bsave (?:you |your (?:team|staff|business) )?(?:hours|time|money|days|a fortune)\b|\b(?:vous )?faire gagner (?:du temps|des heures|de l['’]argent)\b|\btarifs? (?:préférentiels?|dégressifs?|de lancement)\b|\b(?:preferential|introductory) (?:rates?|prices?|pricing)\b/i,
    /\b(?:first|1st|top) (?:page|position|rank(?:ing)?)s?\b|\bpage (?:1|one|un)\b|\bpremière page\b|\bpremiers résultats\b|\b(?:first|top) (?:search )?results\b|\brank (?:in|on|#?1)\b|\bSEO\b|\bréférencement (?:naturel|google)\b|\bback ?links?\b|\bguest posts?\b|\bdomain authority\b|\borganic traffic\b|\blead generation\b/i,
  ] },
  { name: 'meeting_request', res: [
    /\b(?:je peux|puis-je|pourrais-je|can i|may i|could i) (?:vous )?(?:rappeler|appeler|téléphoner|call you|give you a (?:quick )?call|ring you)\b/iu,
    /\b\d+ (?:minuten|minutos|minuti)\b|\b(?:kurze[ns]?|kleines?) (?:gespräch|telefonat|austausch|call)\b|\bhätten sie (?:nächste woche |diese woche |kurz )?zeit\b|\b(?:una )?(?:breve|rápida|pequeña) (?:llamada|reunión|chiamata|videochiamata)\b|\b(?:een )?kort (?:gesprek|belletje|telefoontje)\b|\b(?:haben sie|hätten sie) interesse\b|\b(?:le interesa|le interesaría|le andrebbe|sarebbe interessat[oa])\b/iu,
    /\b(?:quick|short|brief) (?:call|chat|demo)\b|\b\d+[- ]?min(?:ute)?s? (?:call|chat|demo|meeting)\b|\b(?:book|schedule|hop on) a (?:call|demo|meeting)\b/i,
    /\b(?:would|are) you (?:be )?(?:open to|interested in|available for)\b|^\s*interested\b[^.\n]{0,40}\?|\b(?:happy to (?:chat|discuss|jump on a call|set up a call|walk you through)|let me know (?:if|when) you(?:['’]re| are) (?:free|available|interested))\b/im,
    /(?:^|[.!]\s*)intéressée?s? ?\?/im,
    /\b(?:ravie? d['’]en (?:discuter|parler|échanger)|dites-moi si (?:vous êtes|cela vous) (?:intéress|disponible)|cela vous intéresse(?:rait)?)\b/i,
    /\b(?:would you like (?:me|us) to (?:send|share|show)|(?:free|available) (?:to|for) (?:a )?(?:quick )?(?:chat|call|talk)|just (?:hit )?reply|simply reply|voulez-vous que (?:je|nous)|souhaitez-vous (?:recevoir|que je|que nous)|il suffit de (?:me|nous) répondre|je vous propose (?:lundi|mardi|mercredi|jeudi|vendredi|un créneau|une date|un rendez-vous|un appel)|on vous (?:montre|présente)|(?:en|in) \d+ minutes)\b/i,
    /\b(?:worth a (?:look|chat|call|try)|can i (?:send|share|show)|shall i (?:send|share)|may i (?:send|share)|would it make sense|open to (?:a|an|exploring|chatting|hearing|trying)|let me know what you think|happy to (?:share|send|show|walk)|(?:a|an) (?:quick|short|brief|free) (?:call|chat|demo|video|audit)|(?:one|two|three|five|ten|\d+)[- ]?min(?:ute)?s?\b[^.!?\n]{0,20}\b(?:call|chat|demo|video|walkthrough))\b/i,
    /\b(?:je serais (?:ravie?|heureux|heureuse) de vous (?:envoyer|présenter|montrer|proposer|rencontrer)|puis-je vous (?:envoyer|proposer|présenter)|quand seriez-vous disponibles?|un échange de \d+|(?:un|une) (?:court|bref|rapide|petit) (?:échange|appel|rendez-vous|point)|(?:pour|afin d['’]) en (?:parler|discuter|échanger))\b/i,
    /\b(?:seriez|êtes)-vous (?:disponibles?|intéressée?s?|ouverte?s?)\b|\bun (?:échange|appel|rendez-vous|rdv) (?:de \d+|téléphonique|rapide)\b|\b\d+ minutes (?:cette|la semaine)\b|\bprendre (?:un )?rendez-vous\b/i,
  ] },
  { name: 'free_offer', res: [
    /\bno (?:minimum |long-term |fixed )?(?:contract|commitment|tie-in)\b|\bsans (?:contrat|durée) minim(?:um|ale)\b|\bsans engagement de durée\b/i,
    /\b(?:gratuitement|free of charge|kostenlos|unverbindlich|gratis|gratuitamente|sin compromiso|senza impegno|vrijblijvend)\b|\b(?:first|premier|première) (?:listing|post|ad|annonce|offre d['’]emploi)s?\b[^.!?\n]{0,30}\b(?:free|gratuite?s?|offerte?s?)\b/iu,
    /\bfree (?:audit|trial|quote|consultation|sample|demo|analysis|video|report|strategy)\b|\b(?:audit|essai|devis|diagnostic|rappel|échantillon|bilan)s? (?:gratuits?|offerts?)\b/i,
    /\bsans engagement\b|\bno (?:commitment|obligation|strings attached)\b|\b100 ?% (?:financée?|gratuit|free|funded)\b|\b0 ?% (?:commission|fees|de commission|frais)\b/i,
    /\bfree (?:mock-?up|design|trial|sample|listing|month|consultation|video|walkthrough|sample pack)s?\b|\btotally free\b|\b(?:premier|first) (?:lot|batch|order|mois|month)[^.!?\n]{0,30}\b(?:offert|free|gratuit)\b|\b(?:maquette|mise en avant|essai|séance|session|shooting|test|démo|démonstration) (?:test )?(?:gratuite?|offerte?)\b/i,
    /\breply (?:with )?["“«]?\s?yes\b|\brépondez (?:simplement )?(?:par )?["“«]?\s?oui\b/i,
  ] },
  { name: 'opt_out_line', res: [
    /\breply ["“«]?\s?(?:stop|unsubscribe|remove|no)\b|\brépondez ["“«]?\s?stop\b/i,
    /\b(?:si vous ne souhaitez plus|pour ne plus recevoir|if you(?:['’]d| would)? (?:rather not|prefer not to|no longer wish to) (?:hear|receive)|if you don['’]t want (?:to hear|me to (?:follow up|reach out)))\b/i,
    /\bto (?:unsubscribe|opt out)\b|\bpour vous désinscrire\b/i,
  ] },
  { name: 'sales_title', res: [
    /\b(?:growth (?:specialist|consultant|lead|manager|hacker|partner)|business development|account (?:executive|manager)|sales (?:manager|director|representative|executive)|partnerships? (?:manager|lead|director)|partner manager|key account manager|head of (?:growth|sales|partnerships))\b/i,
    /\b(?:responsable (?:grands comptes|commercial|des partenariats|développement commercial)|chargée? d['’]affaires|conseill(?:er|ère) (?:énergie|commercial|entreprises?|en (?:énergie|financement|recrutement))|chargée? (?:de |des )?partenariats?|ingénieur commercial|directeur commercial|directrice commerciale)\b/i,
  ] },
  { name: 'wrong_person', res: [
    /\bif you(?:['’]re| are) not the right person\b|\bpoint me to (?:whoever|the right person|someone)\b|\bwho (?:handles|is in charge of) (?:marketing|partnerships|purchasing|seo)\b|\b(?:la bonne personne|qui s['’]occupe (?:du marketing|des achats|des partenariats))\b/i,
  ] },
  { name: 'partnership', res: [
    /\b(?:list|sell|feature) your products on (?:our|a) (?:marketplace|platform|site)\b|\b(?:référencer|référencez|vendre|vendez|mettre en avant|listez) vos produits sur (?:notre|une) (?:marketplace|plateforme|place de marché)\b|\bin exchange for (?:free )?(?:products?|samples?|a (?:free )?product|an? (?:reel|post|story|video|review|shout-?out))\b|\ben échange (?:de|d['’]un) (?:produits?|échantillons?)\b|\b\d+[kK]? (?:followers|abonnés)\b|\bcollaborat(?:e|ion)\b|\bcollaborer\b/i,
    /\b(?:partnership|collaboration opportunit|partenariat|influenc(?:er|euse|eur)s?|affiliate program|programme d['’]affiliation|sponsored (?:posts?|content|articles?|episodes?|slots?|mentions?)|sponsorisée?s?|white[- ]label|marque blanche|dropshipping|wholesale prices?|prix de gros)\b/i,
  ] },
  { name: 'about_your_business', res: [
    /\b(?:for|to|pour|aux|des) (?:e-?commerce |online |ecommerce )?(?:warehouses|fulfil?ment centres|fulfil?ment centers|entrepôts e-?commerce|e-?commerce (?:warehouses|businesses|teams)|online sellers)\b/i,
    /\b(?:online-?shops?|shops|händler|marken) wie (?:ihre[mnrs]?|deine[mnrs]?)\b|\bihre[nms]? (?:shop|online-?shop|website|webseite|marke|umsatz|produkte)\b|\b(?:tiendas|marcas|negocios) como la suya\b|\bsu (?:tienda|web|sitio web|marca|negocio)\b|\b(?:negozi|marchi|aziende) come il suo\b|\bil suo (?:negozio|sito|brand|e-?commerce)\b|\b(?:webshops?|winkels|merken) zoals de uwe\b|\buw (?:webshop|website|winkel|merk)\b/iu,
    /\byour (?:site|website|web ?shop|store|e-?shop|online (?:store|shop)|brand|business|inbox|listings?|rankings?|return rate|checkout|conversion|traffic|shipping (?:costs?|rates?)|logistics|marketing|seo|social media)\b|\b(?:small |online |e-?commerce |independent )(?:brands|shops|stores|retailers|businesses|merchants)\b/i,
    /\b(?:for|with) (?:\w+ )?(?:brands|shops|stores|retailers|businesses|merchants|e-?tailers)\b|\b(?:des|aux|les) (?:e-?commerçants|commerçants|marques|boutiques)\b/i,
    /\bvotre (?:site|boutique|e-?shop|marque|positionnement|visibilité|référencement|taux de retour|logistique|trafic)\b|\b(?:pour|avec) (?:les|des) (?:marques|boutiques|enseignes|e-?commerçants|créateurs|artisans|commerçants)\b|\bboutiques en ligne\b/i,
    /\b(?:brands|shops|stores|companies|businesses|retailers) like yours\b|\b(?:des )?(?:marques|boutiques|entreprises|enseignes) comme la vôtre\b|\b(?:spent|spending) (?:\w+ )?(?:minutes|time) on your (?:site|website|store|shop)\b|\b(?:costing|cost) you (?:sales|customers|money|orders)\b|\bvos fiches produits\b|\byour (?:product (?:pages|listings|descriptions)|listings|checkout|conversion rate)\b/i,
  ] },
  { name: 'offer_of_service', res: [
    /\b(?:our |my )?(?:rates|prices|pricing|fees) (?:start|starting) (?:at|from)\b|\b(?:nos |mes )?(?:tarifs|prix) (?:à partir de|démarrent à|dès)\b|\bpour un tarif (?:fixe|forfaitaire|unique)\b|\bfor a (?:fixed|flat|one-off) (?:fee|price|rate)\b/i,
    /\bhappy to (?:send|share|show) (?:you |over )?(?:a |the |some )?(?:demo|deck|examples?|samples?|case stud(?:y|ies)|portfolio|catalogue|catalog|price list)\b|\b(?:demander|recevoir|découvrir) notre (?:catalogue|brochure|plaquette|grille tarifaire)\b|\b(?:request|ask for|see) our (?:catalogue|catalog|brochure|price list|portfolio)\b/i,
    /\b(?:OEM|ODM|private label|MOQ|minimum order quantity|marque blanche)\b|\b(?:catalogue|catalog|price list|brochure|grille tarifaire|tarifs)\b[^.!?\n]{0,30}\b(?:attached|enclosed|ci-joints?e?s?|en pièce jointe)\b/i,
    /\b(?:want me to|can i send you|shall i send you|voulez-vous que je|puis-je vous envoyer)\b|\b(?:tarifs?|prices?|pricing|devis) (?:sur demande|on request)\b|\b(?:traductrice|traducteur|rédactrice|rédacteur|consultante?|graphiste|développeuse|développeur) (?:indépendante?|freelance)\b|\blow (?:minimums|moq|minimum order)\b/i,
  ] },
  { name: 'social_proof', res: [
    /\b(?:unsere kunden|nuestros clientes|i nostri clienti|onze klanten)\b[^.!?\n]{0,40}\b(?:steiger\w*|spar\w*|erziel\w*|aumenta\w*|ahorra\w*|risparmia\w*|besparen|verhog\w*|\d+ ?%)|\bim (?:schnitt|durchschnitt)\b[^.!?\n]{0,30}\d|\b(?:de media|en promedio|in media|gemiddeld)\b[^.!?\n]{0,30}\d/iu,
    /\b(?:most|many|all|our|other) (?:of (?:them|our clients|our customers)|stores|shops|brands|clients|customers|merchants|retailers|users)(?: using us)?\b[^.!?\n]{0,30}\b(?:see|save|saw|get|got|average|increase|grow|grew|sign|double|cut)\b|\b(?:shops|stores|brands|clients) using (?:us|our)\b|\b(?:on )?average\b[^.!?\n]{0,20}\d|\bresults in (?:a|one|two|\d+) (?:week|days?|months?)\b/i,
    /\b\d+\+? (?:years|ans) (?:of |d['’])?(?:(?:export|industry|manufacturing) )?(?:experience|expérience|expertise)\b|\b(?:trusted by|used by|utilisée? par) (?:over |more than |plus de )?\d/i,
    /\b(?:nos|mes) clients (?:signent|économisent|gagnent|voient|constatent|obtiennent|réduisent|augmentent|doublent)\b|\ben moyenne\b[^.!?\n]{0,30}\d|\b\d+ ?(?:x|%) (?:more|de plus|fewer|less|de moins)\b/i,
  ] },
  { name: 'follow_up_bump', res: [
    /\b(?:bumping|floating) this\b|\b(?:following|circling) (?:up|back) on my (?:previous|last|earlier) (?:e-?mail|note|message)\b|\bdid you (?:get|have) a chance to (?:look|read|review|consider)\b|\bje (?:me permets de )?(?:vous )?relance\b|\bsuite à mon (?:précédent|dernier) (?:message|mail|e-?mail)\b|\bje reviens vers vous (?:concernant|au sujet de) ma proposition\b/i,
  ] },
  { name: 'cold_greeting', res: [
    /^\s*dear (?:website|business|shop|store) owner\b|\bmadame, monsieur le (?:propriétaire|responsable du site)\b/im,
  ] },
];

/** Scams and junk, each its own family as before: crypto, prizes, loans, pills. */
const JUNK_FAMILIES: Family[] = [
  { name: 'crypto', res: [/\b(?:crypto(?:currency)?|bitcoin|btc|forex|binary options|investment opportunit(?:y|ies)|double your (?:money|investment)|passive income)\b/i] },
  { name: 'prize', res: [/\b(?:you have won|you('ve| have) been selected|claim your (?:prize|reward)|lottery|inheritance|beneficiary|next of kin)\b/i] },
  { name: 'guarantee', res: [/\b(?:guarantee[ds]?|garanti[es]*)\b.{0,40}\b(?:ranking|results|traffic|first page|page 1|profit|return)/i] },
  { name: 'act_now', res: [/\b(?:limited time offer|special (?:price|offer) (?:this|for)|tarif spécial|act now)\b/i] },
  { name: 'loans_pills', res: [/\b(?:loan offer|low[- ]interest loans?|quick loans?|debt relief|viagra|cialis|casino|betting)\b/i] },
  { name: 'growth_hype', res: [/\b(?:boost|grow|skyrocket|double) your (?:sales|business|revenue|traffic|followers)\b|\b(?:instagram|tiktok|social media) (?:followers|likes)\b|\bmarketing services\b|\bweb ?design services\b|\bapp development services\b/i] },
];

const FAMILIES = [...PITCH_FAMILIES, ...JUNK_FAMILIES].map(withUnicodeWords);
const SHOUTING = /\b[A-Z]{4,}\b.*\b[A-Z]{4,}\b|!!!/;

/** Names of the pitch families the text shows, shouting counted as one more when something is already pitched. */
export function pitchFamilies(subject: string, text: string): string[] {
  const all = `${subject}\n${text}`.slice(0, 6000);
  const hit = FAMILIES.filter((f) => f.tests.some((test) => test(all))).map((f) => f.name);
  if (hit.length && SHOUTING.test(all)) hit.push('shouting');
  return hit;
}

/** A cold pitch or junk: three families of cues. */
export function looksLikeSpam(subject: string, text: string): boolean {
  return pitchFamilies(subject, text).length >= 3;
}

const BULK_FAMILIES: Family[] = [
  { name: 'why_you_receive', res: [
    /\byou(?:['’]re| are) (?:receiving|getting) this (?:e-?mail|message|newsletter|communication|because|as)\b|\bbecause you(?:['’]re| are) (?:a|an|subscribed|registered|signed up)\b|\byou receive (?:this|these|our) (?:e-?mails?|messages?|newsletters?|updates?) (?:as|because|since)\b|\bcar vous (?:êtes|etes) (?:inscrite?|abonnée?|client)|\byou (?:signed up|subscribed|opted in) (?:to|for)\b|\byou(?:['’]re| are) subscribed (?:as|to|with)\b/i,
    /\bvous recevez (?:cet|ce|cette) (?:e-?mail|message|courriel|lettre|newsletter|communication)\b|\bvous (?:êtes|etes) (?:inscrite?|abonnée?) (?:à|a)\b/i,
  ] },
  { name: 'unsubscribe', res: [
    /^\s*(?:unsubscribe|se désinscrire|désinscription|se désabonner|désabonnement|manage (?:your )?preferences|gérer (?:mes|vos) préférences)\b/im,
    /\bne (?:souhaitez|voulez) plus recevoir (?:cette|nos|ces|notre)\b|\bno longer (?:wish|want) to receive (?:these|our|this)\b/i,
    /\b(?:opt out|unsubscribe) at any time\b|\bdésabonnez-vous\b|\bdésinscrivez-vous\b/i,
    /\bmanage (?:your |my )?(?:subscription|e-?mail settings)\b|\bgérer (?:votre|mon|vos) (?:abonnements?|préférences)\b/i,
    /\b(?:click here to unsubscribe|to unsubscribe|pour vous désinscrire|pour (?:vous )?désabonner|pour ne plus recevoir|cliquez ici pour ne plus|update your (?:email )?preferences)\b/i,
    /(?:^|[.|·•]\s*)(?:unsubscribe|se désinscrire|se désabonner|désinscription|désabonnement|(?:manage (?:your )?)?preferences|préférences)\s*(?:[|·•]|$)/im,
    /(?:^|[.|·•]\s*)(?:unsubscribe(?: from (?:this|our|the) (?:list|newsletter|mailing(?: list)?|e-?mails?))?|se (?:désinscrire|désabonner)(?: de (?:cette|la|notre) (?:liste|lettre|newsletter))?)\s*[.|]?\s*$/im,
  ] },
  { name: 'view_online', res: [
    /\b(?:view|read) (?:this (?:e-?mail|message|newsletter|issue) )?(?:online|in (?:your|a|the) browser)\b|\b(?:lire|voir) en ligne\b|\bhaving trouble (?:viewing|reading) this\b/i,
    /\b(?:version (?:en ligne|web|navigateur)|voir (?:cet e-?mail|ce message|la version) (?:en ligne|dans (?:votre|le) navigateur)|afficher (?:ce message )?dans (?:votre|le) navigateur|si ce (?:message|mail) ne s['’]affiche pas)\b/i,
  ] },
  { name: 'legal_footer', res: [
    /(?:^|[.|·•]\s*)(?:mentions légales|legal notice|privacy(?: policy)?|politique de confidentialité|terms(?: (?:and|&) conditions)?|cgv|conditions générales(?: de vente)?|contact us|nous contacter)\s*(?:[|·•]|$)/im,
  ] },
  { name: 'promotion', res: [
    /\b\d+ ?% (?:off|de réduction|de remise)\b|(?:^|\s)-\d+ ?%|\b(?:black friday|cyber monday|soldes|code promo|promo code|discount code|shop now|buy now|order now|shop the (?:range|collection|sale)|new arrivals|nouveautés|limited time|offre limitée|vente privée)\b/i,
  ] },
  { name: 'marketing_voice', res: [
    /\b(?:discover|explore|shop|browse) (?:the |our )?(?:full|whole|entire|new|latest) (?:range|collection|selection|catalogue)\b/i,
    /\b(?:découvrez|discover|explore|shop|browse) (?:nos|our|la|the|notre|toute) (?:nouveaux|nouvelles|nouveautés|new|latest|collections?|ranges?|gammes?|sélection|selection)\b|\b(?:toute la gamme|the whole range|the entire range|entire collection|réservée?s? aux (?:professionnels|membres|abonnés))\b/i,
  ] },
  { name: 'mass_greeting', res: [
    /^\s*(?:bonjour|bonsoir|hello|hi|dear|chers?|chères?|cher\(e\)s?) (?:[\p{L}-]+ )?(?:à tous|à toutes|tout le monde|all|everyone|clients|clientes|customers|partenaires|partners|revendeurs|resellers|retailers|members|membres|abonnés|subscribers|friends|amis|commerçants|merchants|sellers|vendeurs|adhérents|adhérentes|readers|lecteurs|lectrices)\b/imu,
    // the same greeting of a group in the neighbours' languages: "Liebe Kundinnen und Kunden", "Queridos clientes",
    // "Cari ospiti", "Beste klanten", "Caros amigos", "Hallo zusammen" (the addressee is a group, never one person)
    /^\s*(?:[¡!]?(?:liebe|lieber|hallo|queridos|queridas|estimados|estimadas|hola|cari|care|gentili|ciao|beste|lieve|hallo|caros|caras|olá)),? (?:[\p{L}-]+ ){0,3}(?:kund(?:innen|en)|freunde|gäste|mitglieder|zusammen|clientes|amigos|amigas|socios|huéspedes|todos|todas|clienti|amici|amiche|ospiti|soci|tutti|tutte|klanten|vrienden|gasten|leden|allemaal|hóspedes|sócios)\b/imu,
  ] },
  { name: 'issue_of_a_series', res: [
    /\bn°\s?\d{1,4}\b(?![-\d])|\bissue (?:#|no\.? ?)?\d+\b|\b(?:au programme|this month['’]s|top stories|à la une|in this issue|au sommaire|dans ce numéro|à lire aussi|read more|lire la suite|this week['’]s|cette semaine dans)\b/i,
  ] },
];
const BULK = BULK_FAMILIES.map(withUnicodeWords);
const BULK_SENDER_LOCAL = /^(?:newsletters?|news|digest|updates|marketing|promos?|promotions?|offers|offres|deals|mailing|campaigns?|redaction|editorial|lettre|infolettre|actus?|actualites|communication|bonsplans|infos?|editor|hello|team)(?:[-_.+].*)?$/i;
const LAYOUT_HTML = /role=["']?presentation|<table[^>]+width=["']?(?:5[5-9]\d|6\d\d|7[0-4]\d)\b/i;

/** A newsletter or promotion sent without list headers: how it is built, who sends it, what its footer says. */
export function bulkFamilies(text: string, fromLocal: string, html: string | null): string[] {
  const all = text.slice(0, 8000);
  const hit = BULK.filter((f) => f.tests.some((test) => test(all))).map((f) => f.name);
  if (BULK_SENDER_LOCAL.test(fromLocal)) hit.push('bulk_sender');
  if (html && LAYOUT_HTML.test(html)) hit.push('layout_html');
  return hit;
}

/** A footer (why you receive it, unsubscribe, view online) and two more families; or two footers, which no person writes. */
export function looksLikeBulkMail(text: string, fromLocal: string, html: string | null): boolean {
  const hit = bulkFamilies(text, fromLocal, html);
  const footers = hit.filter((h) => ['why_you_receive', 'unsubscribe', 'view_online', 'legal_footer'].includes(h)).length;
  return (footers >= 1 && hit.length >= 3) || footers >= 2;
}
