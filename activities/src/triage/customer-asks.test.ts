import { customerAsks, sentences } from './customer-asks';

const asked = (text: string) => customerAsks(text).map((a) => a.text);

describe('sentences', () => {
  it('splits on end punctuation and lines, keeps abbreviations and unwraps wrapped lines', () => {
    expect(sentences('Hello,\n\nIs there another option, e.g. a smaller one? Thanks.\n- first item\n- second item'))
      .toEqual(['Hello,', 'Is there another option, e.g. a smaller one?', 'Thanks.', '- first item', '- second item']);
    expect(sentences('The tracking page has shown nothing new since\nMonday. Is it still moving?'))
      .toEqual(['The tracking page has shown nothing new since Monday.', 'Is it still moving?']);
  });

  it('never reads quoted history', () => {
    expect(sentences('Thanks!\n> Do you ship to Norway?\n> Regards')).toEqual(['Thanks!']);
  });
});

describe('customerAsks', () => {
  it('finds questions with and without a question mark, FR, EN and mixed', () => {
    expect(asked('Bonjour, mon colis arrive quand\nMerci')).toEqual(['Bonjour, mon colis arrive quand']);
    expect(asked('Hi. When will the kettle ship. Thanks')).toEqual(['When will the kettle ship.']);
    expect(asked('La commande est-elle déjà partie')).toEqual(['La commande est-elle déjà partie']);
    expect(asked("Quick question, the lid goes with the 28 cm pan, right?")).toHaveLength(1);
    expect(asked('jai paye hier, c parti ou pas ?? mrc')).toEqual(['jai paye hier, c parti ou pas ??']);
  });

  it('finds polite requests, wishes to know and imperatives', () => {
    expect(asked('Pourriez-vous me transmettre la facture.')).toHaveLength(1);
    expect(asked("Je voudrais savoir si vous livrez le samedi.")).toHaveLength(1);
    expect(asked("I'd like to know the deadline for sending it back.")).toHaveLength(1);
    expect(asked('Please send me a copy of the receipt.')).toHaveLength(1);
    expect(asked('Envoyez-moi le numéro de suivi svp')).toHaveLength(1);
    expect(asked('Merci de me dire où en est ma commande.')).toHaveLength(1);
    expect(asked('Let me know when the order leaves your warehouse.')).toHaveLength(1);
  });

  it('finds a question embedded after a verb of asking, however formal its frame (FR, EN)', () => {
    expect(asked("Sans nouvelles depuis mon achat, je me permets de vous demander quand le moulin sera expédié.")).toHaveLength(1);
    expect(asked("Je vous écris afin de savoir si ma commande de bougies est bien partie.")).toHaveLength(1);
    expect(asked('Je reviens vers vous pour avoir des nouvelles de mon colis.')).toHaveLength(1);
    expect(asked('I am writing to enquire whether the blender has left your warehouse yet.')).toHaveLength(1);
    expect(asked('May I ask when the tea towels will be dispatched.')).toHaveLength(1);
    expect(asked("I'm getting in touch to check on the status of my order.")).toHaveLength(1);
    // a letter's formal closing asks nothing
    expect(asked("Veuillez agréer, Madame, Monsieur, l'expression de mes sentiments respectueux.")).toEqual([]);
    expect(asked("Je vous prie de recevoir mes sincères salutations.")).toEqual([]);
    expect(asked('Please accept my kind regards.')).toEqual([]);
    expect(asked('Please send me the invoice, kind regards')).toHaveLength(1);
    // a story of asking before, or asking with nothing asked, is none
    expect(asked("Je n'ai rien à vous demander de plus, tout est parfait.")).toEqual([]);
    expect(asked('My sister told me to ask for the blue one, and I did.')).toEqual([]);
  });

  it('finds a wish to know held by someone else or written without its subject', () => {
    expect(asked("Ma mère est chez elle demain et aimerait savoir si le paquet arrive avant midi.")).toHaveLength(1);
    expect(asked("Mon mari part en voyage et voudrait connaître la date de livraison.")).toHaveLength(1);
    expect(asked("Elle demande si le service à thé est déjà parti.")).toHaveLength(1);
    expect(asked('My husband is away all week and wants to know whether the box has arrived.')).toHaveLength(1);
    expect(asked('Our office manager asked me if the invoice could be sent again.')).toHaveLength(1);
    expect(asked("Grandpa was wondering when the kettle would turn up.")).toHaveLength(1);
    // a wish that is not an ask, and the writer's own decision, stay out
    expect(asked('I hope to hear from you soon.')).toEqual([]);
    expect(asked("Il voudrait savoir s'il doit rester chez lui.")).toEqual([]);
  });

  it('skips greetings, closings, pleasantries and rhetorical questions', () => {
    expect(asked('Hello there!\nHow are you?\nMerci d\'avance !\nBonne journée,')).toEqual([]);
    expect(asked("Let me know if you need anything else from me.\nN'hésitez pas si vous avez besoin d'autre chose.")).toEqual([]);
    expect(asked('The mug broke twice in a week, who knew? Anyway it is fine now.')).toEqual([]);
    expect(asked('Dans l\'attente de votre réponse, je vous souhaite une bonne soirée.')).toEqual([]);
  });

  it('reads the question after a colon and keeps what came before as context', () => {
    const [ask] = customerAsks("Avant de commander la théière : est-ce qu'elle passe au lave-vaisselle ?");
    expect(ask!.folded).toBe("est-ce qu'elle passe au lave-vaisselle ?");
    expect(ask!.before[0]).toBe('avant de commander la theiere');
  });

  it("does not count the customer's own decision as a question of its own", () => {
    expect(asked('Could you tell me when it will arrive? I need to know whether to stay at home on Friday.'))
      .toEqual(['Could you tell me when it will arrive?']);
    expect(asked("Il voudrait savoir s'il doit prendre sa journée.")).toEqual([]);
  });

  it('gives each ask the sentences before it, nearest first', () => {
    const asks = customerAsks("Je ne retrouve plus la facture de mars. Elle était dans un vieux mail. Pouvez-vous me la renvoyer ?");
    expect(asks).toHaveLength(1);
    expect(asks[0]!.before).toEqual(['elle etait dans un vieux mail.', 'je ne retrouve plus la facture de mars.']);
  });
});
