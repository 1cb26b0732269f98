import type { Draft, EmailCase, Enrichment } from '../domain/types';
import { emailCase, SHOP_POLICIES } from '../triage/test-support/fixtures';
import type { SendRequest } from '../activity-contracts';
import type { ShopPolicies } from '../domain/types';
import { composeReply } from './compose-reply';
import { verifyLinkToken } from './reply-link-token';
import type { ReplyLinkSettings } from './reply-links';

const KEY = 'c3'.repeat(32);
const NOW = new Date('2026-03-10T09:00:00Z');
const LINKS: ReplyLinkSettings = { baseUrl: 'https://support.atelier-test.example/', secret: 'unit-test-link-secret-0123456789abcdef', csatTtlDays: 30, optOutTtlDays: 90 };
const policies = SHOP_POLICIES as unknown as ShopPolicies;

function answered(lang: 'fr' | 'en', customerMatch: Enrichment['customerMatch'] = 'sender'): EmailCase {
  const draft = { subject: 'Re: commande', body: 'Bonjour Anne,\n\nVotre commande <ORD-5501> arrive jeudi.\n\nCordialement', lang } as Draft;
  return emailCase({
    clean: 'Où est ma commande ?',
    draft,
    enrichment: { customerId: customerMatch === 'none' ? null : 'K1', customerMatch } as Enrichment,
    decision: { route: 'auto', reasons: [], confidence: 0.9, approvalsRequired: 0 },
    guardrails: { passed: true, fired: [], details: [] },
  });
}

const request = (mode: SendRequest['mode']): SendRequest => ({ emailKey: KEY, mode, approvedBy: [], edited: null });
const urlsIn = (text: string) => [...text.matchAll(/https:\/\/support\.atelier-test\.example\/r\/(rate|human)\/([^\s"?]+)/g)].map((m) => ({ kind: m[1], token: m[2]! }));

test('an automatic reply ends with a rating line and a "person next time" line in its language, both signed for this reply', () => {
  const reply = composeReply(answered('fr'), policies, request('automatic'), LINKS, NOW);
  expect(reply.text).toMatch(/^Bonjour Anne,/);
  expect(reply.text).toContain('Cette réponse vous a-t-elle aidé ? Notez-la en un clic : https://support.atelier-test.example/r/rate/csat.');
  expect(reply.text).toContain('Vous préférez qu’une personne vous réponde la prochaine fois ?');
  const [rate, human] = urlsIn(reply.text);
  expect(verifyLinkToken(LINKS.secret, rate!.token, 'csat', NOW)).toMatchObject({ ok: true, claims: { emailKey: KEY } });
  const optOut = verifyLinkToken(LINKS.secret, human!.token, 'optout', NOW);
  expect(optOut).toMatchObject({ ok: true, claims: { emailKey: KEY } });
  expect(optOut.ok && optOut.claims.expiresAt.getTime() - NOW.getTime()).toBe(90 * 86_400_000);
  expect(reply.text).not.toMatch(/anne\.leclerc|K1/);
});

test('the HTML body has the escaped reply and one link per score; English replies get English lines', () => {
  const reply = composeReply(answered('en'), policies, request('automatic'), LINKS, NOW);
  expect(reply.text).toContain('Did this reply help? Rate it in one click:');
  expect(reply.text).toContain('Would you rather a person answered you next time?');
  expect(reply.html).toContain('Votre commande &lt;ORD-5501&gt; arrive jeudi.');
  for (const score of [1, 2, 3, 4, 5]) expect(reply.html).toMatch(new RegExp(`/r/rate/csat\\.[^"?]+\\?score=${score}"`));
  expect(reply.html).toMatch(/<a href="https:\/\/support\.atelier-test\.example\/r\/human\/optout\.[^"]+">have a person answer me<\/a>/);
  expect(reply.html).toContain('<html lang="en">');
});

test('a reviewed reply is rated but offers no opt-out; neither does one to a third party or an unknown sender', () => {
  const reviewed = composeReply(answered('fr'), policies, { ...request('reviewed'), edited: { body: 'Texte relu.' } }, LINKS, NOW);
  expect(reviewed.text).toMatch(/^Texte relu\.\n\n--\n/);
  expect(urlsIn(reviewed.text).map((u) => u.kind)).toEqual(['rate']);
  for (const match of ['on_behalf', 'none'] as const) {
    expect(urlsIn(composeReply(answered('fr', match), policies, request('automatic'), LINKS, NOW).text).map((u) => u.kind)).toEqual(['rate']);
  }
});

test('without link settings the reply is the draft alone, text only', () => {
  const reply = composeReply(answered('fr'), policies, request('automatic'));
  expect(reply.text).toBe(answered('fr').draft!.body);
  expect(reply.html).toBeUndefined();
});
