import path from 'node:path';
import { parseEmail } from '@replique/activities/mail/parse-email';
import { cleanBody } from '@replique/activities/mail/clean-body';
import { orderNumberPattern } from '@replique/activities/mail/customer-voice';
import { machineFeatures, machineProbability, machineEvidence } from '@replique/activities/mail/machine-head';
import { loadChallengeSet, toRaw } from './challenge-set';
(async () => {
  const ids = process.argv.slice(3);
  for (const [i, c] of loadChallengeSet(path.resolve(process.argv[2]!)).entries()) {
    if (ids.length && !ids.includes(c.id)) continue;
    const parsed = await parseEmail(toRaw(c, i));
    const f = machineFeatures({ parsed, cleaned: cleanBody(parsed), shop: { name: 'Maison Lumen', domains: ['maison-lumen.example'] }, orderNumber: orderNumberPattern('CMD', 5) });
    const nz = Object.entries(f).filter(([, v]) => v).map(([k, v]) => `${k}=${+v.toFixed(2)}`).join(' ');
    console.log(c.id, machineProbability(f).toFixed(2), 'ev', machineEvidence(f), '|', nz);
  }
})();
