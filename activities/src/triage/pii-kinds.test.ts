/**
 * Kinds of personal data read since challenge-pii-4 (issue 14, kind 7), each in texts written for this test in other
 * voices than the blind sets, with the look-alikes that must stay readable beside them.
 */
import { findPii } from './pii';

const ctx = { senderAddress: 'kim.laval@example.org', shopAddress: 'support@shop.example', senderName: 'Kim Laval', ownNames: ['Atelier Brume'] };
const of = (type: string, text: string): string[] => findPii(text, ctx).filter((f) => f.type === type).map((f) => f.value);

describe('names without a relation word', () => {
  it('reads the person a thing was handed to, even by a first name alone', () => {
    expect(of('name', 'The courier gave the parcel to Bogdan Ilić at the kiosk.')).toEqual(['Bogdan Ilić']);
    expect(of('name', 'I handed it to Yusuf and he lost the receipt.')).toEqual(['Yusuf']);
    expect(of('name', "Je l'ai confié à Mme Oyelaran pour la semaine.")).toEqual(['Mme Oyelaran']);
    // places and carriers are sent to, not handed to
    expect(of('name', 'You sent it to Lyon and then to Mondial Relay.')).toEqual([]);
    expect(of('name', 'I gave it to Amazon returns.')).toEqual([]);
  });

  it('reads names joined by a lower-case particle, an Irish O\' or a Vietnamese family name', () => {
    expect(of('name', 'Please tell Joost van den Akker the order is in.')).toEqual(['Joost van den Akker']);
    expect(of('name', 'Ana Beatriz dos Reis will collect it.')).toEqual(['Ana Beatriz dos Reis']);
    // a surname that is also a place's generic noun (Costa, Rio, Vila) is still a name when it is not the name's first word
    expect(of('name', 'Please send it to João Pedro da Costa at the office.')).toEqual(['João Pedro da Costa']);
    expect(of('name', 'A minha colega Ana Costa dos Santos vai buscar.')).toEqual(['Ana Costa dos Santos']);
    expect(of('name', 'We stayed at Costa da Caparica Beach, then Praia da Rocha.')).toEqual([]);
    expect(of('name', 'Yesterday Ciarán O\'Donoghue rang twice.')).toEqual(["Ciarán O'Donoghue"]);
    expect(of('name', 'Le colis est pour Phạm Thu Hà, merci.')).toEqual(['Phạm Thu Hà']);
    expect(of('name', 'We holidayed on the Costa da Caparica, then Ho Chi Minh City. My Apple MacBook Air died.')).toEqual([]);
    expect(of('name', 'Ciao!\n\nInviato da Libero Mail per Android')).toEqual([]);
  });

  it('reads a person greeted beside the shop, and a list of people after a colon', () => {
    expect(of('name', 'Hi Tomasz, hi the support team,\nTomasz asked me to write.')).toEqual(['Tomasz']);
    expect(of('name', 'Bonjour Madame, Monsieur,\nPouvez-vous répondre ?')).toEqual([]);
    expect(of('name', 'Gift cards for these people: Ifeoma Nnaji, Lars Eriksen and Dara Kelly.')).toEqual(['Ifeoma Nnaji', 'Lars Eriksen', 'Dara Kelly']);
  });

  it('reads four-word Spanish names and a friend greeted beside "Madame, Monsieur"', () => {
    expect(of('name', 'Our childminder, Ana Isabel Romero Llorente, has the key.')).toEqual(['Ana Isabel Romero Llorente']);
    expect(of('name', 'Bonjour Yannick, Madame, Monsieur,\nje vous transfère ma question.')).toEqual(['Yannick']);
  });

  it('keeps a German title chain out of a full name', () => {
    expect(of('name', 'z. Hd. Herrn Prof. Anselm Kraus')).toEqual(['Anselm Kraus']);
    expect(of('name', 'Die Rechnung bitte für Frau Dr. Wagner ausstellen.')).toEqual(['Frau Dr. Wagner']);
  });
});

describe('addresses, phones and birth dates', () => {
  it('reads post-office boxes and Portuguese and German complements as addresses', () => {
    expect(of('address', 'Send it to:\nCase postale 2041\n1211 Genève 2\nSuisse\nThanks')).toEqual(['Case postale 2041\n1211 Genève 2\nSuisse']);
    expect(of('address', 'Mein Büro: Postfach 31 08, 80331 München.')).toEqual(['Postfach 31 08, 80331 München']);
    expect(of('address', 'P.O. Box 77, Kingston ON K7L 4V6')).toEqual(['P.O. Box 77, Kingston ON K7L 4V6']);
    expect(of('address', 'Rua do Almada 88, 2.º Dto.\n4050-032 Porto')).toEqual(['Rua do Almada 88, 2.º Dto.\n4050-032 Porto']);
    expect(of('address', 'Lindenallee 4, 2. OG\n50968 Köln')).toEqual(['Lindenallee 4, 2. OG\n50968 Köln']);
    expect(of('address', 'Meine Adresse: Grazer Straße 17/2/9, 8010 Graz')).toEqual(['Grazer Straße 17/2/9, 8010 Graz']);
    expect(of('address', 'Ship to 22 Residency Road, Ashok Nagar, Chennai 600083, India.')).toEqual(['22 Residency Road, Ashok Nagar, Chennai 600083, India']);
  });

  it('keeps an extension with its number and reads digits said in words where the words say phone', () => {
    expect(of('phone', 'Reception: +44 161 496 0732 ext 118.')).toEqual(['+44 161 496 0732 ext 118']);
    expect(of('phone', 'Mon bureau : 01 84 88 20 40, poste 3305.')).toEqual(['01 84 88 20 40, poste 3305']);
    expect(of('phone', 'text me on oh seven nine double four, one two three, five six seven')).toEqual(['oh seven nine double four, one two three, five six seven']);
    expect(of('phone', 'I bought two, then three, then one more: five six seven eight nine ten')).toEqual([]);
    expect(of('phone', "Vous pouvez m'appeler au zéro sept, quatre-vingt-onze, soixante-dix, zéro deux, treize.")).toEqual(['zéro sept, quatre-vingt-onze, soixante-dix, zéro deux, treize']);
    expect(of('phone', 'Mon numéro ? J’en ai acheté vingt-deux, puis trente.')).toEqual([]);
  });

  it('reads an e-mail address spelled out in lower-case words', () => {
    expect(of('email', 'write to lena dot vogt at posteo dot de instead')).toEqual(['lena dot vogt at posteo dot de']);
    expect(of('email', 'We met at Home dot then at Lidl dot com.')).toEqual([]);
  });

  it('reads birth dates written in words, in a birth context only', () => {
    expect(of('dob', 'I was born on the ninth of November nineteen seventy-four.')).toEqual(['ninth of November nineteen seventy-four']);
    expect(of('dob', 'Ma date de naissance : vingt-trois avril 1985.')).toEqual(['vingt-trois avril 1985']);
    expect(of('dob', 'Delivery on the ninth of November 2026, please.')).toEqual([]);
  });
});

describe('forms of challenge-pii-6, other voices', () => {
  it('reads a German number with its area code set off by a slash, never a date', () => {
    expect(of('phone', 'Tagsüber bin ich unter 089/21098765 erreichbar.')).toEqual(['089/21098765']);
    expect(of('phone', 'Livré le 03/12/2026 vers 10h.')).toEqual([]);
  });
  it('reads a birth date written year first with dots or slashes', () => {
    expect(of('dob', 'Date of birth 1957/11/02, if the form needs it.')).toEqual(['1957/11/02']);
    expect(of('dob', 'né le 1983.05.30 à Liège')).toEqual(['1983.05.30']);
  });
  it('reads an IBAN typed in lower case, checksum held', () => {
    expect(of('iban', 'le virement vient de be68 5390 0754 7034 merci')).toEqual(['be68 5390 0754 7034']);
    expect(of('iban', 'ref ab12 3456 7890 1234 5678')).toEqual([]);
  });
});

describe('kinds of challenge-pii-8 and the mock held-out set, other voices', () => {
  it('reads an e-mail written with a bare "at" and real dots when it reads as a handle or the words say e-mail', () => {
    expect(of('email', 'You can reach my brother on k_osei at proton.me if I am away.')).toEqual(['k_osei at proton.me']);
    expect(of('email', 'Son mail : lucille at atelier-rosier.fr (elle lit tous les soirs).')).toEqual(['lucille at atelier-rosier.fr']);
    expect(of('email', 'Write to the club secretary (marguerite at clubvelo.be).')).toEqual(['marguerite at clubvelo.be']);
    // a place, a web shop or a mail server named after "at" is no address
    expect(of('email', 'Have a look at amazon.co.uk for the same kettle, I arrive at 10.30.')).toEqual([]);
    expect(of('email', 'This is the qmail-send program at relay.hosting-eu.net.')).toEqual([]);
    expect(of('email', 'I placed order CMD-10672 at maison-lumen.fr last week.')).toEqual([]); // reviewer, session 16
    expect(of('email', 'Write to grace1985 at gmail.com please.')).toEqual(['grace1985 at gmail.com']);
  });
  it('reads a birth date with the day in figures and the year in words, and "mil" for "mille"', () => {
    expect(of('dob', 'My date of birth is the 2nd of June, nineteen eighty-eight.')).toEqual(['2nd of June, nineteen eighty-eight']);
    expect(of('dob', 'Mon père est né le 14 juillet mil neuf cent cinquante-deux.')).toEqual(['14 juillet mil neuf cent cinquante-deux']);
    expect(of('dob', 'Elle est née le onze mai mil neuf cent soixante.')).toEqual(['onze mai mil neuf cent soixante']);
    expect(of('dob', 'The sale ends on the 2nd of June, twenty twenty-seven.')).toEqual([]);
  });
  it('reads a street named by an ordinal, a street line of any words above a postcode, a district letter, an estate', () => {
    expect(of('address', 'Send it to 18 West 4th Street, Apt 2, Brooklyn, NY 11215.')).toEqual(['18 West 4th Street, Apt 2, Brooklyn, NY 11215']);
    expect(of('address', 'Bitte liefern an:\nUntere Dorfgasse 3b\n79098 Freiburg\nDeutschland')).toEqual(['Untere Dorfgasse 3b\n79098 Freiburg\nDeutschland']);
    expect(of('address', 'Lejlighed 2 th.\nStore Kongensgade 40\n1264 København K\nDanmark')).toEqual(['Store Kongensgade 40\n1264 København K\nDanmark']);
    expect(of('address', 'Unit 12, Riverside Way Business Park, Bristol BS2 0XY')).toEqual(['Unit 12, Riverside Way Business Park, Bristol BS2 0XY']);
  });
  it('reads a one-line address closed by a country in a form no postcode anchor knows', () => {
    expect(of('address', 'Could it go to 5-3-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023, Japan?')).toEqual(['5-3-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023, Japan']);
    expect(of('address', 'A morada é 112 Rua Augusta, 1100-053 Lisboa, Portugal.')).toEqual(['112 Rua Augusta, 1100-053 Lisboa, Portugal']);
    // a sentence before the country, or no postcode's figures, is no address
    expect(of('address', 'I bought 2 Kettles in Porto last year, Portugal is lovely.')).toEqual([]);
    expect(of('address', 'We stayed 3 Nights in Kyoto, Osaka, Japan.')).toEqual([]);
  });
});

describe('names of challenge-pii-8 kinds, other voices', () => {
  it('reads a lone given name opening a sentence when a verb follows it, not a word that opens one', () => {
    expect(of('name', 'The box was wet. Annika says it sat in the rain for an hour.')).toEqual(['Annika']);
    expect(of('name', "J'ai un souci. Jérémie a ouvert le colis et la lampe est fêlée.")).toEqual(['Jérémie']);
    expect(of('name', 'Thanks. Tobias from next door kept it for me.')).toEqual(['Tobias']);
    expect(of('name', 'Will you send it today? Mine is still not here. Florence is lovely in May.')).toEqual([]);
  });
  it('reads a person after a possessive and a noun when a verb follows, or after a word of endearment', () => {
    expect(of('name', 'My lodger Ingrid Solberg has been waiting in for it all week.')).toEqual(['Ingrid Solberg']);
    expect(of('name', "C'est pour notre petit Théophile, qui a trois ans.")).toEqual(['Théophile']);
    expect(of('name', 'My new Kenwood Chef mixer and the Tom Dixon lamp arrived.')).toEqual([]);
  });
  it('reads names after a role the writer gives them', () => {
    expect(of('name', 'Our porter Declan Moriarty signed for it.')).toEqual(['Declan Moriarty']);
    expect(of('name', 'La nourrice, Abdoulaye Sarr, a récupéré le colis.')).toEqual(['Abdoulaye Sarr']);
    // a line break after the role ends it
    expect(of('name', 'Subject: your porter\nRight. He was rude.')).toEqual([]);
  });
  it('reads "au nom d\'…", a doctor\'s faculty, "Doña" and a surname\'s initial', () => {
    expect(of('name', "La facture doit être au nom d'Hélène Vasseur-Dumas.")).toEqual(['Hélène Vasseur-Dumas']);
    expect(of('name', 'Bitte an Dr. rer. nat. Jonas Eberle weiterleiten.')).toEqual(['Jonas Eberle']);
    expect(of('name', 'Es un regalo para Doña Carmen Villanueva.')).toEqual(['Carmen Villanueva']);
    expect(of('name', 'The note was signed by Priti S. and dated Monday.')).toEqual(['Priti S.']);
  });
  it('reads names in a mail written in capitals, and lower-case names in a capitalised mail', () => {
    expect(of('name', 'HELLO, MY DAUGHTER IMOGEN HOLLOWAY WILL COLLECT THE PARCEL ON SATURDAY. PLEASE DO NOT SEND IT BACK AGAIN.')).toEqual(['IMOGEN HOLLOWAY']);
    expect(of('name', 'Bonjour, le colis est chez mon voisin du rez-de-chaussée, rodolphe, qui le garde. Le bon indique « mlle garnier ».'))
      .toEqual(['rodolphe', 'mlle garnier']);
    expect(of('name', 'Bonjour madame, pourriez-vous vérifier ? Merci monsieur pour votre aide.')).toEqual([]);
  });
});

describe('names of challenge-pii-10 kinds, other voices', () => {
  it('reads given names the common lists lack (a wider list), not the words and surnames that list also holds', () => {
    expect(of('name', 'The parcel was taken in by Eilidh Macaulay, two floors up.')).toEqual(['Eilidh Macaulay']);
    expect(of('name', 'Au final, Maëlys Kerbrat a tout récupéré au relais.')).toEqual(['Maëlys Kerbrat']);
    expect(of('name', 'We also ordered for Bronwen, who loves the teapot.')).toEqual(['Bronwen']);
    // a language, a mail word, a surname before a company's word, a German salutation
    expect(of('name', 'I am German and read the leaflet in German only.')).toEqual([]);
    expect(of('name', 'The mail came back marked Returned to Sender yesterday.')).toEqual([]);
    expect(of('name', 'Sehr geehrte Damen und Herren, the order from Garcia Architecture is late.')).toEqual([]);
  });
  it('reads a person after a French verb of saying or giving and "à", not a town after a verb of going', () => {
    expect(of('name', "J'en ai parlé à Clothilde et elle est d'accord.")).toEqual(['Clothilde']);
    expect(of('name', 'Un grand merci à Abdelkader pour son aide.')).toEqual(['Abdelkader']);
    expect(of('name', 'Je suis allée à Florence puis mon associé à Milan a appelé.')).toEqual([]);
    expect(of('name', 'On habite rue Sainte-Catherine, près de la place Victor Hugo.')).toEqual([]);
  });
  it('reads a lone name opening a sentence when where the person is follows it', () => {
    expect(of('name', 'No worries. Tamsin from three doors down has it.')).toEqual(['Tamsin']);
    expect(of('name', 'It came on Monday. Ailsa at reception put it aside.')).toEqual(['Ailsa']);
    expect(of('name', 'Paris at the weekend was lovely.')).toEqual([]);
  });
  it('reads names listed with the writer, or joined by "or", and a name after a copula', () => {
    expect(of('name', 'Bryony, Cerys, Hamish and I shared the order.')).toEqual(['Bryony', 'Cerys', 'Hamish']);
    expect(of('name', "Ce sera Apolline ou Bertille qui viendra.")).toEqual(['Apolline', 'Bertille']);
    expect(of('name', "Bonjour, c'est Gaëlle qui vous écrit pour ma mère.")).toEqual(['Gaëlle']);
  });
  it('reads who signs a person\'s account when it is not that person, not a short form of their own name', () => {
    expect(of('name', 'Hello,\n\nWriting for my grandad, he is not online.\n\nMany thanks,\nMorwenna')).toEqual(['Morwenna']);
    expect(of('name', 'Bonjour,\n\nPour mon oncle, qui ne lit pas ses mails.\n\nCordialement,\nTanguy (son neveu)')).toEqual(['Tanguy']);
    expect(of('name', 'Hi,\n\nAny news on my order?\n\nThanks,\nKimmy')).toEqual([]);
  });
  it('does not read a town the text names as a place as a person further on', () => {
    expect(of('name', 'My aunt in Sydney wants one too. We fly out and then Sydney again in March.')).toEqual([]);
  });
});

describe('addresses of challenge-pii-10 kinds, other voices', () => {
  it('reads a house name after "c/o" above the street as the address\'s first line', () => {
    expect(of('address', 'Send it here please:\nc/o Ivy Cottage\nMill Lane\nKendal LA9 4QP\n\nThanks')).toEqual(['Ivy Cottage\nMill Lane\nKendal LA9 4QP']);
  });
});
