/**
 * Which sentence of each escalation of the labelled corpus (folds 0–3 of `../shared/fixtures/emails-train`, the 49
 * escalations whose words carry a risk family: `riskClassOf`) carries it. Marked by hand by the session-15 "escal2"
 * helper, reading each mail's masked sentences (`sentencesOf` of the model text) once, before any training on them:
 * the sentence(s) that say the threat, the claim, the charge never made, the request, the harm or the despair; not
 * the story around it. Each entry is the start of the sentence as `sentencesOf` cuts the masked model text (≤ 70
 * characters, unique within the mail). Fold 4 is never read: its escalations have no marks.
 */
export const RISK_SENTENCE_MARKS: Readonly<Record<string, readonly string[]>> = {
  t007: ["Ces 437,90 euros, c'est presque le tiers de ma pension du mois, et je ", "Mon fils dit que je me suis fait avoir et je ne sais plus quoi faire."], // distress
  t028: ["If I do not receive a satisfactory response within 14 days, I will iss"], // legal_threat
  t029: ["Are you all completely useless or just lazy?", "Cancel the bloody order and give me my money back NOW, or I'll make su"], // abusive_language
  t030: ["This morning the blender from order CMD-10745 made a loud bang while r", "My son (12) cut his finger on the jug and we had to go to the pharmacy"], // safety_incident
  t033: ["Si j'ai rien demain je viens directement à votre entrepôt et je vous j", "J'ai votre adresse."], // threat
  t039: ["Je découvre sur mon relevé un paiement de 96,80 € à Maison Lumen daté ", "Je n'ai rien commandé chez vous ce mois-ci, et personne d'autre chez m"], // fraud_report
  t049: ["Sans nouvelles de votre part d'ici vendredi, je demanderai à ma banque"], // chargeback_hint
  t056: ["Je vous informe que je vous adresse ce jour une lettre recommandée ave", "Je signalerai également votre site sur SignalConso.", "Je ferai valoir mes droits jusqu'au bout."], // legal_threat
  t059: ["Je vous demande la suppression définitive de mon compte et de toutes l"], // gdpr_request
  t080: ["Under Article 15 of the GDPR (RGPD), I'd like a copy of all the person"], // gdpr_request
  t090: ["There is a payment of EUR 99.90 to \"MAISON LUMEN\" on my credit card st", "I have never bought anything from you and had never heard of your shop"], // fraud_report
  t096: ["Where did you get my email address, what personal data do you hold abo"], // gdpr_request
  t100: ["Mes deux précédents messages étant restés sans réponse, je vous mets e", "À défaut, je saisirai le tribunal judiciaire compétent et me réserve l"], // legal_threat
  t101: ["Hier soir, une des deux bouilloires achetées chez vous (commande CMD-1", "Le socle a noirci, ça sentait le plastique brûlé et le disjoncteur a s"], // safety_incident
  t121: ["Je viens de recevoir la confirmation ci-dessous pour une commande que ", "Hier soir, j'ai aussi reçu un message disant que le mot de passe de mo", "Et l'adresse de livraison n'est pas la mienne, je n'ai jamais habité l"], // fraud_report
  t128: ["Honestly, I'd like to know exactly what personal data you have on me, ", "And I want everything deleted except what you legally need for my orde"], // gdpr_request
  t155: ["I've lived in France long enough to know my rights: if the order isn't"], // legal_threat
  t180: ["This isn't a threat, but if it isn't here by Friday I'm going to ask m"], // chargeback_hint
  t184: ["My daughter filled it with hot tea from the kettle, closed it, and whe", "She has a first-degree burn - we've been to the pharmacy and it's dres"], // safety_incident
  t203: ["Hier soir, en pétrissant une pâte à pain, le robot pâtissier (commande", "J'ai vu une étincelle à l'arrière et le disjoncteur de la cuisine a sa"], // safety_incident
  t214: ["En application de l'article 15 du RGPD, je vous demande la communicati"], // gdpr_request
  t218: ["Sans colis ou sans remboursement d'ici là, je demande à ma banque de c"], // chargeback_hint
  t229: ["Par la présente, je vous mets en demeure de procéder sous huit jours a", "À défaut de remboursement dans ce délai, je saisirai la DGCCRF et, si "], // legal_threat
  t231: ["Please treat this as a letter before action.", "If the €34.80 is not back on my card within 14 days, I will file a cla", "My brother-in-law, who is a solicitor, has kindly offered to help."], // legal_threat
  t236: ["Are you f***ing kidding me.", "You people are useless, absolutely useless, and whoever runs your \"cus"], // abusive_language
  t247: ["En touchant la base de l'une des deux bouilloires reçues le 15 novembr"], // safety_incident
  t249: ["Yesterday evening the jug shattered while it was running and a piece f", "He needed three stitches at A&E."], // safety_incident
  t266: ["My card ending 4417 was used on your website last night for two orders", "I need you to cancel those orders immediately and tell me which addres"], // fraud_report
  t274: ["Conformément aux articles L217-3 et suivants du Code de la consommatio", "À défaut, je saisirai la juridiction compétente et me réserve le droit"], // legal_threat
  t294: ["I have never ordered anything from you and I had never heard of your w", "Qui a passé cette commande avec ma carte ?"], // fraud_report
  t295: ["if the money isnt back in my account by friday im putting in a claim t"], // legal_threat
  t303: ["I've just had two emails from you, one saying the password on my accou", "I didn't do either of those things!"], // fraud_report
  t312: ["You lot are absolutely useless, a bunch of clowns who couldn't post a ", "Don't send me another one of your \"we apologise for the inconvenience\""], // abusive_language
  t313: ["How did you get my email address?", "Please delete everything you hold on me and tell me where you got my d"], // gdpr_request
  t319: ["J'ai appelé ma banque ce matin : ils vont contester le paiement et réc"], // chargeback_hint
  t332: ["Je souhaiterais savoir précisément quelles informations vous conservez", "Pouvez-vous m'en envoyer une copie ?"], // gdpr_request
  t336: ["Sans nouvelles de votre part d'ici 48 heures, je saisirai le médiateur"], // legal_threat
  t346: ["Je vais être clair : si mon argent n'est pas sur mon compte vendredi, "], // threat
  t357: ["Honestly I do not know how much more I can take.", "Some days I feel there is no point in anything anymore and everyone wo"], // distress
  t389: ["I used the kettle from order CMD-10653 for the third time this morning", "Nobody was hurt, but it could have been a lot worse with my toddler ar"], // safety_incident
  t397: ["Si l'argent n'est pas sur mon compte lundi, I will ask my bank to reve"], // chargeback_hint
  t423: ["Hier soir, en utilisant une des bouilloires de la commande CMD-10479, ", "Ma fille, qui était à côté, s'est légèrement brûlé la main en la débra"], // safety_incident
  t428: ["Sans livraison ou remboursement d'ici vendredi, je saisirai le médiate"], // legal_threat
  t429: ["If the parcel or my money isn't here by Friday, I will file a claim th"], // legal_threat
  t432: ["I have never ordered anything from your shop and I'd never heard of yo"], // fraud_report
  t442: ["Where did you get my email address, what else do you hold about me, an"], // gdpr_request
  t447: ["Je n'ai pas de commande en cours chez vous et le lien ne ressemble pas"], // fraud_report
  t474: ["Pour vous ce n'est peut-être rien, mais pour moi c'est la moitié de mo", "Je ne sais plus quoi faire, personne ne me répond vraiment.", "S'il vous plaît, aidez-moi."], // distress
  t478: ["Je ne veux pas en arriver au litige, mais cela fait quatre semaines qu", "If I don't see the money by the end of the week, my lawyer will send y"], // legal_threat
};
