import { glossWords, isForeign, readForeign, readingOf } from './foreign-gloss';

describe('foreign-gloss: a Spanish, German, Italian or Portuguese mail read through an English gloss', () => {
  it('leaves French, English and a French mail with a foreign greeting as they are', () => {
    for (const t of [
      "Bonjour, je n'ai toujours pas reçu ma commande, pouvez-vous vérifier ? Merci",
      'Hi, could you tell me when my order will be shipped? Thanks',
      'Hola ! Je voulais savoir si ma commande est bien partie, merci beaucoup',
    ]) {
      expect(isForeign(t)).toBe(false);
      expect(readingOf('Sujet', t)).toEqual({ subject: 'Sujet', clean: t });
    }
  });

  it('glosses the words of customer service and keeps numbers, names and unknown words as written', () => {
    const r = readForeign('Buenos dias, cuando llega mi pedido CMD-20001? Gracias, Marta');
    expect(r?.gloss).toBe('good morning, when arrives my order CMD-20001? thanks, Marta');
    expect(readForeign('Hallo, wann kommt meine Bestellung? Danke, Jonas')?.gloss).toBe('hello, when arrives my order? thanks, Jonas');
    expect(readForeign('Ciao, ho ricevuto il rimborso? Non vedo ancora niente sul conto. Grazie')?.gloss)
      .toContain('still nothing on the account');
    expect(readForeign('Olá, a minha encomenda ainda não chegou. Obrigado')?.gloss).toContain('my order still not arrived');
  });

  it('reads a risk said in another language in English words the rules know (a lawyer, the bank asked to cancel)', () => {
    expect(readForeign('Hola, si no llega el pedido hablare con mi abogado. Gracias')?.gloss).toContain('lawyer');
    expect(readForeign('Olá, se não chegar vou pedir ao banco para cancelar o pagamento. Obrigada')?.gloss)
      .toContain('i will ask the bank for cancel the payment');
  });

  it('names the words it left unread, but a greeting\'s or a sign-off\'s name', () => {
    expect(readForeign('Hallo Frau Berger,\nwann kommt meine Bestellung? Danke\nViele Grüße\nJonas Keller')!.unread).toEqual([]);
    expect(readForeign('Hola, el pedido llego pero mi hermana dice que la tapa venia rayada y quiere otra cosa')!.unread)
      .toEqual(expect.arrayContaining(['llego', 'hermana', 'dice', 'tapa', 'rayada']));
    // a threat in a word the gloss does not know is not read as routine: the mail is held
    expect(readForeign('Hola, cuando llega mi pedido? Si no llega os denuncio.\nMarta')!.unread).toEqual(['denuncio']);
  });

  it('glosses a foreign mail\'s subject with its body, longest phrase first', () => {
    expect(readingOf('Rechnung', 'Guten Tag, können Sie mir bitte die Rechnung schicken? Danke').subject).toBe('invoice');
    expect(glossWords('todavia no ha llegado').gloss).toBe('still has not arrived');
  });
});
