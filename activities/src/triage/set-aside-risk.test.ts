/**
 * What the sender wrote that the cleaner takes out of the clean text (a letterhead above it; their own earlier mail
 * forwarded above a note written below the thread) is still read by the risk floors: a risk said there goes to a
 * person, while the exported clean body stays what the labelled definition says.
 */
import { fixtureShop } from '../reply/test-support/fixture-shop';
import { EmbeddedContextStore } from '../reply/embedded-context-store';
import { labelledCleanBody } from '../mail/clean-body';
import { intentDeps, loadIntentModel } from './intent-model';
import type { TriageDeps } from './pipeline';
import { loadPolicy } from './policy';
import { triageRaw } from './triage';

let deps: TriageDeps;
beforeAll(async () => {
  const shop = fixtureShop();
  deps = { shop, policy: await loadPolicy(undefined, await shop.policies()), context: new EmbeddedContextStore(), ...intentDeps(loadIntentModel()) };
});

let seq = 0;
const mail = (from: string, subject: string, body: string): Buffer => Buffer.from([
  `From: ${from}`,
  'To: support@maison-lumen.example',
  `Subject: ${subject}`,
  `Message-ID: <set-aside-${process.pid}-${++seq}@example.org>`,
  'Date: Tue, 24 Nov 2026 09:00:00 +0000',
  'Content-Type: text/plain; charset=utf-8',
  '',
  body,
].join('\r\n'));

const MANON = 'Manon Leroy <manon.leroy@orange.fr>';
const AMELIA = 'Amelia Wright <amelia.wright@yahoo.co.uk>';

describe('a letterhead naming the sender above the text', () => {
  it('escalates a formal notice named in the French title line, the clean body still starting at the greeting', async () => {
    const c = await triageRaw(mail(MANON, 'Ma commande', 'Manon Leroy — Mise En Demeure\n\nBonjour,\n\noù en est ma commande CMD-10305 ?\n\nCordialement,\nManon Leroy'), deps);
    expect(labelledCleanBody(c.cleaned)).toBe('Bonjour,\n\noù en est ma commande CMD-10305 ?\n\nCordialement,');
    expect(c.cleaned.ownTextSetAside).toContain('Mise En Demeure');
    expect(c.decision?.route).toBe('escalate');
  });

  it('escalates a chargeback announced in the English title line', async () => {
    const c = await triageRaw(mail(AMELIA, 'My order', 'AMELIA WRIGHT | CHARGEBACK FILED WITH MY BANK\n\nHello,\n\nwhere is my order CMD-10658?\n\nKind regards,\nAmelia Wright'), deps);
    expect(labelledCleanBody(c.cleaned)).not.toMatch(/CHARGEBACK/);
    expect(c.decision?.route).toBe('escalate');
  });

  it('leaves a plain letterhead out of the risk reading (nothing set aside raises a risk)', async () => {
    const c = await triageRaw(mail(MANON, 'Ma commande', 'Manon Leroy — Service Client\n\nBonjour,\n\noù en est ma commande CMD-10305 ?\n\nCordialement,\nManon Leroy'), deps);
    expect(c.classification?.signals).not.toEqual(expect.arrayContaining(['escalation_keyword']));
    expect(c.decision?.route).not.toBe('escalate');
  });
});

describe('the sender\'s own earlier mail forwarded above a note written below the thread', () => {
  const forwardFr = (threat: string): string => [
    '---------- Message transféré ---------',
    'De : Manon Leroy <manon.leroy@orange.fr>',
    'Date : lun. 23 nov. 2026 à 09:12',
    'Objet : Commande CMD-10305',
    'À : <support@maison-lumen.example>',
    '',
    `Bonjour, voilà une semaine que j'attends ma commande CMD-10305.${threat}`,
    '',
    'Le lun. 16 nov. 2026 à 10:00, Manon Leroy <manon.leroy@orange.fr> a écrit :',
    '> Bonjour, où en est ma commande CMD-10305 ?',
    '',
    '----------',
    'Question : est-elle déjà expédiée ?',
  ].join('\n');

  it('escalates the bank dispute and the court named in the forwarded French mail; the note stays the clean body', async () => {
    const c = await triageRaw(mail(MANON, 'TR: Commande CMD-10305',
      forwardFr(' Sans réponse d\'ici vendredi, je ferai opposition auprès de ma banque et je saisirai le tribunal.')), deps);
    expect(labelledCleanBody(c.cleaned)).toBe('Question : est-elle déjà expédiée ?');
    expect(c.cleaned.ownTextSetAside).toContain('tribunal');
    expect(c.decision?.route).toBe('escalate');
  });

  it('escalates the same in English', async () => {
    const body = [
      '---------- Forwarded message ---------',
      'From: Amelia Wright <amelia.wright@yahoo.co.uk>',
      'Date: Mon, 23 Nov 2026 at 09:12',
      'Subject: Order CMD-10658',
      'To: <support@maison-lumen.example>',
      '',
      'Hello, I have been waiting a week for order CMD-10658. If I hear nothing by Friday I will dispute the payment with my bank and take you to court.',
      '',
      'On Mon, 16 Nov 2026 at 10:00, Amelia Wright <amelia.wright@yahoo.co.uk> wrote:',
      '> Hello, where is my order CMD-10658?',
      '',
      '----------',
      'Question: has it shipped yet?',
    ].join('\n');
    const c = await triageRaw(mail(AMELIA, 'Fwd: Order CMD-10658', body), deps);
    expect(labelledCleanBody(c.cleaned)).toBe('Question: has it shipped yet?');
    expect(c.decision?.route).toBe('escalate');
  });

  it('escalates despair said in the forwarded mail (self-harm, a floor no model reading defuses)', async () => {
    const c = await triageRaw(mail(MANON, 'TR: Commande CMD-10305',
      forwardFr(' Avec tout ce qui arrive, j\'ai envie d\'en finir.')), deps);
    expect(labelledCleanBody(c.cleaned)).toBe('Question : est-elle déjà expédiée ?');
    expect(c.classification?.signals).toContain('self_harm');
    expect(c.decision?.route).toBe('escalate');
  });

  it('raises nothing when the forwarded mail holds no risk', async () => {
    const c = await triageRaw(mail(MANON, 'TR: Commande CMD-10305', forwardFr('')), deps);
    expect(labelledCleanBody(c.cleaned)).toBe('Question : est-elle déjà expédiée ?');
    expect(c.decision?.route).not.toBe('escalate');
  });
});
