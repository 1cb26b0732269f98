import { cleanBody, cleanEmailText, cleanText, labelledCleanBody } from './clean-body';
import { parseEmail } from './parse-email';
import { senderNameTokens } from './signature';
import { norm } from './test-support/score-norm';

const clean = (text: string, from = 'Jeanne Dupont <jeanne.dupont@example.fr>'): string => {
  const m = from.match(/^(.*?)\s*<(.+)>$/);
  return cleanBody({ text, from: m ? { name: m[1]!, address: m[2]! } : null }).clean;
};

describe('cleanBody: quoted history', () => {
  it('drops a Gmail English attribution and the > quote below it', () => {
    const r = cleanText('Hi,\n\nAny news?\n\nOn Mon, 23 Nov 2026 at 10:02, Shop <help@shop.example> wrote:\n> Your order shipped.\n> The team\n');
    expect(r.clean).toBe('Hi,\n\nAny news?');
    expect(r.quoted).toContain('> Your order shipped.');
  });

  it('drops a French attribution wrapped over lines ("Le … a écrit :")', () => {
    expect(cleanText('Bonjour,\nToujours rien.\n\nLe lun. 23 nov. 2026 à 10:02, Boutique <\naide@boutique.example> a écrit :\n> Votre colis est parti.\n').clean).toBe(
      'Bonjour,\nToujours rien.',
    );
  });

  it('drops an Outlook French header block (De / Envoyé / À / Objet) and what follows', () => {
    const text = 'Merci pour le retour.\n\n________________________________\nDe : Boutique <aide@boutique.example>\nEnvoyé : lundi 23 novembre 2026 10:02\nÀ : moi@example.fr\nObjet : Re: Commande\n\nBonjour, votre commande…\n';
    expect(cleanText(text).clean).toBe('Merci pour le retour.');
  });

  it('drops an Outlook English header block without a rule above it', () => {
    const text = 'Please cancel it.\n\nFrom: Shop <help@shop.example>\nSent: 23 November 2026 10:02\nTo: Me <me@example.org>\nSubject: Your order\n\nHello…\n';
    expect(cleanText(text).clean).toBe('Please cancel it.');
  });

  it('drops "-----Original Message-----" and "-----Message d\'origine-----" sections', () => {
    expect(cleanText('Yes please.\n\n-----Original Message-----\nFrom: a@b.example\nHello\n').clean).toBe('Yes please.');
    expect(cleanText("Oui merci.\n\n-----Message d'origine-----\nDe : a@b.example\nBonjour\n").clean).toBe('Oui merci.');
  });

  it('drops French webmail and Yahoo history blocks', () => {
    expect(cleanText('Toujours rien.\n\nMessage du 24/11/26 10:02\nDe : aide@boutique.example\nA : moi@orange.fr\nObjet : Commande\n\nBonjour…').clean).toBe('Toujours rien.');
    expect(cleanText('Voir ci-dessous.\n\n----- Mail transféré -----\nDe : Boutique <aide@boutique.example>\nÀ : moi@yahoo.fr\nEnvoyé : lundi 23 novembre 2026\nObjet : Expédition\n\nParti.').clean).toBe('Voir ci-dessous.');
  });

  it('keeps a forwarded message out of the note above it, as quoted context', () => {
    const r = cleanText('See below, still nothing.\n\nBegin forwarded message:\n\nFrom: Shop <help@shop.example>\nSubject: Shipped\nDate: 16 November 2026\nTo: Me <me@example.org>\n\nYour parcel left.\n');
    expect(r.clean).toBe('See below, still nothing.');
    expect(r.quoted).toContain('Your parcel left.');
    const fr = cleanText('Je vous transfère le mail.\n\nDébut du message réexpédié :\n\nDe: Boutique <aide@boutique.example>\nObjet: Expédition\n\nVotre colis est parti.\n');
    expect(fr.clean).toBe('Je vous transfère le mail.');
  });

  it('returns the forwarded text itself when nothing was written above a bare forward', () => {
    const r = cleanText('---------- Forwarded message ---------\nFrom: Shop <help@shop.example>\nDate: Thu, 19 Nov 2026 at 18:03\nSubject: Order\nTo: <me@example.org>\n\n\nWhere is my order?\n');
    expect(r.clean).toBe('Where is my order?');
  });

  it('keeps every new block of an inline reply and the new text of a bottom-posted reply', () => {
    const inline = 'Hello,\n\n> Which colour?\nBlue please.\n\n> Which size?\nLarge.\n\nThanks';
    expect(cleanText(inline).clean).toBe('Hello,\n\nBlue please.\n\nLarge.\n\nThanks');
    const bottom = 'Le 20/11/2026 à 10:31, Boutique a écrit :\n> Quel numéro de commande ?\n\nC’est la CMD-1.\n\nMerci,\nJeanne\n\n> À bientôt\n';
    expect(clean(bottom)).toBe('C’est la CMD-1.\n\nMerci,');
  });

  it('drops history headers of more clients: webmail "Message du :", Outlook.com "Envoyé le :", a wrapped From, Danish', () => {
    const orange = 'Bonjour,\nLe colis est arrivé ouvert.\n\n====\n\nMessage du : 21/11/2026 09:15\nDe : "Boutique" <aide@boutique.example>\nA : moi@orange.fr\nCopie à : \nSujet : Votre colis\n\nBonjour…';
    expect(cleanText(orange).clean).toBe('Bonjour,\nLe colis est arrivé ouvert.');
    const hotmail = 'Merci, je regarde ce soir.\n\nDe : Boutique<mailto:aide@boutique.example>\nEnvoyé le :samedi 21 novembre 2026 09:15\nÀ : moi@hotmail.fr<mailto:moi@hotmail.fr>\nObjet :Votre retour\n\nBonjour, voici l’étiquette.';
    expect(cleanText(hotmail).clean).toBe('Merci, je regarde ce soir.');
    const wrapped = 'Could you resend the invoice?\n\nFrom: Shop Customer Care \n<customer-care-notifications@shop.example> \nSent: Saturday, November 21, 2026 9:15 AM\nTo: Me <me@example.org>\nSubject: Your invoice\n\nHello…';
    expect(cleanText(wrapped).clean).toBe('Could you resend the invoice?');
    const danish = 'Tak, det er modtaget.\n\n-------- Oprindelig besked --------\nFra: Butik <hjaelp@butik.example>\nDato: 21/11/2026 09.15\nEmne: Ordre\n\nHej…';
    expect(cleanText(danish).clean).toBe('Tak, det er modtaget.');
  });

  it('drops attributions without a verb or a colon: dotted times, time or weekday first, a wrapped Finnish line', () => {
    const tail = '\n\nBonjour, votre commande est partie.\nLa boutique';
    expect(cleanText('Merci !\n\n21.11.2026, 09.15, "Boutique" <aide@boutique.example>:' + tail).clean).toBe('Merci !');
    expect(cleanText('Thanks!\n\n9:15 AM, November 21, 2026, "Shop Team" <help@shop.example>:' + tail).clean).toBe('Thanks!');
    expect(cleanText('Thanks!\n\nSaturday, 21 November 2026, 9:15 AM +0100 from help@shop.example <help@shop.example>:' + tail).clean).toBe('Thanks!');
    expect(cleanText('Kiitos!\n\nla 21. marraskuuta 2026 klo 9.15 Kauppa\n<apu@kauppa.example> kirjoitti:' + tail).clean).toBe('Kiitos!');
    expect(cleanText('Still nothing, any news?\n\nOn Sat, 21 Nov 2026 09:15:02 +0100 Shop Team <help@shop.example> wrote\n\nYour parcel left today.').clean).toBe(
      'Still nothing, any news?',
    );
    // a sentence of the customer's that ends with "a écrit" and names no <address> stays
    const fr = 'Bonjour,\n\nLe 20/11/2026 à 14:30, le livreur (livreur@transport.example) a écrit\nque le colis était livré. Où est-il ?';
    expect(cleanText(fr).clean).toBe(fr);
  });

  it('keeps a quoted line re-wrapped by the mailer in the quote, up to a line long', () => {
    const text = 'Yes, the blue one.\n\nOn Sat, 21 Nov 2026 at 09:15, Shop <help@shop.example> wrote:\n> Hello, we have two colours left for the enamelled cast-iron casserole, blue\nand sage green; which one would you like us to send instead?\n> The team\n';
    expect(cleanText(text).clean).toBe('Yes, the blue one.');
  });

  it('drops a forward whose separator and header fields share one line (an HTML header block without <br>)', () => {
    const r = cleanText('Regardez ce que j’ai reçu, c’est bien vous ?\n\nPaul\n\n---------- Forwarded message --------- De : Boutique Livraison <livraison@boutique-colis.example> Date: lun. 23 nov. 2026 à 08:12 Subject: Frais de douane To: <paul@example.fr>\n\nPayez 2,99 € ici.');
    expect(r.clean).toBe('Regardez ce que j’ai reçu, c’est bien vous ?');
    expect(r.quoted).toContain('Payez 2,99 €');
    const bare = cleanText('---------- Forwarded message --------- From: Shop <help@shop.example> Date: Sat, 21 Nov 2026 Subject: Order\n\nWhere is my order?');
    expect(bare.clean).toBe('Where is my order?');
  });

  it('does not take a sentence that mentions writing for an attribution', () => {
    expect(cleanText('My friend wrote:\n\nit works for her. Does it work for me?').clean).toContain('Does it work for me?');
    const fr = 'Bonjour,\n\nLe 20 novembre 2026, le livreur a écrit :\n« colis endommagé »\nQue dois-je faire ?';
    expect(cleanText(fr).clean).toBe(fr);
    const fr2 = 'Bonjour,\n\nLe livreur m’a écrit le 12/11/2026 à 14:30 :\n« avis de passage »\nOù est mon colis ?';
    expect(cleanText(fr2).clean).toBe(fr2);
  });

  it('does not take a dated line reporting what someone wrote to the writer for an attribution', () => {
    const fr = 'Bonjour,\n\nLe 03/11 à 9h40, le service client nous a écrit :\nremboursement sous 48 h.\nIl n’est jamais arrivé.';
    expect(cleanText(fr).clean).toBe(fr);
    const en = 'Hi,\n\nOn 2 Nov 2026 at 17:20 your courier wrote to me:\nparcel left with neighbour\nWhich neighbour? Nobody has it.';
    expect(cleanText(en).clean).toBe(en);
    const de = 'Hallo,\n\nAm 12.11.2026 um 14:30 hat mir Ihr Kollege geschrieben:\nLieferung am Freitag.\nEs ist nichts gekommen.';
    expect(cleanText(de).clean).toBe(de);
    // the attribution a client writes names the author, not the addressee: still history (a surname like "Lui" too)
    expect(cleanText('Merci.\n\nLe 03/11/2026 à 09:40, Marie Lui a écrit :\nVotre colis est parti.').clean).toBe('Merci.');
    expect(cleanText('Merci.\n\nLe 03/11/2026 à 09:40, Boutique <aide@boutique.example> a écrit :\nVotre colis est parti.').clean).toBe('Merci.');
  });

  it('drops an attribution set between dash rules (Zoho) in any language, and the unquoted history below it', () => {
    const fr = cleanText('Bonjour,\nc’est noté, merci.\n\n---- Le mar., 17 nov. 2026 08:30:00 +0100 Boutique <aide@boutique.example> a écrit ----\n\nBonjour, votre retour est validé.');
    expect(fr.clean).toBe('Bonjour,\nc’est noté, merci.');
    expect(fr.quoted).toContain('votre retour est validé');
    const de = cleanText('Danke!\n\n---- Am Di., 17 Nov. 2026 08:30:00 +0100 schrieb Shop <help@shop.example> ----\n\nIhre Bestellung ist unterwegs.');
    expect(de.clean).toBe('Danke!');
    const en = cleanText('Got it.\n\n---- On Tue, 17 Nov 2026 08:30:00 +0000 Shop <help@shop.example> wrote ----\n\nYour order shipped.');
    expect(en.clean).toBe('Got it.');
    // a customer's own dashed line is not an attribution
    const own = 'Voici ma liste :\n---- deux bols et une théière ----\nMerci';
    expect(cleanText(own).clean).toBe(own);
  });
});

describe('cleanBody: HTML-only mail, read as a person sees it', () => {
  const html = async (body: string, from = 'Jeanne Dupont <jeanne.dupont@example.fr>'): Promise<string> => {
    const raw = `From: ${from}\nTo: aide@boutique.example\nSubject: x\nMessage-ID: <h@example.fr>\nDate: Mon, 23 Nov 2026 10:00:00 +0100\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n${body}\n`;
    return cleanBody(await parseEmail(Buffer.from(raw))).clean;
  };

  it('cuts an Outlook signature written as MsoNormal paragraphs (name, title, phone under the sign-off)', async () => {
    const body = '<html><head><style>p.MsoNormal {margin:0cm;font-size:11pt}</style></head><body><p class="MsoNormal">Bonjour,</p><p class="MsoNormal">&nbsp;</p><p class="MsoNormal">La facture de ma commande est introuvable, pouvez-vous la renvoyer ?</p><p class="MsoNormal">&nbsp;</p><p class="MsoNormal">Bien à vous,</p><p class="MsoNormal">Jeanne Dupont</p><p class="MsoNormal">Responsable achats - Atelier Dupont</p><p class="MsoNormal">04 72 00 00 00</p></body></html>';
    expect(norm(await html(body))).toBe('Bonjour, La facture de ma commande est introuvable, pouvez-vous la renvoyer ? Bien à vous,');
    const en = '<p style="margin:0">Hi,</p><p style="margin:0">&nbsp;</p><p style="margin:0">Is the teapot dishwasher safe?</p><p style="margin:0">&nbsp;</p><p style="margin:0">Many thanks,</p><p style="margin:0">Grace Green</p><p style="margin:0">Office Manager | Green &amp; Co</p>';
    expect(norm(await html(en, 'Grace Green <grace.green@example.co.uk>'))).toBe('Hi, Is the teapot dishwasher safe? Many thanks,');
  });

  it('keeps the paragraphs of a notice laid out as padded table rows, cutting only its closing automated line', async () => {
    const row = (t: string): string => `<tr><td style="padding:12px 24px;font-family:Arial">${t}</td></tr>`;
    const body = `<table role="presentation" width="600">${row('Votre colis 6A000000001 est en cours de livraison.')}${row('Livraison prévue : 25/11/2026<br>Transporteur : Colissimo')}${row('Suivre mon colis : https://suivi.example/6A000000001')}${row('Ceci est un message automatique, merci de ne pas y répondre.')}</table>`;
    expect(norm(await html(body, 'Colissimo <noreply@colis.example>'))).toBe(
      'Votre colis 6A000000001 est en cours de livraison. Livraison prévue : 25/11/2026 Transporteur : Colissimo Suivre mon colis : https://suivi.example/6A000000001',
    );
  });
});

describe('cleanBody: signatures', () => {
  it('cuts at the "-- " delimiter', () => {
    expect(cleanText('Merci,\n\n-- \nJeanne Dupont\n06 00 00 00 00\n').clean).toBe('Merci,');
  });

  it('cuts a hand-drawn rule above a name, not above content', () => {
    expect(cleanText('Thanks for the help.\n\n________________\nJohn Smith\nAcme Ltd').clean).toBe('Thanks for the help.');
    const order = 'Here is what I ordered:\n----------\nItem: kettle\nQty: 1';
    expect(cleanText(order).clean).toBe(order);
  });

  it('cuts mobile footers in French and English', () => {
    expect(cleanText('Où en est ma commande ?\n\nEnvoyé de mon iPhone\n').clean).toBe('Où en est ma commande ?');
    expect(cleanText('Any update?\n\nSent from my Galaxy\n').clean).toBe('Any update?');
    expect(cleanText('Any update?\n\nGet Outlook for iOS<https://aka.ms/x>\n').clean).toBe('Any update?');
    expect(cleanText('Des nouvelles ?\n\nEnvoyé à partir d’Outlook pour Android\n').clean).toBe('Des nouvelles ?');
  });

  it.each([
    'Odesláno z iPhonu', 'Отправлено из мобильной Почты Mail.ru', 'Надіслано з iPhone', 'Telefonumdan gönderildi',
    'iPhone から送信', '从我的iPhone发送', '通过 iPhone 发送', 'Trimis de pe iPhone-ul meu', 'Poslano iz iPhonea',
  ])('cuts the mobile footer "%s"', (footer) => {
    const r = cleanText(`Any news on my order?\n\n${footer}`);
    expect(r.clean).toBe('Any news on my order?');
    expect(r.signature).toBe(footer);
  });

  it('ends the text at a mobile footer: what follows it is the client\'s unmarked copy, not the writer\'s', () => {
    const from = 'Malik Faure <malik.faure@example.fr>';
    expect(clean('Bonjour, le colis est arrivé abîmé, je vous envoie les photos ce soir.\n\nEnvoyé de mon iPhone\n\nBonjour Malik, votre commande CMD-10288 a été expédiée aujourd’hui. Vous recevrez le numéro de suivi par e-mail.', from)).toBe(
      'Bonjour, le colis est arrivé abîmé, je vous envoie les photos ce soir.',
    );
    expect(clean('Thanks, Friday works.\nMalik\n\nSent from my Galaxy\n\n  On Mon, Nov 23, 2026 at 10:02, Shop<help@shop.example> wrote:   Hello, when can the courier come?', from)).toBe('Thanks, Friday works.');
  });

  it('keeps a hard-wrapped sentence whose line reads like a footer ("sent from the warehouse")', () => {
    const from = 'Malik Faure <malik.faure@example.fr>';
    const en = 'Hello,\n\nthe parcel was\nsent from the warehouse\non Monday and never arrived. Where is it?';
    expect(clean(en, from)).toBe(en);
    const fr = 'Bonjour,\n\nle colis a été\nenvoyé depuis Lyon\nle 12 novembre et il n’est jamais arrivé. Pouvez-vous vérifier ?';
    expect(clean(fr, from)).toBe(fr);
  });

  it('keeps answers written under quoted questions below a mobile footer', () => {
    const r = clean('Voir mes réponses plus bas.\n\nEnvoyé de mon iPhone\n\nLe 20 nov. 2026 à 10:02, Boutique <aide@boutique.example> a écrit :\n\n> Quelle couleur ?\nLa bleue, s’il vous plaît, celle de la photo du site.\n> Quelle adresse ?\nLa même que la dernière fois, au deuxième étage du bâtiment B.');
    expect(r).toContain('La bleue, s’il vous plaît, celle de la photo du site.');
    expect(r).toContain('au deuxième étage du bâtiment B.');
  });

  it('cuts a footer naming a device that is not listed, by its capitalised model name', () => {
    expect(cleanText('Je confirme l’adresse.\n\nEnvoyé depuis mon Redmi Note 12 Pro').clean).toBe('Je confirme l’adresse.');
    expect(cleanText('Confirmed, thanks.\n\nSent from my OPPO Find X5').clean).toBe('Confirmed, thanks.');
    expect(cleanText('Confirmed.\n\nSent from my sister’s laptop because mine broke').clean).toContain('sister’s laptop');
  });

  it('keeps more sign-offs and drops the name under them, even a name that is not the sender\'s', () => {
    const from = 'Camille Martin <camille.martin@free.fr>';
    for (const signOff of ['Respectueusement,', 'Avec mes remerciements,', 'Au plaisir,', 'Bonne fin de semaine,', 'Belle journée à vous,', "Merci d'avance et belle soirée,", 'Thanking you,', 'Thanks a million,', 'Lots of love,', 'TIA,']) {
      expect(clean(`Bonjour,\n\nLa théière est-elle de nouveau disponible ?\n\n${signOff}\nMimi`, from)).toBe(`Bonjour,\n\nLa théière est-elle de nouveau disponible ?\n\n${signOff}`);
    }
    expect(clean('Hi,\n\nMy order?\n\nLove the mugs by the way.', from)).toBe('Hi,\n\nMy order?\n\nLove the mugs by the way.');
  });

  it('drops the writer\'s name when the From header does not name them (an address not on file, a nickname)', () => {
    const from = 'Compta <compta@atelier-nord.example>';
    expect(clean('Bonjour,\n\nLa facture est-elle disponible ?\n\n\n\nMimi', from)).toBe('Bonjour,\n\nLa facture est-elle disponible ?');
    expect(clean('Hello,\n\nAny news on the kettle?\n\nBig hugs from Leeds,\nSoph', from)).toBe('Hello,\n\nAny news on the kettle?\n\nBig hugs from Leeds,');
    expect(clean('Bonjour, je voudrais savoir si le colis est parti. Merci\nJeannot', from)).toBe('Bonjour, je voudrais savoir si le colis est parti. Merci');
    expect(clean('Hi, any update on my parcel? Thanks so much x\n\nPriya', from)).toBe('Hi, any update on my parcel? Thanks so much x');
    expect(clean('Bonjour,\n\nPouvez-vous me rappeler ?\nBien à vous,\nMarc Lemoine\nResponsable logistique\n04 78 00 11 22', from)).toBe('Bonjour,\n\nPouvez-vous me rappeler ?\nBien à vous,');
    expect(clean('Bonjour,\n\nJe confirme.\nSalutations distinguées.\nRoger Blanc\n12 rue du Port\n13002 Marseille', from)).toBe('Bonjour,\n\nJe confirme.\nSalutations distinguées.');
    expect(clean('hey the parcel says delivered but not here yet\n\nJo', from)).toBe('hey the parcel says delivered but not here yet');
    expect(clean('Bonjour,\nc bon reçu, merci bcp\nManon', from)).toBe('Bonjour,\nc bon reçu, merci bcp');
    // an answer, a choice after a colon, or a product name stays
    expect(norm(cleanText('> Is it still in its box?\n\nYes.\n\n> Which colour?\n\nBlue.').clean)).toBe('Yes. Blue.');
    expect(clean('Bonjour,\n\nLa couleur que je veux :\n\n\nBleu Nuit', from)).toBe('Bonjour,\n\nLa couleur que je veux :\n\n\nBleu Nuit');
  });

  it('drops a name signed with a dash under the last sentence', () => {
    expect(cleanText('Hello,\n\nCould you tell me when the kettle ships?\n\n-Priya Shah').clean).toBe('Hello,\n\nCould you tell me when the kettle ships?');
    expect(cleanText('Bonjour,\n\nLe colis est bien arrivé, merci.\n\n— Lucie').clean).toBe('Bonjour,\n\nLe colis est bien arrivé, merci.');
    expect(cleanText('Les cadeaux sont pour :\n- Paul\n- Marie').clean).toBe('Les cadeaux sont pour :\n- Paul\n- Marie');
  });

  it('keeps a sentence that starts like a mobile footer', () => {
    expect(cleanText('Hi\n\nSent from my desk, which is easier than my phone.').clean).toContain('Sent from my desk');
  });

  it('cuts the name, title, phone and address block after a closing formula', () => {
    expect(cleanText('Hello,\n\nWhere is it?\n\nKind regards,\nJohn Smith\nHead of Things | Acme Ltd\n+44 20 7946 0000\n').clean).toBe(
      'Hello,\n\nWhere is it?\n\nKind regards,',
    );
    expect(cleanText('Bonjour,\n\nC’est urgent.\n\nBien cordialement,\nJean Martin\n12 rue des Lilas\n75011 Paris\n').clean).toBe(
      'Bonjour,\n\nC’est urgent.\n\nBien cordialement,',
    );
  });

  it('cuts a final name block without a closing formula when it is the sender', () => {
    expect(clean('Bonjour,\n\nJe veux un remboursement.\n\nJeanne Dupont\n06 12 34 56 78\n')).toBe('Bonjour,\n\nJe veux un remboursement.');
    expect(clean('Toujours rien reçu.\n\nJeanne\n')).toBe('Toujours rien reçu.');
    expect(clean('Le colis arrive quand ?\n\nJeanne passera le chercher')).toBe('Le colis arrive quand ?\n\nJeanne passera le chercher');
    expect(clean('Le salon ouvre lundi !\nL’équipe du Salon\n', 'Salon <infos@salon.example>')).toBe('Le salon ouvre lundi !');
  });

  it('keeps a postscript or a sentence written after the closing formula', () => {
    expect(cleanText('Pouvez-vous annuler ?\n\nMerci\nPS : j’ai payé par carte.').clean).toBe('Pouvez-vous annuler ?\n\nMerci\nPS : j’ai payé par carte.');
    expect(cleanText('Please cancel it.\n\nThanks,\nI will be at home all week anyway.').clean).toContain('I will be at home all week anyway.');
  });

  it('drops the name that shares a line with the closing formula', () => {
    expect(cleanText('Where is it?\n\nThanks, Liam').clean).toBe('Where is it?\n\nThanks,');
    expect(clean('Toujours rien.\n\nMerci, Jeanne')).toBe('Toujours rien.\n\nMerci,');
    expect(cleanText('Merci.\n\nCordialement / Best regards,\nJean Martin').clean).toBe('Merci.\n\nCordialement / Best regards,');
  });

  it('drops the name after a dash on the sign-off line, in its own line or after the last sentence', () => {
    expect(clean('Where is it?\n\nThanks – Liam', 'Liam Byrne <lb@example.org>')).toBe('Where is it?\n\nThanks');
    expect(clean('Pourriez-vous m’envoyer la facture ? Merci d’avance - Jeanne')).toBe('Pourriez-vous m’envoyer la facture ? Merci d’avance');
    // only the writer's own name after a sentence: a dash before anything else is the text
    expect(clean('Le colis est arrivé ? Merci - Colissimo dit livré')).toBe('Le colis est arrivé ? Merci - Colissimo dit livré');
    expect(clean('Tout est arrivé. Merci - Marc passera demain')).toBe('Tout est arrivé. Merci - Marc passera demain');
  });

  it('after a dash, anything but the writer\'s own name is the text; words cut as a name that are not only the writer\'s are set aside for the risk floors', () => {
    const from = 'Hannah Evans <hannah.evans@example.org>';
    const said = (text: string) => cleanEmailText({ text, from: { name: 'Hannah Evans', address: 'hannah.evans@example.org' } });
    expect(clean('Where is my order?\n\nThanks - Chargeback Filed', from)).toBe('Where is my order?\n\nThanks - Chargeback Filed');
    expect(clean('Where is my order?\n\nThanks – Suicidal', from)).toBe('Where is my order?\n\nThanks – Suicidal');
    expect(said('Where is my order?\n\nThanks, Lawyer Copied').ownTextSetAside).toBe('Lawyer Copied');
    expect(said('Where is my order? Thanks – Hannah, Trading Standards').ownTextSetAside).toBe('Hannah, Trading Standards');
    expect(said('Where is my order?\n\nThanks – Hannah E.').ownTextSetAside).toBeUndefined();
    expect(said('Where is my order?\n\nThanks, Hannah').ownTextSetAside).toBeUndefined();
  });

  it('drops a lone capitalised name after a finished sentence, even when it is not the sender', () => {
    expect(clean('Can you resend it?\n\nBob', 'Robert Smith <rs@example.org>')).toBe('Can you resend it?');
    expect(clean('Que dois-je faire ?\nJeanne D.', 'j.d@example.fr <j.d@example.fr>')).toBe('Que dois-je faire ?');
    expect(cleanText('Please answer quickly.\n\nUrgent').clean).toBe('Please answer quickly.\n\nUrgent');
  });

  it('drops a final name + contact block even when the name is not known', () => {
    expect(clean('Bonjour,\n\nJe veux annuler.\n\nMarc Petit\n12 rue des Lilas\n75011 Paris\nTél. : 06 12 34 56 78', 'x <mp75@example.fr>')).toBe(
      'Bonjour,\n\nJe veux annuler.',
    );
  });

  it('keeps a name inside the text (a delivery address) and a last line that is not a name', () => {
    const text = 'Merci de livrer à :\n\nJeanne Dupont\n3 rue Haute\n69001 Lyon\n\nLe livreur peut sonner.';
    expect(clean(text)).toBe(text);
    const ending = 'Nouvelle adresse de livraison :\n\nMarc Petit\n3 rue Haute\n69001 Lyon';
    expect(clean(ending, 'x <mp75@example.fr>')).toBe(ending);
    expect(clean(ending, 'Marc Petit <marc.petit@example.fr>')).toBe(ending);
  });

  it('cuts legal disclaimers and "think before printing" footers', () => {
    expect(cleanText('Please send the invoice.\n\nThis email is confidential and intended solely for the addressee. If you have received it in error, please delete it.\n').clean).toBe(
      'Please send the invoice.',
    );
    expect(cleanText('Merci.\n\nPensez à l’environnement avant d’imprimer ce courriel.\n').clean).toBe('Merci.');
  });

  it('cuts the footers antivirus programs and mail gateways append, not a customer talking about a virus', () => {
    const from = 'Emma Thomas <emma.thomas@orange.fr>';
    expect(clean('Bonjour,\n\nmerci de me rappeler.\n\nBonne soirée,\nEmma\n\n-------------------------\nCet e-mail a été vérifié par le logiciel antivirus d\'Avast.\nwww.avast.com', from)).toBe(
      'Bonjour,\n\nmerci de me rappeler.\n\nBonne soirée,',
    );
    expect(clean('Bonjour,\nle colis est là.\n\nGaranti sans virus. www.avast.com', from)).toBe('Bonjour,\nle colis est là.');
    expect(clean('Hello,\nstill waiting.\n\n--\nThis email has been checked for viruses by AVG antivirus software.\nwww.avg.com', from)).toBe('Hello,\nstill waiting.');
    expect(clean('Hello\n\nwhere is my order??\n\n________________\nThis email has been scanned by the Symantec Email Security.cloud service.', from)).toBe('Hello\n\nwhere is my order??');
    expect(clean('Hi,\nplease call me.\n\nThis message has been scanned for viruses and dangerous content by MailScanner, and is believed to be clean.', from)).toBe('Hi,\nplease call me.');
    const worried = 'Bonjour,\n\nVotre facture a été vérifiée par mon antivirus : il dit qu’elle contient un virus. Pouvez-vous me la renvoyer ?';
    expect(clean(worried, from)).toBe(worried);
    const scanned = 'Hello,\n\nThe invoice you sent was scanned by our company antivirus and blocked as malware. Could you send it as a plain PDF?';
    expect(clean(scanned, from)).toBe(scanned);
  });

  it('cuts a legal notice worded without the listed phrases, by its shape (this message, its use, impersonal)', () => {
    const from = 'Harriet Lowe <h.lowe@lowe-studio.example>';
    expect(clean('Hello,\n\nCould you send the invoice again?\n\nRegards,\nHarriet Lowe\nLowe Studio\n\nThe contents of this message, including attachments, are meant only for the named addressee and may not be copied, forwarded or otherwise disclosed without permission of the sender. Lowe Studio cannot accept liability for changes made after sending.', from)).toBe(
      'Hello,\n\nCould you send the invoice again?\n\nRegards,',
    );
    expect(clean('Bonjour,\n\nla facture svp.\n\nCordialement,\nH. Lowe\n\nLe contenu de ce message et des pièces jointes est destiné uniquement aux personnes nommées. Toute copie, diffusion ou utilisation sans accord est interdite ; merci de supprimer ce courriel s’il ne vous est pas destiné.', from)).toBe(
      'Bonjour,\n\nla facture svp.\n\nCordialement,',
    );
    expect(clean('Hallo,\n\nbitte die Rechnung.\n\nViele Grüße\nH. Lowe\n\nDiese Nachricht ist nur für den genannten Adressaten bestimmt. Jede Weitergabe, jedes Kopieren oder sonstige Verwendung durch andere Personen ist untersagt. Bitte informieren Sie uns, falls Sie sie versehentlich erhalten haben.', from)).toBe(
      'Hallo,\n\nbitte die Rechnung.\n\nViele Grüße',
    );
  });

  it('keeps a customer paragraph that talks about this message or its recipient without being a notice', () => {
    const from = 'Harriet Lowe <h.lowe@lowe-studio.example>';
    const gift = 'Hello,\n\nThe parcel is a gift, so please do not put the price on the delivery note. The recipient is my aunt and this message is just to make sure nobody at the warehouse misses it before the parcel goes out.';
    expect(clean(gift, from)).toBe(gift);
    const company = 'Hello,\n\nThis message is for your returns department: the recipient named on your label is wrong, and any use of our old address for deliveries is prohibited by the building manager from next week.';
    expect(clean(company, from)).toBe(company);
    const impersonal = 'Bonjour,\n\nCe message concerne la commande passée pour le cabinet : la facture doit porter le nom du cabinet, et la livraison doit se faire à l’accueil du rez-de-chaussée avant midi, du lundi au vendredi.';
    expect(clean(impersonal, from)).toBe(impersonal);
  });

  it('keeps a customer sentence that mentions confidentiality', () => {
    expect(cleanText('Hi,\n\nMy new address is below.\n\nThis is confidential, please keep it private.').clean).toContain('This is confidential');
  });

  it('keeps a customer asking to be unsubscribed', () => {
    expect(cleanText('Bonjour,\n\nMerci de me désabonner de votre newsletter.\n\nCordialement').clean).toBe(
      'Bonjour,\n\nMerci de me désabonner de votre newsletter.\n\nCordialement',
    );
    expect(cleanText('Hi,\n\nPlease unsubscribe me from your mailing list.').clean).toBe('Hi,\n\nPlease unsubscribe me from your mailing list.');
  });

  it('cuts link footers alone on the last lines of bulk mail', () => {
    expect(cleanText('Black Friday\n\n-30 % sur tout\n\nSe désinscrire | Mentions légales').clean).toBe('Black Friday\n\n-30 % sur tout');
    expect(cleanText('New arrivals are in.\n\nUnsubscribe').clean).toBe('New arrivals are in.');
  });

  it('cuts image placeholders left at the end by HTML mailers', () => {
    expect(cleanText('Photo below!\n\n[image: IMG_1.png]\n').clean).toBe('Photo below!');
  });

  it('keeps a first-person request that calls itself confidential: the writer is talking, not a disclaimer', () => {
    const text = 'Hello,\n\nI need you to move my delivery to Friday, and please keep my new address between us, it is personal and confidential, my family must not see the parcel.\n\nThanks,\nOwen';
    expect(clean(text, 'Owen Price <owen.price@example.org>')).toBe(
      'Hello,\n\nI need you to move my delivery to Friday, and please keep my new address between us, it is personal and confidential, my family must not see the parcel.\n\nThanks,',
    );
    const fr = "Bonjour,\n\nJe vous écris à titre strictement confidentiel : mon colis est arrivé ouvert et je pense qu'il a été fouillé avant livraison.\n\nMerci";
    expect(cleanText(fr).clean).toBe(fr);
  });

  it('cuts the sender\'s name and contact block written right under the last sentence or sign-off', () => {
    const formal =
      "Madame, Monsieur,\n\nLa lampe reçue ne s'allume plus. Je vous prie de bien vouloir la remplacer.\n\nJe vous prie d'agréer l'expression de mes sentiments distingués.\nJeanne Dupont\n14 rue des Acacias\n33000 Bordeaux";
    expect(clean(formal)).toBe(
      "Madame, Monsieur,\n\nLa lampe reçue ne s'allume plus. Je vous prie de bien vouloir la remplacer.\n\nJe vous prie d'agréer l'expression de mes sentiments distingués.",
    );
    const signOff = 'Hi,\n\nThe refund for the rug has not arrived yet.\n\nCould you look into it,\nMarcus Reed\nOwner - Reed Interiors\n+44 20 7946 0321';
    expect(clean(signOff, 'Marcus Reed <marcus@reed-interiors.example>')).toBe('Hi,\n\nThe refund for the rug has not arrived yet.\n\nCould you look into it,');
  });

  it('keeps a sentence that names the sender inside the text', () => {
    const text = 'Bonjour,\n\nLe colis est au nom de ma fille.\nJeanne Dupont reste la titulaire du compte, merci de ne rien changer.';
    expect(clean(text)).toBe(text);
  });

  it('keeps "Thanks, Dan" when it is the whole message, and drops the name when there is text above', () => {
    expect(clean('Thanks, Dan\n\nSent from my phone', 'Dan Brooks <dan.brooks@example.com>')).toBe('Thanks, Dan');
    expect(clean('Got it.\nThanks, Dan', 'Dan Brooks <dan.brooks@example.com>')).toBe('Got it.\nThanks,');
  });

  it('drops the sender\'s name when the sign-off and the name end the line of the last sentence', () => {
    expect(clean('Salut, le colis est parti ou pas ? Merci d\'avance, Agnès\n\nEnvoyé de mon iPhone', 'Agnès Roy <agnes.roy@example.fr>'))
      .toBe('Salut, le colis est parti ou pas ? Merci d\'avance,');
    expect(clean('Hello,\nCan I swap the blue mug for a red one? Cheers, Tom B.', 'Tom Baker <tom.baker@example.com>'))
      .toBe('Hello,\nCan I swap the blue mug for a red one? Cheers,');
    // a name that is not the sender's stays: it may be anyone the writer thanks
    expect(clean('The parcel came today. Thanks, Royal Mail!', 'Tom Baker <tom.baker@example.com>'))
      .toBe('The parcel came today. Thanks, Royal Mail!');
  });

  it('keeps the short French sign-offs (Cdlt, Cdt, BàV, A+) and drops the name below them', () => {
    for (const signOff of ['Cdlt,', 'Cdt', 'BàV', 'A+']) {
      expect(clean(`Bonjour,\n\nLe plaid est arrivé déchiré.\n\n${signOff}\nJeanne Dupont`)).toBe(`Bonjour,\n\nLe plaid est arrivé déchiré.\n\n${signOff}`);
    }
  });

  it('returns the signature apart', () => {
    const r = cleanText('Thanks,\nJohn\n\nSent from my iPhone');
    expect(r.clean).toBe('Thanks,');
    expect(r.signature).toBe('John\n\nSent from my iPhone');
  });
});

describe('senderNameTokens', () => {
  it('takes words from the display name and the address, without generic words', () => {
    expect([...senderNameTokens('Élodie Michel', 'elodie.michel@orange.fr')].sort()).toEqual(['elodie', 'michel']);
    expect([...senderNameTokens(null, 'no-reply@shop.example')]).toEqual([]);
  });
});

describe('cleanBody: machine notices', () => {
  it('stops a bounce notice where the returned message is copied', () => {
    const exim = 'This message was created automatically by mail delivery software.\n\n  bob@example.com\n    550 unknown user\n\n------ This is a copy of the message, including all the headers. ------\n\nReturn-path: <a@shop.example>\nReceived: from x\nSubject: Hi\n\nHello Bob';
    expect(cleanText(exim).clean).toBe('This message was created automatically by mail delivery software.\n\n  bob@example.com\n    550 unknown user');
    const qmail = "Hi. This is the qmail-send program.\n<bob@example.com>:\nno mailbox\n\n--- Below this line is a copy of the message.\n\nReturn-Path: <a@shop.example>\nReceived: (qmail 1)\nMessage-ID: <x@shop.example>\n\nHello";
    expect(cleanText(qmail).clean).toBe('Hi. This is the qmail-send program.\n<bob@example.com>:\nno mailbox');
  });

  it('stops at raw headers of an embedded message below the text', () => {
    expect(cleanText('Returned:\n\nReturn-Path: <a@b.example>\nReceived: from x\nMessage-ID: <1@b.example>\n\nbody').clean).toBe('Returned:');
  });

  it('keeps the human-readable notice of a bounce, not the mail server\'s transcript below it', () => {
    const notice = "This is the mail system at host mx.example.\n\nI'm sorry to have to inform you that your message could not\nbe delivered.\n\n                   The mail system";
    const en = `${notice}\n\n<bob@example.com>: host mx.example.org[10.1.2.3] said: 550 5.1.1 unknown user (in reply to RCPT TO)`;
    expect(cleanText(en).clean).toBe(notice);
    const fr = "Votre message n'a pas pu être remis : la boîte du destinataire est pleine.\n\n<marie@exemple.fr> : 552 5.2.2 boîte pleine";
    expect(cleanText(fr).clean).toBe("Votre message n'a pas pu être remis : la boîte du destinataire est pleine.");
    // a recipient named on its own line, or in a sentence, is the notice's own words
    const named = "Delivery failed for:\n<bob@example.com>:\nno such mailbox";
    expect(cleanText(named).clean).toBe(named);
  });
});

describe('cleanBody: automated notices and bulk-mail footers', () => {
  it('cuts the "do not reply" and "automated message" notices closing a notification, in French and English', () => {
    expect(cleanText('Your return label is ready.\nDrop the parcel at any relay point within 14 days.\n\nThis is an automatic notification, please do not reply to it.').clean).toBe(
      'Your return label is ready.\nDrop the parcel at any relay point within 14 days.',
    );
    expect(cleanText('Votre remboursement de 24,90 EUR a été émis.\n\nCe courriel a été généré automatiquement. Merci de ne pas y répondre.').clean).toBe(
      'Votre remboursement de 24,90 EUR a été émis.',
    );
    expect(cleanText('Nouvelle évaluation reçue : 5 étoiles.\n\nLes réponses à ce message ne sont pas lues.').clean).toBe('Nouvelle évaluation reçue : 5 étoiles.');
    expect(cleanText('Votre retour est enregistré.\n\nNe pas répondre à ce courriel.').clean).toBe('Votre retour est enregistré.');
    expect(cleanText('Votre facture est en ligne.\n\nCet e-mail provient d\'une adresse qui ne peut pas recevoir de réponses.').clean).toBe('Votre facture est en ligne.');
    expect(cleanText('Payment received, thank you.\n\nThis message comes from a send-only address and cannot accept replies.').clean).toBe('Payment received, thank you.');
  });

  it('cuts "why you receive this" and opt-out lines of newsletters, with the byline of their paragraph', () => {
    const en = 'Winter collection\n\nLinen throws are back in four colours.\n\nNorthwind Home Ltd, 3 Mill Lane, Leeds\nYou got this email because you signed up at our shop.\nTo stop receiving these emails, click here.';
    expect(cleanText(en).clean).toBe('Winter collection\n\nLinen throws are back in four colours.');
    const fr = 'Les soldes commencent mercredi.\n\nSi vous ne souhaitez plus recevoir nos offres, répondez STOP.';
    expect(cleanText(fr).clean).toBe('Les soldes commencent mercredi.');
    expect(cleanText('Atelier de poterie samedi.\n\nSe désabonner / Unsubscribe : https://atelier.example/u/1').clean).toBe('Atelier de poterie samedi.');
  });

  it('leaves the sign-off above a notice to the signature rules', () => {
    const text = 'Bonjour,\n\nNous pouvons réduire vos frais de port.\n\nBien cordialement,\nLe service commercial - Transports Exemple\nPour ne plus recevoir nos messages, cliquez ici.';
    expect(cleanText(text).clean).toBe('Bonjour,\n\nNous pouvons réduire vos frais de port.\n\nBien cordialement,');
    expect(cleanText(text).signature).toContain('Pour ne plus recevoir');
  });

  it('keeps a writer who asks not to be answered at an address, or to be unsubscribed', () => {
    const text = "Hello,\n\nPlease update my phone number to the one below.\n\nDon't reply to this address, I'm closing it: write to me at my new one.";
    expect(cleanText(text).clean).toBe(text);
    expect(cleanText('Hello,\n\nThe kettle leaks again.\n\nDo not reply with the usual template.').clean).toContain('Do not reply with the usual template.');
    expect(cleanText('Bonjour,\n\nLe colis est encore en retard.\n\nMerci de ne pas répondre avec un message type.').clean).toContain('Merci de ne pas répondre avec un message type.');
    expect(cleanText('Hi,\n\nWrong size again.\n\nIs this an automated message service? Answer properly!').clean).toContain('Answer properly!');
    expect(cleanText("Bonjour,\n\nJe ne veux plus recevoir vos offres, merci de me désinscrire.").clean).toBe(
      'Bonjour,\n\nJe ne veux plus recevoir vos offres, merci de me désinscrire.',
    );
  });

  it('keeps a notice that is the whole text', () => {
    expect(cleanText('This is an automated message, please do not reply.').clean).toBe('This is an automated message, please do not reply.');
  });

  it('drops a help desk\'s "reply above this line" marker on top of its notice, and stops a reply at it', () => {
    expect(cleanText('##- Please type your reply above this line -##\n\nTicket 5521 was opened. We will answer within two days.').clean).toBe(
      'Ticket 5521 was opened. We will answer within two days.',
    );
    const reply = 'Still broken, see photo.\n\n-- Merci d\'écrire votre réponse au-dessus de cette ligne --\n\nVotre demande 88 a été mise à jour.';
    expect(cleanText(reply).clean).toBe('Still broken, see photo.');
  });
});

describe('cleanBody: bounce notices', () => {
  it('stops at the diagnostic section of Exchange notices, in French and English', () => {
    const fr = 'Remise impossible à ces destinataires :\n\nlea@exemple.fr\nLa boîte aux lettres est pleine.\n\nInformations de diagnostic pour les administrateurs :\n\nServeur de génération : EX1.exemple.local\n554 5.2.2 mailbox full';
    expect(cleanText(fr).clean).toBe('Remise impossible à ces destinataires :\n\nlea@exemple.fr\nLa boîte aux lettres est pleine.');
    const en = "Delivery has failed to these recipients:\n\nsam@example.org\n\nDiagnostic information for administrators:\n\nGenerating server: MX9\n550 5.1.10 RESOLVER.ADR.RecipientNotFound";
    expect(cleanText(en).clean).toBe('Delivery has failed to these recipients:\n\nsam@example.org');
  });

  it('takes a "** … **" heading for the notice\'s title, and stops at the remote server\'s answer', () => {
    const gmail = "\n** Address not found **\n\nYour message wasn't delivered to tom@example.net because the address couldn't be found.\n\nThe response from the remote server was:\n550 5.1.1 user unknown";
    expect(cleanText(gmail).clean).toBe("** Address not found **\n\nYour message wasn't delivered to tom@example.net because the address couldn't be found.");
  });

  it('stops at a bilingual separator and at a line pointing down to the returned message', () => {
    const bilingual = "Le message n'a pas pu être remis.\nThe message could not be delivered.\n\n----- Message d'origine / Original message -----\nFrom: shop@shop.example\nSubject: Votre commande";
    expect(cleanText(bilingual).clean).toBe("Le message n'a pas pu être remis.\nThe message could not be delivered.");
    const below = "Votre message n'a pas pu être distribué : boîte pleine.\n\nLe message d'origine est joint ci-dessous.\n\nBonjour, voici votre facture.";
    expect(cleanText(below).clean).toBe("Votre message n'a pas pu être distribué : boîte pleine.");
  });
});

describe('attributions and banners (from the conformance gaps)', () => {
  it('takes a dated "you wrote:" / "vous avez écrit :" as an attribution even without a time or an address', () => {
    expect(cleanText('This is my reply.\n\nOn Nov 26, 2013 you wrote:\n\nThis is my quote.').clean).toBe('This is my reply.');
    expect(cleanText('Merci !\n\nLe 20 novembre 2026, vous avez écrit :\n\nVotre commande est partie.').clean).toBe('Merci !');
    expect(cleanText('Le livreur a dit que vous avez écrit :\nrien du tout').clean).toContain('rien du tout');
  });

  it('keeps a ">>> … <<<" banner line: arrows on both sides are not a quote', () => {
    const text = 'Visit us now for assistance...\n>>> >>>  http://www.domain.com <<<\nVisit our site by clicking the link above';
    expect(cleanText(text).clean).toBe(text);
  });
});

describe('history in more languages and clients', () => {
  it.each([
    ['attribution, Catalan', 'El 19/03/2026 11:34, Joan Puig <joan@example.cat> ha escrit:'],
    ['attribution, Catalan (Gmail)', 'El dj., 19 de març 2026 a les 11:34, Joan Puig <joan@example.cat> va escriure:'],
    ['attribution, Hungarian', '2026.02.08. 7:31 keltezéssel, "Kovács Anna" írta:'],
    ['attribution, Turkish', 'Ayşe Kaya <ayse@example.com.tr>, 3 Oca 2026 Per, 11:02 tarihinde şunu yazdı:'],
    ['attribution, Czech', 'út 3. 1. 2026 v 11:02 odesílatel Jan Novák <jan@example.cz> napsal:'],
    ['attribution, Greek', 'Στις Πέμ, 3 Ιαν 2026 στις 11:02, ο/η Νίκος <nikos@example.gr> έγραψε:'],
    ['attribution, Chinese, full-width colon', '在 2026年11月8日，下午2:23，Li Wei <li@example.cn> 写道：'],
    ['attribution, Korean, verb after the particle', '2026년 1월 3일 (목) 오전 11:02, Kim <kim@example.kr>님이 작성:'],
    ['attribution, Japanese', '2026/11/08 14:26、Sato <sato@example.jp> のメッセージ:'],
    ['Outlook, Spanish', 'De: Tienda <help@shop.example>\nEnviado el: lunes, 23 de noviembre de 2026 10:02\nPara: Yo <me@example.org>\nAsunto: Pedido'],
    ['Outlook, Czech', 'Od: Obchod <help@shop.example>\nOdesláno: pondělí 23. listopadu 2026 10:02\nKomu: Já <me@example.org>\nPředmět: Objednávka'],
    ['Outlook, Turkish', 'Kimden: Mağaza <help@shop.example>\nGönderildi: 23 Kasım 2026 Pazartesi 10:02\nKime: Ben <me@example.org>\nKonu: Sipariş'],
    ['Outlook, Hungarian', 'Feladó: Bolt <help@shop.example>\nElküldve: 2026. november 23. 10:02\nCímzett: Én <me@example.org>\nTárgy: Rendelés'],
    ['Outlook, Romanian', 'De la: Magazin <help@shop.example>\nTrimis: luni, 23 noiembrie 2026 10:02\nCătre: Eu <me@example.org>\nSubiect: Comandă'],
    ['Outlook, Greek', 'Από: Κατάστημα <help@shop.example>\nΣτάλθηκε: Δευτέρα, 23 Νοεμβρίου 2026 10:02\nΠρος: Εγώ <me@example.org>\nΘέμα: Παραγγελία'],
    ['Outlook, Japanese', '差出人: ショップ <help@shop.example>\n送信日時: 2026年11月23日 10:02\n宛先: 私 <me@example.org>\n件名: 注文'],
    ['Outlook, Chinese, full-width colons', '发件人：商店 <help@shop.example>\n发送时间：2026年11月23日 10:02\n收件人：我 <me@example.org>\n主题：订单'],
    ['Outlook, Korean', '보낸 사람: 상점 <help@shop.example>\n보낸 날짜: 2026년 11월 23일 10:02\n받는 사람: 나 <me@example.org>\n제목: 주문'],
  ])('%s: it and the message below it are history', (_kind, opener) => {
    const r = cleanText(`Thank you very much.\n\n${opener}\n\nThis is my previous mail\n`);
    expect(r.clean).toBe('Thank you very much.');
    expect(r.quoted).toContain('This is my previous mail');
  });

  it('takes a dated line ending with the author\'s <address> and a colon as an attribution when ">" quotes follow', () => {
    const yandex = 'Hi. I am fine.\n\n26.06.2026, 14:41, "Alexander L" <abc@example.com>:\n\n> Hello! How are you?';
    expect(cleanText(yandex).clean).toBe('Hi. I am fine.');
    const mailRu = 'Fine.\n\nThu, 26 Jun 2026 14:00:51 +0400 от Alexander L <abc@example.com>:\n\n> Hello!';
    expect(cleanText(mailRu).clean).toBe('Fine.');
  });

  it('takes a verb-less line that opens with the date as an attribution even without quotes below (Gmail in Russian)', () => {
    const r = cleanText('Спасибо, жду ответа.\n\nср, 30 апр. 2026 г. в 15:19, Магазин <help@shop.example>:\n\nВаш заказ отправлен.');
    expect(r.clean).toBe('Спасибо, жду ответа.');
    expect(r.quoted).toContain('Ваш заказ отправлен.');
  });

  it('takes a line with only the date, the time, a name and <address> (no verb, no colon) as an attribution', () => {
    const en = cleanText('Any news?\n\nThanks,\n\nTue, Dec 1, 2026 at 9:40 AM Kitchen Shop Help <help@shop.example>\nHello Sam,\nYour parcel left today.\n');
    expect(en.clean).toBe('Any news?\n\nThanks,');
    expect(en.quoted).toContain('Your parcel left today.');
    const fr = cleanText('Toujours rien reçu.\n\nmer. 2 déc. 2026 à 08:15 Boutique Aude <contact@boutique-aude.example>\nBonjour, le colis est parti hier.');
    expect(fr.clean).toBe('Toujours rien reçu.');
    const de = cleanText('Danke!\n\nAm 02.12.2026 um 08:15 Max Muster <max@muster.example>\n> Ist das Paket da?');
    expect(de.clean).toBe('Danke!');
  });

  it('keeps a dated sentence that ends with an address: words that are not a name sit before it', () => {
    const text = 'Hello,\nOn Tue, Dec 1, 2026 at 9:40 AM I wrote to <billing@shop.example>\nand nobody answered.';
    expect(cleanText(text).clean).toBe(text);
    const fr = 'Bonjour,\nLe 01/12/2026 à 09:40 j\'ai écrit à <compta@boutique.example>\nsans réponse.';
    expect(cleanText(fr).clean).toBe(fr);
  });

  it('keeps such a dated line when no quote follows: it may be the customer\'s own text', () => {
    const text = 'Delivery promised for 12.03.2026 at 14:00 in the confirmation from <shop@example.com>:\n\nnothing since.';
    expect(cleanText(text).clean).toBe(text);
  });
});

describe('postscripts', () => {
  it('keeps a P.S. written below the name as the writer\'s text, and drops the name between', () => {
    expect(clean('Bonjour,\n\nLe colis est arrivé ouvert.\n\nCordialement,\nJeanne\n\nP.S. : est-ce que je garde le carton ?')).toBe(
      'Bonjour,\n\nLe colis est arrivé ouvert.\n\nCordialement,\n\nP.S. : est-ce que je garde le carton ?',
    );
    const en = clean('Hi,\n\nPlease cancel CMD-10999.\n\nBest wishes,\nSam Okafor\nOkafor Design Ltd\n\nPS if it has shipped, I will refuse the parcel.', 'Sam Okafor <sam@okafor.example>');
    expect(en).toBe('Hi,\n\nPlease cancel CMD-10999.\n\nBest wishes,\n\nPS if it has shipped, I will refuse the parcel.');
    expect(clean('Bonjour,\n\nOù en est la commande ?\n\nBien à vous,\nMarion Roy\n06 12 00 00 00\n\nP.-S. : je suis absente le mardi.', 'Marion Roy <m.roy@example.fr>')).toBe(
      'Bonjour,\n\nOù en est la commande ?\n\nBien à vous,\n\nP.-S. : je suis absente le mardi.',
    );
  });

  it('keeps an unmarked afterthought below the sign-off the same way, and drops a card there as before', () => {
    const from = 'Alain Roche <alain.roche@example.fr>';
    expect(clean("Bonjour,\n\nOù en est ma commande ?\n\nCordialement,\nAlain Roche\n\nJ'oubliais : le code de la porte est 1234.", from)).toBe(
      "Bonjour,\n\nOù en est ma commande ?\n\nCordialement,\n\nJ'oubliais : le code de la porte est 1234.",
    );
    expect(clean('Hi,\n\nWhere is my order?\n\nThanks,\nAl\n\nOh and one more thing - could you include a gift receipt?', from)).toBe(
      'Hi,\n\nWhere is my order?\n\nThanks,\n\nOh and one more thing - could you include a gift receipt?',
    );
    expect(clean('Bonjour,\n\nOù en est ma commande ?\n\nCordialement,\nAlain\n\nAlain Roche\nGérant, Roche & Fils\n06 11 22 33 44', from)).toBe(
      'Bonjour,\n\nOù en est ma commande ?\n\nCordialement,',
    );
  });

  it('exports the clean body up to the name (the labelled definition) while clean keeps the P.S. below it', async () => {
    const raw = 'From: Marc Petit <marc.petit@example.fr>\r\nTo: shop@example.com\r\nSubject: colis\r\n\r\n' +
      'Bonjour,\r\n\r\nO\u00f9 est mon colis ?\r\n\r\nCordialement,\r\nMarc Petit\r\n\r\nP.S. Vous pouvez le laisser au gardien ?\r\n';
    const cleaned = cleanBody(await parseEmail(Buffer.from(raw, 'utf8')));
    expect(cleaned.clean).toBe('Bonjour,\n\nO\u00f9 est mon colis ?\n\nCordialement,\n\nP.S. Vous pouvez le laisser au gardien ?');
    expect(labelledCleanBody(cleaned)).toBe('Bonjour,\n\nO\u00f9 est mon colis ?\n\nCordialement,');
    const plain = cleanBody(await parseEmail(Buffer.from(raw.replace(/\r\n\r\nP\.S\..*\r\n$/, '\r\n'), 'utf8')));
    expect(plain.beforeName).toBeUndefined();
    expect(labelledCleanBody(plain)).toBe(plain.clean);
  });

  it('keeps a P.S. above the sign-off where it is, and a line that merely starts with "PS4" or "NB" in lower case', () => {
    expect(clean('Hello,\n\nIs it in stock?\n\nPS: I live in Lyon.\n\nThanks,\nJeanne')).toBe('Hello,\n\nIs it in stock?\n\nPS: I live in Lyon.\n\nThanks,');
    expect(clean('Hello,\n\nIs it in stock?\n\nnb de pièces : 2')).toBe('Hello,\n\nIs it in stock?\n\nnb de pièces : 2');
  });
});

describe('contact cards under a hand-drawn rule', () => {
  it('drops a long card rendered from an HTML signature (a blank line between cells) under a rule', () => {
    const text = 'Could you confirm the delivery date?\n\n______________\n\n[logo]\n\nSam Carter\n\nPurchasing\n\nNorth Cafés Ltd\n\n4 Mill Lane, Leeds\n\nt. 0113 496 0000\n\nm. 07700 900123\n\nwww.northcafes.example\n';
    expect(cleanText(text).clean).toBe('Could you confirm the delivery date?');
    const fr = 'Merci de confirmer la date.\n\n-----\nAgnès Roy\nAcheteuse\nHôtel du Port\n2 quai Nord\n17000 La Rochelle\nTél. 05 46 00 00 00\nPortable 06 00 00 00 00\nwww.hotelduport.example\n';
    expect(cleanText(fr).clean).toBe('Merci de confirmer la date.');
  });

  it('keeps an address drawn between rules when the writer goes on below it, or when the text above announces it', () => {
    const between = 'Bonjour,\nMerci de livrer ici :\n\n-----\nPaul Roy\n2 quai Nord\n17000 La Rochelle\nTél. 05 46 00 00 00\nCode 1234B\n3e étage\n-----\n\nMerci,';
    expect(cleanText(between).clean).toBe(between);
    const goesOn = 'Please ship to my office.\n\n-----\nSam Carter\nNorth Cafés Ltd\n4 Mill Lane\nLeeds LS1 4AB\nt. 0113 496 0000\nwww.northcafes.example\nGate code 4411\n\nThanks a lot,';
    expect(cleanText(goesOn).clean).toBe(goesOn);
  });
});

describe('quoted lines wrapped by the mailer', () => {
  it('takes the ">"-less tail of a long quoted line cut mid-sentence as part of the quote', () => {
    const text = 'Thanks, that helps.\n\nOn Mon, 23 Nov 2026 at 10:02, Shop <help@shop.example> wrote:\n> Your parcel left our warehouse this morning and should reach the pick-up point on\nthursday or friday.\n> The team';
    const r = cleanText(text);
    expect(r.clean).toBe('Thanks, that helps.');
    expect(r.quoted).toContain('thursday or friday.');
  });

  it('keeps a short inline answer between two quoted lines', () => {
    const text = '> Would you like a replacement or a refund of the full amount to your card?\nrefund please\n> Which address should we use?\nthe same as before';
    expect(cleanText(text).clean).toBe('refund please\n\nthe same as before');
  });

  it('keeps lower-case answers under unpunctuated quoted lines when the quote was not hard-wrapped (lines wider than a wrap)', () => {
    const text =
      'Hi,\n\n> To rebook the delivery we need the day that suits you best for the courier to come round in the afternoon\nthursday is fine\n> and whether someone can sign for the parcel if you are not at home on that day yourself\nmy neighbour at number 12 can\n>\n> The team';
    expect(cleanText(text).clean).toBe('Hi,\n\nthursday is fine\n\nmy neighbour at number 12 can');
    // the same answer under a quoted line shorter than the wrap width of its quote is an answer too
    const short = 'Ok.\n\n> Your parcel left our warehouse this morning and should reach the pick-up point on\n> thursday. Please tell us which day suits you better for the second try\nfriday\n> The team';
    expect(cleanText(short).clean).toBe('Ok.\n\nfriday');
  });
});

describe('visible and unquoted text', () => {
  it('visible keeps the sign-off and the writer\'s name, not what sits under "-- " or a mobile footer', () => {
    const r = cleanText('Hi,\n\nAny news?\n\nThanks,\nAlex\n\nSent from my iPhone\n\nOn Mon, 23 Nov 2026 at 10:02, Shop <help@shop.example> wrote:\n> Shipped.');
    expect(r.clean).toBe('Hi,\n\nAny news?\n\nThanks,');
    expect(r.visible).toBe('Hi,\n\nAny news?\n\nThanks,\nAlex');
    expect(r.unquoted).toBe('Hi,\n\nAny news?\n\nThanks,\nAlex\n\nSent from my iPhone');
    const dashed = cleanText('Okay, will do.\n\n-- \nBob Smith\nACME Corp');
    expect(dashed.visible).toBe('Okay, will do.');
    expect(dashed.unquoted).toBe('Okay, will do.\n\n-- \nBob Smith\nACME Corp');
  });

  it('a folded quote takes the blank lines below it along; the spacing above it stays', () => {
    const r = cleanText('Test reply\nOn 04/19/2026 07:10 AM, Roman <roman@example.com> wrote:\n\n> Test.\n\nRegards, Roman');
    expect(r.unquoted).toBe('Test reply\nRegards, Roman');
    expect(r.clean).toMatch(/^Test reply\n\n+Regards,$/); // the pipeline keeps the new blocks apart
  });

  it('cleanBody returns only what the pipeline stores', () => {
    expect(Object.keys(cleanBody({ text: 'Hello', from: null })).sort()).toEqual(['clean', 'quoted', 'signature']);
  });
});

describe('history headers and quote markers of other clients', () => {
  it("ends the new text at GroupWise's '>>> Name <address> date >>>' line, not at a banner or a deep quote", () => {
    const gw = 'Merci de confirmer.\n\n>>> Shop <help@shop.example> 23/11/2026 14:05 >>>\nBonjour,\nVoici le devis.';
    expect(cleanText(gw).clean).toBe('Merci de confirmer.');
    const us = 'Please confirm.\n\n>>> "Shop Team" 11/23/2026 2:05 PM >>>\nHello, here is the quote.';
    expect(cleanText(us).clean).toBe('Please confirm.');
    const deep = 'I agree.\n\n> > >>> see the 14:05 train >>>\n> ok';
    expect(cleanText(deep).clean).toBe('I agree.');
  });

  it("takes '|' and ':' lines under an attribution as a quote, and keeps a '|' table or a ': ' line written alone", () => {
    const bar = 'Shop écrivait le 18/11/2026 :\n| Votre remboursement est fait.\n| Sous 10 jours.\n\nJe n\'ai rien reçu.\n\n| Merci de patienter.\n\nToujours rien.';
    expect(cleanText(bar).clean).toBe(cleanText(bar.replace(/^\|/gm, '>')).clean); // as the same quote marked with '>'
    expect(cleanText(bar).clean.replace(/\n+/g, ' ')).toBe("Je n'ai rien reçu. Toujours rien.");
    const colon = 'On 23/11/2026 14:05, Shop <help@shop.example> wrote:\n: Your parcel left today.\n: Regards\n\nIt has not arrived.';
    expect(cleanText(colon).clean).toBe('It has not arrived.');
    const table = 'Here is what I received:\n\n| item | qty |\n| mug | 2 |\n\nOne mug is missing.';
    expect(cleanText(table).clean).toBe(table);
  });

  it('reads device footers written with the articles of their language', () => {
    for (const footer of ['Inviato dal mio dispositivo Huawei', 'Enviado desde mi Xiaomi', 'Enviado do meu iPhone', 'Verstuurd met mijn Galaxy', 'Gesendet über Outlook für Android']) {
      expect(clean(`Buongiorno,\n\nil pacco?\n\nGrazie mille\nGiulia\n\n${footer}`, 'Giulia Romano <g@r.example>')).toBe('Buongiorno,\n\nil pacco?\n\nGrazie mille');
    }
  });
});

describe('a short sign-off without punctuation over a first name the From header does not give', () => {
  const from = 'xk42 <xk42@example.org>';
  it('drops the name under a sign-off of a few words opening the last paragraph, in any language', () => {
    expect(clean('Hallo,\n\nwo bleibt mein Paket?\n\nViele Grüße\nKatrin', from)).toBe('Hallo,\n\nwo bleibt mein Paket?\n\nViele Grüße');
    expect(clean('Olá,\n\no pedido já saiu?\n\nAbraços 😊\nInês', from)).toBe('Olá,\n\no pedido já saiu?\n\nAbraços 😊');
  });
  it('keeps a last line under a label or a list it announces, under a number, or inside a paragraph', () => {
    for (const text of [
      'Bonjour,\n\nJe voudrais la taille :\n\nCouleur : bleu\nMarine',
      'Hi,\n\nMy order:\n\nStand mixer\nRed',
      'Hi,\n\nPlease send it to\n\n12 Mill Lane\nLeeds',
      'Hi,\n\nthe parcel is still not here\nLiam',
    ]) {
      expect(clean(text, from)).toBe(text);
    }
  });
});

describe('closings, sign-off lines, app footers and notes below a forward in other voices (challenge-clean-12 kinds)', () => {
  it('keeps closings in German, Polish, Scandinavian and Portuguese forms, the name under them goes', () => {
    const from = 'Greta Lindqvist <greta.l@example.se>';
    expect(clean('Hej,\n\nthe parcel arrived, thanks.\n\nLiebe Grüsse\nGreta', from)).toBe('Hej,\n\nthe parcel arrived, thanks.\n\nLiebe Grüsse');
    expect(clean('Hallo,\n\nkommt die Lampe noch diese Woche?\n\nMfG\nGreta Lindqvist\n--\nGreta Lindqvist\nLindqvist Design AB', from)).toBe(
      'Hallo,\n\nkommt die Lampe noch diese Woche?\n\nMfG',
    );
    expect(clean('Hi,\n\nI paid by transfer today.\n\nMed vänliga hälsningar\nGreta', from)).toBe('Hi,\n\nI paid by transfer today.\n\nMed vänliga hälsningar');
    expect(clean('Dzień dobry,\n\nczy paczka już wyszła?\n\nZ poważaniem\nGreta', from)).toBe('Dzień dobry,\n\nczy paczka już wyszła?\n\nZ poważaniem');
  });

  it('drops a sign-off line made of the sender\'s name with kisses or emoji', () => {
    expect(clean('hey!\nlamp is gorgeous 😍\nxoxo Mia 🌷', 'Mia Khan <mia.k@example.org>')).toBe('hey!\nlamp is gorgeous 😍');
    expect(clean('Coucou,\nc\'est bien arrivé 🎉\nLéa 🌸', 'Léa Martin <lea.m@example.fr>')).toBe('Coucou,\nc\'est bien arrivé 🎉');
    expect(clean('hey!\nlamp is gorgeous 😍\nxoxo Mia 🌷', 'Zoe Park <zoe.p@example.org>')).toContain('xoxo Mia');
  });

  it('keeps answers written under quotes below a signed top line, not the writer\'s card repeated there', () => {
    const from = 'Omar Haddad <omar.h@example.org>';
    const answered = cleanBody({ text: 'Hi, see below.\n\nBest,\nOmar\n\n> Which size?\n\nXL.\n\n> Which colour?\n\nBlack, please.', from: { name: 'Omar Haddad', address: 'omar.h@example.org' } });
    expect(labelledCleanBody(answered)).toBe('Hi, see below.\n\nBest,\n\nXL.\n\n\nBlack, please.');
    expect(clean('Hi, see below.\n\nBest,\nOmar\n\n> Which size?\n\nOmar Haddad\nHaddad Imports\n+33 1 23 45 67 89', from)).toBe('Hi, see below.\n\nBest,');
  });

  it('reads "Get <app> for Android/iOS" as a mobile footer', () => {
    expect(clean('Hello,\n\nAny update on my refund?\n\nRavi\n\nGet Edison Mail for iOS', 'Ravi Shah <ravi@example.in>')).toBe('Hello,\n\nAny update on my refund?');
  });

  it('takes a note written under a forwarded thread, below a rule, as the sender\'s text', () => {
    const text =
      '-----Original Message-----\nFrom: Shop <help@shop.example>\nSent: 23 November 2026 10:02\nTo: Tom <tom@example.org>\nSubject: Re: Order\n\n' +
      'Dear Tom, your order ships tomorrow.\n\nOn 22 Nov 2026, at 09:00, Tom <tom@example.org> wrote:\n> Where is my order?\n\n' +
      '______________________\n\nHi,\n\nforwarding this for my partner: it still has not shipped. Can you check?\n\nThanks,\nAisha';
    const r = cleanBody({ text, from: { name: 'Aisha Bello', address: 'aisha@example.org' } });
    expect(r.clean).toBe('Hi,\n\nforwarding this for my partner: it still has not shipped. Can you check?\n\nThanks,');
    expect(r.quoted).toContain('Dear Tom, your order ships tomorrow.');
  });

  it('keeps a forwarded message whole when a rule is part of it and no thread is quoted above the rule', () => {
    const text =
      '---------- Forwarded message ---------\nFrom: Shop <help@shop.example>\nDate: Mon, 23 Nov 2026 at 10:02\nSubject: Your receipt\nTo: Ann <ann@example.org>\n\n' +
      'Thank you for your order.\n\n----------\n\nTotal paid: 59.00 EUR';
    expect(cleanText(text).clean).toBe('Thank you for your order.\n\n----------\n\nTotal paid: 59.00 EUR');
  });
});

describe('a letterhead above the text (challenge-clean-14 kind)', () => {
  it('drops the sender\'s brand line above a notice, and a formal letter\'s name-and-address block', () => {
    expect(clean('NORDLYS BANK | Online Banking\n\nDear customer,\n\nA new device signed in to your account.', 'Nordlys Bank <alerts@nordlys-bank.example>')).toBe(
      'Dear customer,\n\nA new device signed in to your account.',
    );
    expect(clean('Max Mustermann\nHauptstr. 5\n10115 Berlin\n\nSehr geehrte Damen und Herren,\n\nbitte stornieren Sie meine Bestellung.', 'Max Mustermann <max.m@example.de>')).toBe(
      'Sehr geehrte Damen und Herren,\n\nbitte stornieren Sie meine Bestellung.',
    );
  });

  it('keeps a first line that does not name the sender, names an order, or is a numbered masthead', () => {
    expect(clean('Retour du fauteuil\n\nBonjour,\n\nje le renvoie demain.', 'Inès Roy <ines.roy@example.fr>')).toBe('Retour du fauteuil\n\nBonjour,\n\nje le renvoie demain.');
    expect(clean('Inès Roy – commande CMD-10495\n\nBonjour,\n\nje le renvoie demain.', 'Inès Roy <ines.roy@example.fr>')).toContain('CMD-10495');
    expect(clean('GARDEN NOTES — issue 9\n\nThis week: bulbs.', 'Garden Notes <news@garden-notes.example>')).toBe('GARDEN NOTES — issue 9\n\nThis week: bulbs.');
  });
});
