import { parseEmail } from '@replique/activities/mail/parse-email';
import { cleanBody } from '@replique/activities/mail/clean-body';
import { customerVoice, orderNumberPattern } from '@replique/activities/mail/customer-voice';
import { pitchFamilies } from '@replique/activities/mail/spam-signals';
import { looksLikeOutOfOffice } from '@replique/activities/mail/out-of-office';
import { phishingVerdict } from '@replique/activities/mail/phishing-signals';
import { senderShape } from '@replique/activities/mail/sender-shape';
import { loadChallengeSet, toRaw } from './challenge-set';
(async () => {
  const ids = process.argv.slice(3);
  for (const [i, c] of loadChallengeSet(process.argv[2]!).entries()) {
    if (ids.length && !ids.some((x) => c.id.startsWith(x))) continue;
    const p = await parseEmail(toRaw(c, i));
    const cl = cleanBody(p);
    const t = `${p.subject}\n${cl.clean}\n${cl.signature}`;
    const sh = senderShape(p, { name: 'Maison Lumen', domains: ['maison-lumen.example'] });
    console.log(c.id, 'voice=', customerVoice(t, { orderNumber: orderNumberPattern('CMD', 5) }), 'pitch=', pitchFamilies(p.subject, t).join(','), 'ooo=', looksLikeOutOfOffice(p.subject, cl.clean), 'phish=', JSON.stringify(phishingVerdict(t, sh)), 'shape=', JSON.stringify(sh), 'clean=', JSON.stringify(cl.clean.slice(0, 80)));
  }
})();
