import { findPii } from './pii';
import { fullNameCandidates } from './pii-names';

const ctx = { senderAddress: 'alex.morin@example.org', shopAddress: 'support@shop.example', senderName: 'Alex Morin', ownNames: ['Atelier Brume'] };
const names = (text: string, extra: Partial<typeof ctx> & { knownPeople?: string[] } = {}): string[] =>
  findPii(text, { ...ctx, ...extra }).filter((f) => f.type === 'name').map((f) => f.value);

describe('third-party names', () => {
  it('reads a relation word before a name, with or without an article, a comma or a title', () => {
    expect(names('My husband Pierre opened the box and it was broken.')).toEqual(['Pierre']);
    expect(names("J'ai offert la bouilloire à une amie, Nadia, pour son anniversaire.")).toEqual(['Nadia']);
    expect(names('Notre voisine Mme Lambert a récupéré le colis.')).toEqual(['Mme Lambert']);
    expect(names("My daughter's friend Ben Carter's mother signed for it")).toEqual(['Ben Carter']);
    expect(names('Our landlord, Mr. Okafor, keeps parcels in the hall.')).toEqual(['Mr. Okafor']);
  });

  it('reads a full name before the relation ("Ines Haddad, my colleague")', () => {
    expect(names('Please send the invoice to Ines Haddad, my colleague in accounts.')).toEqual(['Ines Haddad']);
  });

  it('reads initials with a surname, keeps the full name without the title', () => {
    expect(names('Le livreur dit que J.-P. Moreau a signé.')).toEqual(['J.-P. Moreau']);
    expect(names('Signed for by R. OKONJO at 10:42')).toEqual(['R. OKONJO']);
    expect(names('Veuillez contacter Madame Sophie Klein pour la facture.')).toEqual(['Sophie Klein']);
  });

  it('reads hand-over phrases and quoted header lines', () => {
    expect(names("Je vous écris de la part de Gérard Lemoine, qui n'a pas d'e-mail.")).toEqual(['Gérard Lemoine']);
    expect(names('The parcel was left with Dawn Mitchell at number 12.')).toEqual(['Dawn Mitchell']);
    expect(names('-----Original Message-----\nFrom: Ravi Kapoor [mailto:ravi@firm.example]\nSent: Monday')).toEqual(['Ravi Kapoor']);
    expect(names('Am 20.11.2026 um 09:12 schrieb Lena Vogel <lena@mail.example>:')).toEqual(['Lena Vogel']);
  });

  it('reads a person on the line above a postal address, not a company', () => {
    expect(names('Livrez à :\nÉmilie Garnier\n3 rue des Écoles\n21000 Dijon')).toEqual(['Émilie Garnier']);
    expect(names('Invoice to:\nNorthgate Design Ltd\n3 Mill Road\nCambridge CB1 2AD')).toEqual([]);
  });

  it('lists a customer of the shop written in full when the writer is someone else', () => {
    expect(names('I think the parcel went to Rosa Quint by mistake.', { knownPeople: ['Rosa Quint'] })).toEqual(['Rosa Quint']);
  });

  it('never lists the writer, the shop, carriers, devices or sentence openers', () => {
    expect(names('Alex Morin\n06 11 22 33 44')).toEqual([]);
    expect(names("L'équipe Atelier Brume vous remercie. Sent from my Galaxy. Suivi Colissimo : ok.")).toEqual([]);
    expect(names('Yesterday, my husband said it was fine. Thanks, my friend.')).toEqual([]);
    expect(names('From: Atelier Brume Livraison <news@brume.example>\nDe : Harbour Bank <alerts@bank.example>')).toEqual([]);
    expect(names('Rahul K.\nDigital Marketing Manager')).toEqual([]);
    expect(names('We chose plan B. Then it broke.')).toEqual([]);
  });
});

describe('fullNameCandidates', () => {
  it('proposes every pair of capitalised words, overlapping', () => {
    expect(fullNameCandidates('Hi, Marie Anne Dupont here').map((c) => `${c.first} ${c.last}`)).toEqual(['Marie Anne', 'Anne Dupont']);
  });
});

describe('third-party names: more shapes', () => {
  it('reads two people joined after one relation word', () => {
    expect(names('Mes enfants Léo et Maëlle adorent la théière.')).toEqual(['Léo', 'Maëlle']);
    expect(names('My kids Emma and Jack broke the lid.')).toEqual(['Emma', 'Jack']);
  });
  it('reads form-like lines', () => {
    expect(names('Destinataire : Claire Dubois\nTéléphone : 06 10 20 30 40')).toEqual(['Claire Dubois']);
    expect(names('Deliver to: Mrs Hale')).toEqual(['Mrs Hale']);
  });
  it('reads Spanish and Italian titles', () => {
    expect(names('El paquete lo recibió la Señora Ortega.')).toEqual(['Señora Ortega']);
  });
  it('needs a full name, a title or initials after words also said of companies', () => {
    expect(names('Contact Us | Unsubscribe. Please contact DHL or ask for Darty.')).toEqual([]);
    expect(names('Please contact Olivia Bennett in our office.')).toEqual(['Olivia Bennett']);
  });
});

describe('third-party names: descriptions, family titles, names before a bracketed relation', () => {
  it('lets a few small words describe the relation before the comma', () => {
    expect(names('My colleague from accounts, Dave Hughes, asked about it.')).toEqual(['Dave Hughes']);
  });
  it('reads family words used as titles', () => {
    expect(names('I bought it as a present for Aunt Mary and Uncle Bob.')).toEqual(['Mary', 'Bob']);
    expect(names("J'ai offert la théière à Mamie Jeanne.")).toEqual(['Jeanne']);
  });
  it('reads a first name followed by the relation in brackets, not a sentence opener', () => {
    expect(names('I gave it to Paul (my partner) yesterday.')).toEqual(['Paul']);
    expect(names('Last Monday, my husband called you.\nGood Morning, my friend.')).toEqual([]);
  });
});

describe('third-party names: titles in capitals, in lower case, before a particle', () => {
  it('reads capitalised and lower-case titles, and surnames opening with a particle', () => {
    expect(names('Livré à MME LUCIE FABRE, le colis.')).toEqual(['LUCIE FABRE']);
    expect(names('Mi vecina, la señora Pilar Gómez, lo recogió.')).toEqual(['Pilar Gómez']);
    expect(names("J'ai vu madame Girardot ce matin.")).toEqual(['madame Girardot']);
    expect(names('Le colis est chez Mme de la Tour. Mr de Souza aussi.')).toEqual(['Mme de la Tour', 'Mr de Souza']);
  });
  it('does not take a verb for a title', () => {
    expect(names("Don't miss Black Friday!")).toEqual([]);
  });
});

describe('third-party names: particles, places, groups and initials (challenge-pii-1 kinds, other voices)', () => {
  it('reads a capitalised particle inside a surname and "his name is"', () => {
    expect(names("His name's Pieter Van der Linden, he'll sign for it.")).toEqual(['Pieter Van der Linden']);
    expect(names('Ma belle-sœur Aoife Ní Bhriain viendra le chercher.')).toEqual(['Aoife Ní Bhriain']);
  });
  it('lets a place describe the relation before the comma', () => {
    expect(names('Ma tante de Lyon, Josiane Perrin, passera le prendre.')).toEqual(['Josiane Perrin']);
  });
  it('reads a name followed by the group the writer shares with that person', () => {
    expect(names('Marta Kowalczyk from our book club recommended the teapot.')).toEqual(['Marta Kowalczyk']);
    expect(names("C'est Karine de mon club de yoga qui m'a parlé de vous.")).toEqual(['Karine']);
    expect(names('Someone from my office said it was good.')).toEqual([]);
  });
  it('keeps initials without the title, and never reads a size or a building letter as an initial', () => {
    expect(names('Livré à Mme C. Perrot hier.')).toEqual(['C. Perrot']);
    expect(names('My colleague R.J. Fitzgerald-Hume will collect it.')).toEqual(['R.J. Fitzgerald-Hume']);
    expect(names('Escalier B. Notre porte est la 3. Taille L. Elle taille grand.')).toEqual([]);
    expect(names('The jug holds 1.5 L. Its lid is loose.')).toEqual([]);
  });
  it('reads no person in a title after a determiner or a possessive (a brand), nor in "chez" + shop', () => {
    expect(names("Mon vieux Mr. Muscle n'y arrive pas, et our Dr. Oetker mix neither.")).toEqual([]);
    expect(names('My neighbour Mr. Osei took it in.')).toEqual(['Mr. Osei']);
    expect(names('Chez Auchan la Tefal est moins chère.')).toEqual([]);
  });
});

describe('third-party names in mail written without capitals', () => {
  it('reads a lower-case name set off by commas or followed by "qui"/"who", and a lower-case title', () => {
    expect(names('salut\nmon pote, kevin durand, a reçu le colis.\nmerci')).toEqual(['kevin durand']);
    expect(names('hey\nmy flatmate priya who ordered it is away\ncheers')).toEqual(['priya']);
    expect(names('bonjour\nle colis est chez mme petitjean au rdc\nmerci')).toEqual(['mme petitjean']);
  });
  it('takes no verb, adverb or measure for a name', () => {
    expect(names('hi\nmy wife and i love it. my husband paid.\nthanks')).toEqual([]);
    expect(names('hi\nmy boss, again, wants it. my sister, annoyed, returned hers.\nthx')).toEqual([]);
    expect(names('bonjour\nje mesure 1 m. environ, mon mari est grand. mr. le directeur est prévenu\nmerci')).toEqual([]);
  });
  it('stays off in mail written with capitals', () => {
    expect(names('Hello,\nMy friend, lovely person, said so.\nThanks')).toEqual([]);
  });
});

describe('third-party names: challenge-pii-2 kinds, other voices', () => {
  it('reads everyday relation words and elided particles', () => {
    expect(names('My buddy Tomasz Nowak picked it up for me.')).toEqual(['Tomasz Nowak']);
    expect(names('hi\nmy mate kev, who lives downstairs, took it in\ncheers')).toEqual(['kev']);
    expect(names("Mon neveu Arnaud d'Estienne passera le chercher.")).toEqual(["Arnaud d'Estienne"]);
  });
  it('reads Dutch titles', () => {
    expect(names('Graag leveren aan Dhr. Bakker, of bel Mevr. Jansen.')).toEqual(['Dhr. Bakker', 'Mevr. Jansen']);
  });
  it('takes no shop named after a family word or a firm of brothers for a person', () => {
    expect(names('Je les ai vues chez Mère Poulard et chez Mariage Frères, pas chez Léon Dupuis.')).toEqual(['Léon Dupuis']);
  });
});

describe('third-party names: challenge-pii-3 kinds, other voices', () => {
  it('reads a lower-case name after a naming phrase in mail written without capitals', () => {
    expect(names("salut\nmon coloc s'appelle yanis mokrani, c'est lui qui a payé\nbiz")).toEqual(['yanis mokrani']);
    expect(names("hi\nthe lady downstairs, her name is maureen, has it\nta")).toEqual(['maureen']);
  });
  it('reads full names listed after a group of people and a colon, not brands', () => {
    expect(names('Cadeaux pour mes collègues : Nora Haddad, Félix Girard et Inès Cohen.')).toEqual(['Nora Haddad', 'Félix Girard', 'Inès Cohen']);
    expect(names('Our staff: Tariq Ortiz & Maya Lund will sign.')).toEqual(['Tariq Ortiz', 'Maya Lund']);
    expect(names('Brands I like: Le Creuset, Staub and Mauviel.')).toEqual([]);
  });
});

describe('given names (a lexicon of many languages) placed by the words around them (challenge-pii-6 kinds, other voices)', () => {
  it('reads a full name with no cue before it, wherever it stands in the sentence', () => {
    expect(names('Yesterday Kofi Mensah-Bonsu from the garage brought the box up.')).toEqual(['Kofi Mensah-Bonsu']);
    expect(names('Est-ce que Bérénice Lavallée peut passer le chercher samedi ?')).toEqual(['Bérénice Lavallée']);
    expect(names('The person to ask is Joaquín Ortega Ruiz, he keeps the keys.')).toEqual(['Joaquín Ortega Ruiz']);
  });

  it('reads a lone given name inside a sentence, and given names listed together anywhere', () => {
    expect(names("J'ai laissé le carton pour Gauthier, il passera le prendre.")).toEqual(['Gauthier']);
    expect(names('The second mug went to the office and Ayodele unwrapped it.')).toEqual(['Ayodele']);
    expect(names('Léonie, Maxime et Ambre ont chacun reçu une tasse fêlée.')).toEqual(['Léonie', 'Maxime', 'Ambre']);
    expect(names('Tobias and Astrid both got the wrong colour.')).toEqual(['Tobias', 'Astrid']);
  });

  it('reads the given name again once the person was named in full', () => {
    expect(names('Océane Brunet a réceptionné le colis ; Océane dit que la boîte était ouverte.')).toEqual(['Océane Brunet', 'Océane']);
  });

  it('leaves things, brands, shops, towns, greetings and sign-offs that carry a given name', () => {
    expect(names('Is the Marc Newson kettle back in stock?')).toEqual([]);
    expect(names('Je compare votre théière à la cafetière en verre Florian Weber que j’ai déjà.')).toEqual([]);
    expect(names('I saw the same one at Tobias Becker on the high street.')).toEqual([]);
    expect(names('Nous habitons à Florence depuis mars et la livraison passe par Milan.')).toEqual([]);
    expect(names('Sujet : Avis de passage du transporteur')).toEqual([]);
    expect(names('All good now.\n\nThanks, Dan')).toEqual([]);
    expect(names('We drink the Earl Grey every morning.')).toEqual([]);
    expect(names('Merci pour les 6 bougies Ambre, elles sentent bon.')).toEqual([]);
    expect(names('Unit 4, Malik & Brigitte Ceramics Ltd')).toEqual([]);
  });
});

describe('titles and initials (challenge-pii-7 kinds, other voices)', () => {
  it('reads a title after "send the … to", and Dutch, Polish and Portuguese titles written in full', () => {
    expect(names('Please post the spare lid to Mr. Ifeanyi Obi at the front desk.')).toEqual(['Ifeanyi Obi']);
    expect(names('Het pakket is voor mevrouw Jansen, de buurvrouw.')).toEqual(['mevrouw Jansen']);
    expect(names('Wysłałam to do Pani Nowak.')).toEqual(['Pani Nowak']);
    expect(names('My old Mr. Coffee broke.')).toEqual([]);
  });
  it('reads initials before a surname that opens with a lower-case particle', () => {
    expect(names('It was signed for by "M.A. de la Fuente" at 9:40.')).toEqual(['M.A. de la Fuente']);
    expect(names('Le bon porte la mention « att. K. van Dijk ».')).toEqual(['K. van Dijk']);
  });
});

describe('lower-case given names in mail written without capitals (challenge-pii-4/-6 kinds, other voices)', () => {
  it('reads a lower-case given name after a verb or preposition that takes a person, with the surname after it', () => {
    expect(names("hi\n\nthe box is with tobias lindqvist next door. he's in after 6\n\nthanks")).toEqual(['tobias lindqvist']);
    expect(names('coucou\n\nj ai demandé à océane de le récupérer, elle passe demain\n\nbisous')).toEqual(['océane']);
  });
  it('leaves everyday words and names in mail written with capitals', () => {
    expect(names('hello\n\ncan i get the kettle in rose gold instead. the one with grace notes on the box\n\nta')).toEqual([]);
    expect(names('Hello,\n\nThe box is with tobias next door.\n\nThanks')).toEqual([]);
  });
});

describe('Irish surnames with a patronymic particle written apart (challenge-pii-5 kind, other voices)', () => {
  it('reads "Ní", "Nic" and "Ó" between a given name and a surname, whatever comes before', () => {
    expect(names('Could you post it on to Aoife Nic Aodha in Galway?')).toEqual(['Aoife Nic Aodha']);
    expect(names('Le colis est pour Caoimhe Ní Shúilleabháin.')).toEqual(['Caoimhe Ní Shúilleabháin']);
  });
});
