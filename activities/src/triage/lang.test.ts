import { detectLang } from './lang';

describe('detectLang', () => {
  it('tells French from English', () => {
    expect(detectLang("Bonjour, je n'ai toujours pas reçu ma commande. Pouvez-vous vérifier ? Merci")).toBe('fr');
    expect(detectLang('Hello, I still have not received my order. Could you check it for me? Thanks')).toBe('en');
  });
  it('calls a message mixed when both languages carry weight', () => {
    expect(detectLang("Hello, sorry my French is bad. Je voudrais savoir quand le colis va arriver, because it is for my wife. Merci !"))
      .toBe('mixed');
  });
  it('does not call a greeting or a thank-you in the other language mixed', () => {
    expect(detectLang('Bonjour, could you tell me when my order will arrive? Thank you very much.')).toBe('en');
    expect(detectLang("Hello, je voudrais savoir où en est ma commande, elle n'est toujours pas arrivée. Merci")).toBe('fr');
  });
});
