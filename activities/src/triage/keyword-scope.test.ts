import { findKeywordHits } from './keywords';
import { testPolicy } from './test-support/fixtures';

const base = testPolicy();
// the shop's lists plus the two words of a threat (the shop fixture of the labelled sets lists them)
const policy = testPolicy({
  escalationKeywords: { fr: [...base.escalationKeywords.fr, 'menace'], en: [...base.escalationKeywords.en, 'threat'] },
});
const live = (text: string): string[] => findKeywordHits(text, policy).live;
const why = (text: string): string[] => findKeywordHits(text, policy).outOfScope.map((o) => o.why);

describe('keywords out of the escalation scope (keyword-scope.ts)', () => {
  it('reads a dispute or complaint the writer says they withdrew as closed', () => {
    expect(live("Le virement est arrivé, j'ai donc fermé la réclamation et le litige ouvert chez ma banque.")).toEqual([]);
    expect(why("Tout est rentré dans l'ordre : j'ai retiré ma plainte hier.")).toEqual(['withdrawn_by_writer']);
    expect(live("Money received this morning, so I've closed the dispute on my side. Thanks!")).toEqual([]);
    expect(live('We have withdrawn our complaint, the parcel finally turned up.')).toEqual([]);
    expect(live("Quant au litige que j'avais lancé sur la plateforme, il n'a plus lieu d'être.")).toEqual([]);
  });

  it('keeps a withdrawal that is promised, conditional or not the writer\'s as live', () => {
    expect(live('Je retirerai ma plainte si vous me remboursez avant vendredi.')).toEqual(['plainte']);
    expect(live("I'll close the dispute once the money is back on my card.")).toEqual(['dispute']);
    expect(live('PayPal a clôturé le litige en ma faveur.')).toEqual(['litige']);
    expect(live("J'ai fermé le litige chez PayPal mais j'ouvre un litige auprès de ma banque.")).toEqual(['litige']);
    expect(live('I opened a dispute with my card company yesterday.')).toEqual(['dispute']);
  });

  it('reads the threat of an impersonal event as no one\'s threat', () => {
    expect(live('Avec la menace de grève des livreurs, je préfère commander tôt.')).toEqual([]);
    expect(why('Is there a risk of delay with the threat of a strike at the post office?')).toEqual(['event_threat']);
    expect(live('The storm threat last week did not stop the parcel, well done.')).toEqual([]);
    expect(live('Je vous menace de porter cette affaire plus loin.')).toEqual(['menace']);
    expect(live('This is a threat: refund me or else.')).toEqual(['threat']);
  });

  it("reads a bank's fraud check of the writer's own payment as innocent, never when a charge is denied", () => {
    expect(live("Ma banque a bloqué le paiement pour suspicion de fraude ; c'était bien moi, j'ai validé dans l'appli. La commande est-elle passée ?")).toEqual([]);
    expect(why("My bank's fraud team flagged the payment. It was me, I confirmed it straight away. Did the order go through?")).toEqual(['own_payment_confirmed']);
    expect(live("Ma banque signale une fraude : ce n'était pas moi, je n'ai jamais passé cette commande.")).toContain('fraude');
    expect(live('My bank flagged it as fraud. I confirmed the first payment but someone used my card for the second.')).toEqual(['fraud']);
    expect(live('This shop is a fraud, I confirmed it with my bank.')).toEqual(['fraud']);
  });
});
