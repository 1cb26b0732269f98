/**
 * Hand-written FR/EN sentences for the risk head (ml/train-meaning-model.ts): escalation families said in everyday
 * words, without the policy's listed keywords, and innocent uses of the words those families are usually said with
 * (negated, another meaning, a compliment, a third party's job). Written from the policy (design/ROUTING.md), never
 * from a labelled email. Same slots as intent-phrases.ts.
 */
import type { Lang } from './intent-phrases';

export type RiskPhrases = Record<string, Record<Lang, string[]>>;

export const RISK_PHRASES: RiskPhrases = {
  legal_threat: {
    fr: [
      "je vais faire valoir mes droits par tous les moyens.", "j'ai transmis le dossier à une association de consommateurs.",
      "je me réserve le droit d'engager toute action utile.", "un juriste de ma protection juridique va vous écrire.",
      "je saisirai le médiateur de la consommation sans réponse de votre part.", "je connais mes droits et je compte les faire respecter devant qui de droit.",
      "la garantie légale de conformité s'applique, je ne lâcherai pas.", "je vais déposer un dossier au tribunal de proximité.",
      "mon assurance protection juridique prend le relais.", "vous recevrez bientôt un courrier recommandé de mon conseil.",
      "je signale votre enseigne à la répression des fraudes.", "ce sera au juge de trancher.",
    ],
    en: [
      "I will be taking this further through the proper channels.", "my legal insurance team will be contacting you.",
      "I have passed the file to a consumer rights organisation.", "I'll let a small claims judge decide who is right.",
      "I know my statutory rights and I intend to enforce them.", "expect a letter from my attorney.",
      "I am filing a claim with the small claims court.", "I will report your company to the consumer protection authority.",
      "I reserve the right to take whatever action is necessary.", "this is my last reminder before I involve a lawyer.",
      "my brother is a barrister and he says you are breaking the law.", "I am preparing a formal claim against your company.",
    ],
  },
  chargeback_hint: {
    fr: [
      "je vais demander à ma banque d'annuler le paiement.", "ma banque va récupérer l'argent si vous ne le faites pas.",
      "je fais bloquer la transaction par ma carte.", "j'ai appelé ma banque pour qu'ils me remboursent directement.",
      "je vais contester le débit auprès de ma carte bancaire.", "mon conseiller bancaire va faire annuler ce prélèvement.",
      "j'ai ouvert un litige sur mon compte de paiement en ligne.", "je vais faire rejeter le paiement par ma banque.",
    ],
    en: [
      "I'll ask my bank to reverse it.", "my card company will get my money back if you won't.",
      "I am calling my bank to have the payment pulled back.", "I've opened a case with my payment provider.",
      "I will have my card issuer cancel the transaction.", "the bank can claw the money back, I'll ask them today.",
      "I'm disputing the transaction with my credit card.", "I will get my bank to refund me and you can argue with them.",
    ],
  },
  fraud_report: {
    fr: [
      "il y a sur mon relevé des paiements à votre nom que je n'ai jamais faits.", "quelqu'un a passé commande avec ma carte.",
      "mon mot de passe a été changé et ce n'est pas moi.", "je n'ai jamais commandé ça, qui a utilisé mon compte ?",
      "on m'a débité deux fois pour une commande que je ne connais pas.", "un inconnu s'est connecté à mon compte client.",
      "j'ai reçu un mail de confirmation pour un achat que je n'ai pas fait.", "l'adresse de livraison de mon compte a été modifiée par quelqu'un d'autre.",
      "j'ai reçu un faux mail à votre nom qui me demande ma carte bancaire.",
    ],
    en: [
      "there are charges from you on my statement that I never made.", "someone placed an order with my card.",
      "my password was changed and it wasn't me.", "I never ordered this, who has been using my account?",
      "I got an order confirmation for something I didn't buy.", "a stranger logged into my account and changed the address.",
      "I've been charged for an order I know nothing about.", "someone is pretending to be your shop and asked for my card details.",
      "I can't log in any more, the email on my account was changed by someone else.",
    ],
  },
  gdpr_request: {
    fr: [
      "effacez tout ce que vous avez sur moi.", "je veux savoir quelles informations vous gardez à mon sujet.",
      "supprimez mon compte et toutes mes données, définitivement.", "d'où tenez-vous mon adresse mail ?",
      "envoyez-moi une copie de toutes les données me concernant.", "je ne veux plus exister dans vos fichiers.",
      "je retire mon consentement au traitement de mes informations.", "arrêtez d'utiliser mes coordonnées, et dites-moi à qui vous les avez données.",
    ],
    en: [
      "delete everything you hold on me.", "I want to know what information you keep about me.",
      "please remove my account and all my details for good.", "where did you get my email address from?",
      "send me a copy of all the data you have about me.", "I want to be wiped from your systems.",
      "I withdraw my consent to you processing my information.", "stop using my details and tell me who you shared them with.",
    ],
  },
  safety_incident: {
    fr: [
      "la bouilloire a pris feu sur le plan de travail.", "le manche s'est détaché et mon fils s'est brûlé la main.",
      "la prise a fait des étincelles et a noirci le mur.", "le verre a explosé pendant la cuisson, il y en avait partout.",
      "ça sent le plastique brûlé dès qu'on l'allume.", "ma fille a pris une décharge en le branchant.",
    ],
    en: [
      "the kettle caught fire on the counter.", "the handle came off and my son burnt his hand.",
      "the plug sparked and scorched the wall.", "the glass shattered while cooking and went everywhere.",
      "it smells of melting plastic as soon as we switch it on.", "my daughter got an electric shock plugging it in.",
    ],
  },
  threat: {
    fr: [
      "je sais où se trouve votre entrepôt, je vais passer.", "vous allez voir ce qui va vous arriver.",
      "si je croise votre livreur, il va le sentir passer.", "je vais venir régler ça en personne et ça ne sera pas joli.",
      "faites attention à vous.", "je vais finir par faire un malheur.",
    ],
    en: [
      "I know where your warehouse is and I'm coming over.", "you'll see what happens to you.",
      "if I see your driver again he'll be sorry.", "I'll sort this out in person and it won't be pretty.",
      "you had better watch yourselves.", "someone is going to get hurt over this.",
    ],
  },
  abusive_language: {
    fr: [
      "vous êtes une bande d'incompétents.", "quelle bande de clowns.", "vous êtes vraiment des nuls.",
      "service client de pacotille, vous êtes pathétiques.",
    ],
    en: [
      "you are a bunch of clowns.", "what a pathetic useless company.", "you people are idiots.",
      "your staff are brain-dead.",
    ],
  },
  distress: {
    fr: [
      "je n'en dors plus, je ne sais plus quoi faire.", "c'était tout ce qui me restait, je suis effondrée.",
      "je n'ai plus rien pour nourrir mes enfants ce mois-ci à cause de ce débit.", "je suis à bout de forces, tout va mal.",
      "je n'ai plus la force de continuer comme ça.",
    ],
    en: [
      "I can't sleep over this, I don't know what to do any more.", "that was the last money I had, I'm falling apart.",
      "I can't feed my kids this month because of this charge.", "I'm at the end of my strength, everything is going wrong.",
      "I don't see the point of anything any more.",
    ],
  },
  none: {
    fr: [
      "ce n'est pas une réclamation, juste une question.", "je ne veux pas faire d'histoires, simplement savoir où en est le colis.",
      "aucune inquiétude, je voulais juste une confirmation.", "pas de souci, je ne suis pas pressé.",
      "je cherche un coupe-avocat, en avez-vous ?", "la recette demande deux avocats bien mûrs.",
      "votre prix est imbattable, une tuerie !", "cette poêle est une bombe, je l'adore.",
      "je meurs d'envie d'essayer le nouveau moule.", "je ne compte pas du tout demander un remboursement.",
      "ma banque a simplement vérifié le paiement, tout est en ordre.", "ma sœur est juriste et elle adore vos couteaux.",
      "je n'ai aucun problème avec la commande, merci.", "rien de grave, le carton était juste un peu abîmé à l'extérieur.",
      "je n'accuse personne, je voudrais seulement le numéro de suivi.", "le film de la semaine parlait d'un procès, rien à voir avec vous.",
      "mon paiement a bien été accepté, merci pour la facture.", "je ne contesterai rien, tout est parfait.",
      "la bouilloire chauffe très vite, c'est génial.", "j'ai brûlé les crêpes, pas la poêle, elle est parfaite !",
    ],
    en: [
      "this is not a complaint, just a question.", "I don't want to make a fuss, I only want to know where the parcel is.",
      "no worries at all, I just wanted a confirmation.", "I'm not in a rush, take your time.",
      "do you sell an avocado slicer?", "the recipe needs two ripe avocados.", "your prices are killer, love it!",
      "this pan is the bomb.", "I'm dying to try the new baking tin.", "I'm not asking for a refund at all.",
      "my bank just checked the payment with me, all good.", "my sister is a lawyer and she loves your knives.",
      "I have no problem with the order, thanks.", "nothing serious, the outer box was only a bit dented.",
      "I'm not blaming anyone, I'd just like the tracking number.", "the payment went through fine, thanks for the invoice.",
      "I won't be disputing anything, all perfect.", "the kettle boils really fast, brilliant.",
      "I burnt the pancakes, not the pan, it's perfect!", "I was worried for nothing, it arrived this morning.",
    ],
  },
};
